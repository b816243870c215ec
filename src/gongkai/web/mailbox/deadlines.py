"""When a question is due: the agency's promised working days (MailboxPolicy), counted on the
platform's official calendar like the statutory clock, from the day after receipt."""

from dataclasses import dataclass
from datetime import date

from gongkai.statute.calendar import WorkingCalendar
from gongkai.web.mailbox.models import DEFAULT_ANSWER_DAYS, MailboxPolicy
from gongkai.web.workcalendar.calendar import current_calendar


@dataclass(frozen=True)
class Due:
    on: date
    provisional: bool  # a year on the way has no official schedule yet: weekends only


def promised_days(agency) -> int:
    policy = MailboxPolicy.objects.filter(agency=agency).first()
    return policy.answer_days if policy else DEFAULT_ANSWER_DAYS


def due_date(received_on: date, days: int, calendar: WorkingCalendar | None = None) -> Due:
    calendar = calendar or current_calendar()
    due = calendar.working_days_after(received_on, days)
    provisional = any(
        not calendar.has_schedule(year) for year in range(received_on.year, due.year + 1)
    )
    return Due(due, provisional)


def answered_on_time(question) -> bool | None:
    """Whether the answer came by the due date; None while unanswered."""
    if question.answered_on is None:
        return None
    return question.answered_on <= question.due_on
