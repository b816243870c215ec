"""The mailbox's background work: reminders of questions due soon or overdue each morning."""

from datetime import date

from django.tasks import task
from django.utils import timezone

from gongkai.web.jobs.schedule import register
from gongkai.web.mailbox.reminders import questions_to_remind, remind
from gongkai.web.workcalendar.calendar import current_calendar


@task
def send_mailbox_reminders(today: str | None = None) -> int:
    """E-mail each agency's staff about open questions due within 2 working days or overdue;
    returns how many messages were sent. Idempotent: once per question and threshold."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    calendar = current_calendar()
    return sum(remind(question, threshold, day, calendar)
               for question, threshold in questions_to_remind(day, calendar))  # fmt: skip


register("mailbox.due-reminders", send_mailbox_reminders, daily_at="07:40")
