"""An application's deadline, from its receipt date, pauses and extension."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from gongkai.statute.clock import Deadline, Pause, answer_deadline, regime_for
from gongkai.statute.explain import explain
from gongkai.web.applications import waiting
from gongkai.web.applications.models import Application, Event
from gongkai.web.applications.states import CLOCK_RUNNING, OPEN_STATES, WAITING_STATES
from gongkai.web.workcalendar.calendar import current_calendar

CLOCK_FIELDS = ["due_on", "due_provisional", "waiting_since", "waiting_until"]


def pauses_of(application: Application, today: date) -> list[Pause]:
    # A running pause is counted up to today: the due date moves on while it lasts.
    if application.pk is None:
        return []
    return [
        Pause(pause.first_day, pause.last_day or max(today, pause.first_day), pause.label)
        for pause in application.pauses.all()
    ]


def deadline_of(application: Application, calendar=None) -> Deadline:
    today = timezone.localdate()
    return answer_deadline(
        application.received_on,
        pauses_of(application, today),
        application.extension_days,
        regime_for(application.received_on),
        calendar=calendar or current_calendar(),
    )


def explanation(case: Application) -> list[str] | None:
    """How the answer deadline is counted while it runs; while the case waits, its own
    clock instead (there is no answer deadline then: waiting.py); None once it is closed.
    The staff's case page and the applicant's tracking page say the same."""
    if case.state in CLOCK_RUNNING:
        return explain(deadline_of(case))
    clock = waiting.clock_of(case)
    if clock is None:
        return None
    deadline = deadline_of(case)
    counted = max((run.total_after for run in deadline.runs if run.last < clock.since),
                  default=0)  # fmt: skip
    allowed = deadline.regime.answer_days + case.extension_days
    return waiting.explanation(case, clock, counted, allowed)


def refresh_deadline(application: Application, calendar=None) -> dict:
    """Recompute and store the case's clock: the answer deadline while it runs, the end of
    its waiting time while it waits (and no answer deadline: waiting.py); returns the
    changes for the history."""
    calendar = calendar or current_calendar()
    before = {name: getattr(application, name) for name in CLOCK_FIELDS}
    if application.state in WAITING_STATES:
        application.due_on, application.due_provisional = None, False
        application.waiting_until = waiting.period_end(application, calendar)
    else:
        deadline = deadline_of(application, calendar)
        application.due_on, application.due_provisional = deadline.due, deadline.provisional
        application.waiting_since = application.waiting_until = None
    return {
        name: [_json(before[name]), _json(getattr(application, name))]
        for name in CLOCK_FIELDS
        if before[name] != getattr(application, name)
    }


def recompute_open_deadlines(reason: str) -> int:
    """Recount every open case; record each changed deadline in its history. Idempotent: a
    case already counted on today's calendar does not change and gets no new event."""
    calendar = current_calendar()
    changed = 0
    for case in Application.objects.filter(state__in=OPEN_STATES).iterator():
        with transaction.atomic():
            case = Application.objects.select_for_update().get(pk=case.pk)
            changes = refresh_deadline(case, calendar)
            if changes:
                case.save(update_fields=CLOCK_FIELDS)
                Event.objects.create(application=case, action="recalculate",
                                     from_state=case.state, to_state=case.state,
                                     changes=changes, note=reason)  # fmt: skip
                changed += 1
    return changed


def _json(value):
    return value.isoformat() if isinstance(value, date) else value
