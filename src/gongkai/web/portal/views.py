from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency, Membership
from gongkai.web.agencies.roles import SUBTREE_ROLES


def home(request):
    agencies = Agency.objects.all()
    roots = [agency for agency in agencies if agency.parent_id is None]
    return render(request, "portal/home.html", {"agencies": agencies, "roots": roots})


def agency_detail(request, code: str):
    agency = get_object_or_404(Agency, code=code)
    children = agency.children.order_by("path")
    return render(request, "portal/agency.html", {"agency": agency, "children": children})


@login_required
def workbench(request):
    memberships = Membership.objects.filter(user=request.user).select_related("agency")
    supervised = [
        (membership.agency, membership.agency.subtree())
        for membership in memberships
        if membership.role in SUBTREE_ROLES
    ]
    context = {
        "memberships": memberships,
        "supervised": supervised,
        "visible_count": permissions.agencies_for(request.user).count(),
    }
    return render(request, "portal/workbench.html", context)
