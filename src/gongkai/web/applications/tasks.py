"""The applications app's background work: deadline reminders and the flags of waiting times
that have passed each morning, and recounting every open case after the official calendar
changes."""

from datetime import date

from django.tasks import task
from django.utils import timezone

from gongkai.web.applications.deadlines import recompute_open_deadlines
from gongkai.web.applications.reminders import cases_to_remind, remind
from gongkai.web.applications.waiting import flag_passed
from gongkai.web.jobs.schedule import register
from gongkai.web.workcalendar.calendar import current_calendar


@task
def send_deadline_reminders(today: str | None = None) -> int:
    """E-mail each agency's staff about its open cases due within 3 working days or overdue;
    returns how many messages were sent. Idempotent: each case is reminded once per
    threshold (notify's key), however often this runs."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    calendar = current_calendar()
    return sum(remind(case, threshold, day, calendar)
               for case, threshold in cases_to_remind(day, calendar))  # fmt: skip


@task
def flag_passed_waiting_times(today: str | None = None) -> int:
    """Flag each case whose time to correct, to give an opinion or to pay has passed (one
    history event) and tell its clerks; returns how many were flagged. It does not close
    them: whether the applicant had good reason is for a person to judge (waiting.py).
    Idempotent: a waiting time is flagged once, however often this runs."""
    return flag_passed(date.fromisoformat(today) if today else timezone.localdate())


@task
def recount_open_deadlines(reason: str) -> int:
    """Count every open case's deadline again on the current calendar; returns how many
    changed. Idempotent: a second run changes nothing and records nothing."""
    return recompute_open_deadlines(reason)


register("applications.deadline-reminders", send_deadline_reminders, daily_at="07:30")
register("applications.waiting-times", flag_passed_waiting_times, daily_at="07:15")
