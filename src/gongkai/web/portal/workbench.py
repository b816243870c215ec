"""What 我的工作台 shows a person: the cases due this week and overdue at the agencies where
they handle cases, what waits on them (a sign-off step of their role, a signed answer to
issue, a waiting time that has passed, an entry at their review or approval step), the
counts of each agency where they hold a role, and the 督办 their agencies received.

The conditions are applications.queues' (the inbox's), so every count equals the list its
link opens.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Membership
from gongkai.web.agencies.roles import SUBTREE_ROLES, Action, Role
from gongkai.web.applications import queues
from gongkai.web.applications.models import Application
from gongkai.web.catalog.models.entries import ApprovalStep, Entry, EntryState
from gongkai.web.supervision.models import Reminder

LISTED = 20  # cases per list; the inbox has the rest
REMINDERS_SHOWN_DAYS = 30
# The agency counts, each named as the inbox view that lists its cases.
COUNT_LABELS = {
    "open": _("Open"),
    "due_soon": _("Due within a week"),
    "overdue": _("Overdue"),
    "waiting": _("Waiting (no answer deadline)"),
    "waiting_passed": _("Waiting time passed"),
    "sign_off": _("In sign-off"),
}


@dataclass
class Queue:
    cases: list
    total: int
    view: str  # the inbox view with all of them


def queue(cases, view: str) -> Queue:
    return Queue(list(cases[:LISTED]), cases.count(), view)


def cases_handled(user):
    return Application.objects.filter(
        agency__in=permissions.agencies_for(user, Action.HANDLE)
    ).select_related("agency")


def due_and_overdue(user, today: date) -> tuple[Queue, Queue]:
    handled = cases_handled(user)
    due = handled.filter(queues.due_soon(today)).order_by("due_on", "id")
    late = handled.filter(queues.overdue(today)).order_by("due_on", "id")
    return queue(due, "due_soon"), queue(late, "overdue")


def cases_awaiting(user, today: date):
    """Cases at a step of one of the user's roles, and waiting times passed where they
    handle cases (to record the correction, payment or opinion, or to close)."""
    handled = permissions.agencies_for(user, Action.HANDLE)
    passed = Q(agency__in=handled) & queues.waiting_passed(today)
    awaiting = Application.objects.filter(queues.awaiting(user) | passed)
    return awaiting.select_related("agency").order_by("id")[:LISTED]


def entries_awaiting(user):
    """Catalogue entries at the user's step: 保密审查 for reviewers (and heads), an approval
    step of a role they hold at the entry's agency."""
    condition = Q(pk__in=[])
    memberships = Membership.objects.filter(user=user).exclude(role__in=SUBTREE_ROLES)
    for agency_id, role in memberships.values_list("agency_id", "role"):
        if role in (Role.REVIEWER, Role.HEAD):
            condition |= Q(agency_id=agency_id, state=EntryState.IN_REVIEW)
        at_step = ApprovalStep.objects.filter(agency=OuterRef("agency"), role=role,
                                              position=OuterRef("approval_position"))  # fmt: skip
        condition |= Q(Exists(at_step), agency_id=agency_id, state=EntryState.IN_APPROVAL)
    return Entry.objects.filter(condition).select_related("agency").order_by("generated_on")


def agency_counts(user, today: date) -> list[tuple]:
    """(agency, [(view, label, n)]) for each agency where the user holds a role of its own."""
    agencies = {m.agency_id: m.agency for m in Membership.objects.filter(user=user)
                .exclude(role__in=SUBTREE_ROLES).select_related("agency")}  # fmt: skip
    views = queues.views(today)
    conditions = {name: views[name] for name in COUNT_LABELS}
    rows = (
        Application.objects.filter(agency__in=agencies)
        .values("agency_id")
        .annotate(**{name: Count("pk", filter=condition) for name, condition in conditions.items()})
    )
    counted = {row.pop("agency_id"): row for row in rows}
    ordered = sorted(agencies.values(), key=lambda agency: agency.path)
    return [(agency, [(view, label, counted.get(agency.pk, {}).get(view, 0))
                      for view, label in COUNT_LABELS.items()]) for agency in ordered]  # fmt: skip


def reminders_received(user, today: date):
    """督办 sent in the last 30 days to an agency where the user holds a role of its own."""
    agencies = Membership.objects.filter(user=user).exclude(role__in=SUBTREE_ROLES)
    since = today - timedelta(days=REMINDERS_SHOWN_DAYS)
    return Reminder.objects.filter(
        agency__in=agencies.values("agency_id"), sent_at__date__gte=since
    ).select_related("agency", "sent_by")
