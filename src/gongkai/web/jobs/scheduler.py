"""Enqueue each periodic job once per period, however many workers are checking.

The run is recorded and the task enqueued in one transaction: the unique (job, period)
constraint turns away every scheduler but the first, and with the database task backend the
queued task is committed together with its record, so a run is never recorded without its
task or enqueued twice.
"""

import logging
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.web.jobs.models import ScheduledRun
from gongkai.web.jobs.schedule import PeriodicJob, due_now

logger = logging.getLogger(__name__)


def enqueue_due_jobs(now: datetime | None = None) -> list[str]:
    """Enqueue the periodic jobs whose current period has no run yet; returns their names."""
    now = now or timezone.now()
    enqueued = []
    for job, period in due_now(now):
        already = ScheduledRun.objects.filter(job=job.name, period=period).exists()
        if not already and enqueue_once(job, period):
            enqueued.append(job.name)
    return enqueued


def enqueue_once(job: PeriodicJob, period: str) -> bool:
    """Record the run of `job` for `period` and enqueue its task, unless another scheduler
    did first."""
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job.name, period=period)
            result = job.task.enqueue()
            run.task_id = str(result.id)
            run.save(update_fields=["task_id"])
    except IntegrityError:
        return False
    logger.info("Enqueued %s for %s (task %s)", job.name, period, run.task_id)
    return True
