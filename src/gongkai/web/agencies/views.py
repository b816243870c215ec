"""The agency picker's suggestions (picker.py): every agency for the public 目录's filter, by
code; a member of staff's own agencies for the staff pages, by primary key."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.cache import cache_control, cache_page
from django.views.decorators.http import require_GET

from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.picker import nodes, suggestions
from gongkai.web.agencies.roles import Action

SUGGESTIONS_SECONDS = 300  # a new agency appears in the suggestions that late


@require_GET
@cache_control(public=True, max_age=SUGGESTIONS_SECONDS)
@cache_page(SUGGESTIONS_SECONDS)
def public_choices(request) -> JsonResponse:
    """Agency names and codes are public (the portal lists them all). Kept in the shared
    cache: a province's thousands take ~0.1 s to list."""
    return JsonResponse({"choices": suggestions(nodes(Agency.objects.all()), value="code")})


@require_GET
@login_required
@cache_control(private=True, max_age=SUGGESTIONS_SECONDS)
def staff_choices(request) -> JsonResponse:
    """The agencies the user may view, or handle (`?action=handle`): those the page's select
    lists."""
    action = Action.HANDLE if request.GET.get("action") == "handle" else Action.VIEW
    agencies = permissions.agencies_for(request.user, action)
    return JsonResponse({"choices": suggestions(nodes(agencies))})
