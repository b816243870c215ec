"""Workers say they are alive; tasks left RUNNING by a worker that is not go back to the queue.

A worker killed in the middle of a task (power loss, SIGKILL, a second Ctrl-C) leaves the
task marked RUNNING, or FAILED with the interruption as its error, and nothing would ever run
it again. Each `gongkai worker` keeps a heartbeat row. A worker on this host is alive while
its process exists (so a restart finds its predecessor's tasks at once); one on another host
while its row was seen within STALE_AFTER. A heartbeat older than LOST_AFTER counts for
nothing (a process id used again by another program, a long write holding up the beats).
The tasks of workers that are not alive are made READY again at start-up and at every check
after, so a restarted worker (or another one) runs them. Every task of this platform is
idempotent, which is what makes running one twice safe. Start workers with `gongkai worker`:
a bare `db_worker` keeps no heartbeat, and its running tasks would be taken for abandoned.
"""

import os
import socket
from datetime import datetime, timedelta

from django.db.models import Q
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from gongkai.web.jobs.models import WorkerHeartbeat

STALE_AFTER = timedelta(minutes=2)  # many missed beats from another host: the worker is gone
LOST_AFTER = timedelta(hours=1)
HOST = socket.gethostname()[:255]
# What a task shows when its worker was stopped in the middle of it.
INTERRUPTIONS = ("builtins.SystemExit", "builtins.KeyboardInterrupt")
# Failures that say nothing about the task itself: the database restarted or went away, or
# chose the task's transaction as a deadlock's victim. Such a task is run again, up to
# MAX_ATTEMPTS runs in all (a task that always fails this way stays failed).
TRANSIENT = ("django.db.utils.OperationalError", "django.db.utils.InterfaceError")
MAX_ATTEMPTS = 5


def beat(worker_id: str) -> None:
    """Record that this worker is alive now."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"host": HOST, "pid": os.getpid(), "seen_at": timezone.now()},
    )


def forget(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def is_alive(heartbeat: WorkerHeartbeat, now: datetime) -> bool:
    if heartbeat.host == HOST:
        return process_exists(heartbeat.pid)
    return heartbeat.seen_at >= now - STALE_AFTER


def alive_workers(now: datetime) -> set[str]:
    recent = WorkerHeartbeat.objects.filter(seen_at__gte=now - LOST_AFTER)
    return {heartbeat.worker_id for heartbeat in recent if is_alive(heartbeat, now)}


def abandoned_tasks(alive: set[str], interrupted: bool) -> list[DBTaskResult]:
    """Tasks RUNNING (and, if `interrupted`, FAILED by an interruption) whose last worker is
    not alive."""
    wanted = Q(status=TaskResultStatus.RUNNING)
    if interrupted:
        wanted |= Q(status=TaskResultStatus.FAILED, exception_class_path__in=INTERRUPTIONS)
    candidates = DBTaskResult.objects.filter(wanted).only("id", "status", "worker_ids")
    return [task for task in candidates if (task.worker_ids or [None])[-1] not in alive]


def failed_transiently() -> list[DBTaskResult]:
    """Tasks that failed on a database error, with runs left to try."""
    failed = DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED, exception_class_path__in=TRANSIENT
    ).only("id", "status", "worker_ids")
    return [task for task in failed if len(task.worker_ids or []) < MAX_ATTEMPTS]


def requeue_abandoned_tasks(now: datetime | None = None, interrupted: bool = True) -> int:
    """Make the abandoned tasks, and those failed on a database error, READY again; returns
    how many. A task whose worker finished
    it meanwhile keeps its new status (the update matches the status it was read with).
    Tasks that failed by an interruption are looked for only when `interrupted` (at a
    worker's start: they stay among the failed ones, which are many)."""
    alive = alive_workers(now or timezone.now())
    requeued = 0
    for task in abandoned_tasks(alive, interrupted) + failed_transiently():
        requeued += DBTaskResult.objects.filter(pk=task.pk, status=task.status).update(
            status=TaskResultStatus.READY,
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
        )
    WorkerHeartbeat.objects.exclude(worker_id__in=alive).delete()
    return requeued
