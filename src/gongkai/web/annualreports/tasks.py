"""The annual-reports app's background work: each morning, remind the agencies whose report is
due soon or overdue (reminders.py)."""

from datetime import date

from django.tasks import task
from django.utils import timezone

from gongkai.web.annualreports.reminders import remind, reports_to_remind
from gongkai.web.jobs.schedule import register


@task
def send_report_reminders(today: str | None = None) -> int:
    """E-mail the clerks and head of each agency whose report of last year is unpublished and
    at a reminder threshold; returns how many messages were sent. Idempotent: each message
    goes once per report, threshold and day."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    return sum(remind(countdown, left, day) for countdown, left in reports_to_remind(day))


register("annualreports.report-reminders", send_report_reminders, daily_at="08:00")
