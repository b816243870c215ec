"""Which cases each list shows, as query conditions: the inbox's views, the counts of the
workbench and of the supervisor's page. One definition, so that a count and the list behind
it always agree.

Due soon and overdue concern only cases whose answer period runs (states.CLOCK_RUNNING,
the sign-off of a drafted answer included). A case waiting for a correction, an opinion or
a payment has no answer deadline (waiting.py): it is listed by its own clock instead.
"""

from datetime import date, timedelta

from django.db.models import F, Q

from gongkai.web.agencies.models import Membership
from gongkai.web.agencies.roles import SUBTREE_ROLES, Role
from gongkai.web.applications.states import (
    CLOCK_RUNNING,
    OPEN_STATES,
    SIGN_OFF_STATES,
    WAITING_STATES,
    State,
)

DUE_SOON_DAYS = 7  # calendar days: "due within a week"
ISSUING_ROLE = Role.CLERK  # who sends out a signed answer (any handler may)


def views(today: date) -> dict[str, Q]:
    """The inbox's views by key."""
    return {
        "open": Q(state__in=OPEN_STATES),
        "due_soon": due_soon(today),
        "overdue": overdue(today),
        "sign_off": Q(state__in=SIGN_OFF_STATES),
        "waiting": Q(state__in=WAITING_STATES),
        "waiting_passed": waiting_passed(today),
        "closed": Q(state__in=[State.DECIDED, State.CLOSED]),
        "late": answered_late(today.year),
        "all": Q(),
    }


def due_soon(today: date) -> Q:
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    return Q(state__in=CLOCK_RUNNING, due_on__range=(today, horizon))


def overdue(today: date) -> Q:
    return Q(state__in=CLOCK_RUNNING, due_on__lt=today)


def waiting_passed(today: date) -> Q:
    return Q(state__in=WAITING_STATES, waiting_until__lt=today)


def answered_late(year: int) -> Q:
    """Answered in `year` after the answer deadline (第三十三条)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return Q(decided_on__range=(first, last), decided_on__gt=F("due_on"))


def awaiting(user) -> Q:
    """Cases at a step that one of the user's roles takes at that agency: a sign-off step,
    or the issue of a signed answer (the clerks')."""
    condition = Q(pk__in=[])
    memberships = Membership.objects.filter(user=user).exclude(role__in=SUBTREE_ROLES)
    for agency_id, role in memberships.values_list("agency_id", "role"):
        condition |= Q(agency_id=agency_id, state=State.IN_SIGN_OFF, sign_off_role=role)
        if role == ISSUING_ROLE:
            condition |= Q(agency_id=agency_id, state=State.SIGNED)
    return condition
