"""The jobs app's own periodic job: forgetting finished work after a month."""

from datetime import timedelta

from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from gongkai.web.jobs.models import ScheduledRun
from gongkai.web.jobs.schedule import register

KEEP_FINISHED = timedelta(days=30)


@task
def prune_finished_work() -> int:
    """Delete the results of tasks that finished, and the records of scheduled runs, more
    than KEEP_FINISHED ago (the notifications stay: they are the record of what was sent).
    Idempotent: a second run finds nothing more to delete."""
    cutoff = timezone.now() - KEEP_FINISHED
    finished = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    results, _ = DBTaskResult.objects.filter(status__in=finished, finished_at__lt=cutoff).delete()
    runs, _ = ScheduledRun.objects.filter(enqueued_at__lt=cutoff).delete()
    return results + runs


register("jobs.prune-finished-work", prune_finished_work, daily_at="03:30")
