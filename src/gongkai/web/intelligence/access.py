"""Who works with imported published reports: the supervising offices (政务公开办), which
check the reports of the agencies below them, and the platform's superusers."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.intelligence.models import PublishedReport
from gongkai.web.intelligence.review import may_review


def is_analyst(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or permissions.agencies_for(user, Action.SUPERVISE).exists()


def analyst_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_analyst(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def report_for_review(request, pk: int) -> PublishedReport:
    """The report, if this user may review it; else 404, as if it did not exist."""
    report = get_object_or_404(PublishedReport.objects.select_related("agency", "external"), pk=pk)
    if not may_review(request.user, report):
        raise PermissionDenied
    return report
