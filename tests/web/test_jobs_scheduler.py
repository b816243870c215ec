"""The scheduler enqueues each periodic job once per period, even with several workers'
schedulers checking at the same moment (on SQLite and PostgreSQL alike)."""

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from gongkai.web.jobs import scheduler
from gongkai.web.jobs.models import ScheduledRun
from gongkai.web.jobs.schedule import PERIODIC

pytestmark = pytest.mark.django_db(transaction=True)

MORNING = datetime(2026, 5, 6, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # every job is due


def test_each_due_job_is_enqueued_once_per_period():
    assert sorted(scheduler.enqueue_due_jobs(MORNING)) == sorted(PERIODIC)
    assert scheduler.enqueue_due_jobs(MORNING + timedelta(hours=3)) == []
    assert sorted(scheduler.enqueue_due_jobs(MORNING + timedelta(days=1))) == sorted(PERIODIC)
    assert ScheduledRun.objects.count() == DBTaskResult.objects.count() == 2 * len(PERIODIC)


def test_a_run_is_recorded_with_the_task_it_enqueued():
    scheduler.enqueue_due_jobs(MORNING)
    run = ScheduledRun.objects.get(job="catalog.warm-search", period="2026-05-06")
    task = DBTaskResult.objects.get(pk=run.task_id)
    assert task.task_path == "gongkai.web.catalog.tasks.warm_search"
    assert task.status == "READY"


def test_a_second_scheduler_for_the_same_period_is_turned_away():
    job = PERIODIC["applications.deadline-reminders"]
    assert scheduler.enqueue_once(job, "2026-05-06") is True
    assert scheduler.enqueue_once(job, "2026-05-06") is False
    assert DBTaskResult.objects.count() == 1


def test_two_schedulers_racing_enqueue_each_job_once(monkeypatch):
    # Both schedulers pass the "already enqueued?" look before either inserts, job after job:
    # only the unique (job, period) constraint can decide.
    barrier = threading.Barrier(2, timeout=30)
    enqueue_once = scheduler.enqueue_once

    def in_step(job, period):
        barrier.wait()
        return enqueue_once(job, period)

    monkeypatch.setattr(scheduler, "enqueue_once", in_step)
    won: list[list[str]] = [[], []]
    errors: list[BaseException] = []

    def schedule(side: int, now: datetime) -> None:
        try:
            won[side].extend(scheduler.enqueue_due_jobs(now))
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
            barrier.abort()
        finally:
            connection.close()

    for day in range(3):
        now = MORNING + timedelta(days=day)
        threads = [threading.Thread(target=schedule, args=(side, now)) for side in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert sorted(won[0] + won[1]) == sorted(list(PERIODIC) * 3)
    assert ScheduledRun.objects.count() == DBTaskResult.objects.count() == 3 * len(PERIODIC)
