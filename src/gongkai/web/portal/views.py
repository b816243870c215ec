from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency, Membership
from gongkai.web.agencies.roles import SUBTREE_ROLES, Action
from gongkai.web.annualreports.deadlines import workbench_years
from gongkai.web.catalog.public import filter_choices
from gongkai.web.portal import directory
from gongkai.web.portal import home as home_page
from gongkai.web.portal import workbench as work


def home(request):
    """The portal's home: its columns, the latest publications, the 第二十条 items, the 年报 of
    the year and the agencies by level (each level cut short: there may be hundreds)."""
    root = Agency.objects.filter(parent=None).order_by("pk").first()
    context = {
        "root": root,
        "columns": home_page.columns(root),
        "latest": home_page.latest_publications(),
        "items": home_page.article_20_counts(),
        "reports": home_page.reports_of_the_year(),
        "groups": directory.level_groups(per_group=home_page.AGENCIES_PER_LEVEL),
        "agencies": filter_choices()["agency"],
    }
    return render(request, "portal/home.html", context)


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
    today = timezone.localdate()
    due, overdue = work.due_and_overdue(request.user, today)
    context = {
        "memberships": memberships,
        "supervised": supervised,
        "supervises": permissions.agencies_for(request.user, Action.SUPERVISE).exists(),
        "handles": permissions.agencies_for(request.user, Action.HANDLE).exists(),
        "manages": permissions.agencies_for(request.user, Action.MANAGE).exists(),
        "due": due,
        "overdue": overdue,
        "awaiting": work.cases_awaiting(request.user, today),
        "entries_awaiting": work.entries_awaiting(request.user)[: work.LISTED],
        "agency_counts": work.agency_counts(request.user, today),
        "reminders": work.reminders_received(request.user, today),
        "visible_count": agencies.count(),
        "report_years": workbench_years(agencies, today),
        "today": today,
    }
    return render(request, "portal/workbench.html", context)
