"""`gongkai worker`: django-tasks-db's worker loop, with a housekeeping thread beside it.

The main thread runs the database worker (django_tasks_db's Worker: claim a READY task,
run it, record the result). The housekeeping thread says every CHECK_EVERY seconds that the
worker is alive, puts tasks abandoned by dead workers back in the queue (recovery.py) and,
unless told not to, enqueues the periodic jobs that are due (scheduler.py). SIGTERM or
Ctrl-C lets the running task finish, then stops both; a second one interrupts the task
(the next start runs it again).
"""

import logging
import threading

from django.db import DatabaseError, close_old_connections, connection
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from gongkai.web.jobs import recovery, scheduler

logger = logging.getLogger(__name__)

CHECK_EVERY = 15.0  # seconds between heartbeats and schedule checks


def housekeeping(worker_id: str, schedule: bool, starting: bool = False) -> None:
    """One round: heartbeat, recovery, and the schedule."""
    close_old_connections()
    recovery.beat(worker_id)
    if requeued := recovery.requeue_abandoned_tasks(interrupted=starting):
        logger.warning("Requeued %d task(s) abandoned by a stopped worker", requeued)
    if schedule:
        scheduler.enqueue_due_jobs()


def keep_house(worker_id: str, schedule: bool, stop: threading.Event, every: float) -> None:
    """Housekeeping until `stop` is set; a database error is logged and tried next round."""
    try:
        while not stop.wait(every):
            try:
                housekeeping(worker_id, schedule)
            except DatabaseError:
                logger.exception("Housekeeping failed; trying again in %s s", every)
    finally:
        connection.close()


def new_worker(worker_id: str, interval: float, batch: bool) -> Worker:
    return Worker(queue_names=["*"], interval=interval, batch=batch,
                  backend_name=DEFAULT_TASK_BACKEND_ALIAS, startup_delay=False,
                  max_tasks=None, worker_id=worker_id, excluded_queue_names=[])  # fmt: skip


def run_worker(
    *, interval: float = 1.0, schedule: bool = True, check_every: float = CHECK_EVERY
) -> None:
    """Run queued tasks until stopped by SIGTERM or Ctrl-C (in the main thread only)."""
    worker_id = get_random_string(32)
    housekeeping(worker_id, schedule, starting=True)  # recover and schedule, then claim
    stop = threading.Event()
    thread = threading.Thread(target=keep_house, args=(worker_id, schedule, stop, check_every),
                              name="gongkai-housekeeping", daemon=True)  # fmt: skip
    thread.start()
    worker = new_worker(worker_id, interval, batch=False)
    worker.configure_signals()
    logger.info("Worker %s started", worker_id)
    try:
        worker.run()
    finally:
        worker.reset_signals()
        stop.set()
        thread.join(timeout=check_every + 30)
        recovery.forget(worker_id)


def run_queued_tasks() -> int:
    """Run every task that is ready, here and now, and return how many ran (tests; a one-off
    run without a worker). Call it outside a transaction."""
    worker_id = "inline-" + get_random_string(24)
    recovery.beat(worker_id)  # a worker checking meanwhile must not take our task for lost
    worker = new_worker(worker_id, interval=0, batch=True)
    try:
        worker.run()
    finally:
        recovery.forget(worker_id)
    return worker._run_tasks
