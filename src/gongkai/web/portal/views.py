from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency, Membership
from gongkai.web.agencies.roles import SUBTREE_ROLES
from gongkai.web.annualreports.deadlines import workbench_years


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
    agencies = permissions.agencies_for(request.user).order_by("path")
    context = {
        "memberships": memberships,
        "supervised": supervised,
        "visible_count": agencies.count(),
        "report_years": workbench_years(agencies, timezone.localdate()),
        "today": timezone.localdate(),
    }
    return render(request, "portal/workbench.html", context)
