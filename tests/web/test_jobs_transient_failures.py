"""A task that failed on a database error — chosen as a deadlock's victim, or cut off by a
database restart — is run again by the worker's housekeeping, a bounded number of times;
a task that failed on its own error is not."""

from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from gongkai.web.jobs import recovery
from gongkai.web.jobs.worker import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=True)
HERE = Path(__file__).resolve().parent


@pytest.fixture
def sample_tasks(monkeypatch):
    monkeypatch.syspath_prepend(str(HERE))
    import jobs_sample_tasks

    return jobs_sample_tasks


def test_a_task_failed_on_the_database_runs_again_and_succeeds(sample_tasks, tmp_path):
    result = sample_tasks.fail_on_the_database_first.enqueue(str(tmp_path / "runs.log"))
    run_queued_tasks()
    task = DBTaskResult.objects.get(pk=result.id)
    assert (task.status, task.exception_class_path) == (
        "FAILED",
        "django.db.utils.OperationalError",
    )
    assert recovery.requeue_abandoned_tasks(interrupted=False) == 1
    run_queued_tasks()
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL" and task.return_value == 2


def test_it_stops_retrying_after_the_last_attempt(sample_tasks, tmp_path):
    result = sample_tasks.fail_on_the_database_first.enqueue(str(tmp_path / "runs.log"))
    run_queued_tasks()
    workers = [f"w{n}" for n in range(recovery.MAX_ATTEMPTS)]
    DBTaskResult.objects.filter(pk=result.id).update(worker_ids=workers)
    assert recovery.requeue_abandoned_tasks(interrupted=False) == 0


def test_a_task_failed_on_its_own_error_stays_failed(sample_tasks, tmp_path):
    result = sample_tasks.note_each_run.enqueue(str(tmp_path / "missing-dir" / "runs.log"))
    run_queued_tasks()
    assert DBTaskResult.objects.get(pk=result.id).status == "FAILED"
    assert recovery.requeue_abandoned_tasks(interrupted=False) == 0
