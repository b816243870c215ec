"""When the official calendar changes (a new year's holidays entered), the due date of every
open question is counted again on it — by the worker, as a task queued in the change's own
transaction, as for applications (applications/signals.py). A changed due date is recorded
in the question's history."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.tasks import task

from gongkai.web.mailbox.deadlines import due_date
from gongkai.web.mailbox.models import Question, QuestionState
from gongkai.web.mailbox.workflow import record, snapshot
from gongkai.web.workcalendar.calendar import current_calendar
from gongkai.web.workcalendar.models import OfficialSchedule


@task
def recount_open_questions(reason: str) -> int:
    """Count every open question's due date again; returns how many changed. Idempotent."""
    calendar, changed = current_calendar(), 0
    for pk in Question.objects.filter(state=QuestionState.OPEN).values_list("pk", flat=True):
        with transaction.atomic():
            question = Question.objects.select_for_update().get(pk=pk)
            due = due_date(question.received_on, question.answer_days, calendar)
            if (due.on, due.provisional) == (question.due_on, question.due_provisional):
                continue
            before = snapshot(question)
            question.due_on, question.due_provisional = due.on, due.provisional
            question.save(update_fields=["due_on", "due_provisional"])
            record(question, "recalculate", None, before, snapshot(question), reason)
            changed += 1
    return changed


@receiver([post_save, post_delete], sender=OfficialSchedule)
def calendar_changed(sender, instance: OfficialSchedule, **kwargs) -> None:
    recount_open_questions.enqueue(f"{instance.year}年节假日安排已更新")
