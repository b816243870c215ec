"""`gongkai worker` as it runs in production: a separate process on the test database that
runs what is queued, stops cleanly on SIGTERM, and runs again a task it was killed in."""

import os
import signal
import subprocess
import sys
import time
from datetime import date
from email import message_from_string
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from gongkai.web.applications.tasks import send_deadline_reminders
from gongkai.web.applications.workflow import submit
from gongkai.web.jobs import recovery
from gongkai.web.jobs.models import Notification, WorkerHeartbeat
from gongkai.web.jobs.worker import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=True)

HERE = Path(__file__).resolve().parent
GONGKAI = Path(sys.executable).with_name("gongkai")


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def sample_tasks(monkeypatch):
    monkeypatch.syspath_prepend(str(HERE))
    import jobs_sample_tasks

    return jobs_sample_tasks


@pytest.fixture
def start_worker(tmp_path):
    """Start `gongkai worker` on the test database, e-mail written to tmp_path/mail."""
    started: list[subprocess.Popen] = []
    env = os.environ | {"DATABASE_URL": database_url(), "EMAIL_BACKEND": "file",
                        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
                        "PYTHONPATH": str(HERE), "LOG_LEVEL": "WARNING"}  # fmt: skip

    def start() -> subprocess.Popen:
        process = subprocess.Popen(
            [GONGKAI, "worker", "--no-scheduler", "--interval", "0.2"], env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()


def wait_for(condition, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def status_of(result) -> str:
    return DBTaskResult.objects.get(pk=result.id).status


def stop(process: subprocess.Popen) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=60)
    return process.returncode, output


def mail_in(folder: Path) -> list:
    messages = []
    for file in sorted(folder.glob("*.log")) if folder.exists() else []:
        for text in file.read_text().split("-" * 79):
            if text.strip():
                messages.append(message_from_string(text.strip()))
    return messages


def test_the_worker_runs_a_queued_task_and_stops_on_sigterm(alice, finance, start_worker, tmp_path):
    alice.email = "alice@qingshan.gov.cn"
    alice.save()
    fields = {"applicant_type": "natural", "name": "王小明", "phone": "1", "channel": "online",
              "received_on": date(2026, 4, 1), "description": "x", "form_requested": "email",
              "delivery": "email"}  # fmt: skip
    number = submit(finance, fields).number  # due 2026-04-30
    result = send_deadline_reminders.enqueue(today="2026-04-27")
    worker = start_worker()
    wait_for(lambda: status_of(result) == TaskResultStatus.SUCCESSFUL)
    assert DBTaskResult.objects.get(pk=result.id).return_value == 1
    [message] = mail_in(tmp_path / "mail")
    assert message["To"] == "alice@qingshan.gov.cn"
    assert str(make_header(decode_header(message["Subject"]))).startswith(f"提醒：申请 {number}")
    assert WorkerHeartbeat.objects.count() == 1
    code, output = stop(worker)
    assert code == 0, output
    assert "worker stopped" in output
    assert not WorkerHeartbeat.objects.exists()


def test_sigterm_lets_the_running_task_finish(sample_tasks, start_worker, tmp_path):
    log = tmp_path / "runs.log"
    worker = start_worker()
    result = sample_tasks.note_each_run.enqueue(str(log), first_run_seconds=3)
    wait_for(lambda: log.exists())
    code, output = stop(worker)
    assert code == 0, output
    assert status_of(result) == TaskResultStatus.SUCCESSFUL
    assert log.read_text() == "started\ndone\n"


def test_a_task_left_running_by_a_killed_worker_runs_again_on_the_next_start(
    sample_tasks, start_worker, tmp_path
):
    log = tmp_path / "runs.log"
    first = start_worker()
    result = sample_tasks.note_each_run.enqueue(str(log), first_run_seconds=120)
    wait_for(lambda: log.exists())
    first.kill()  # SIGKILL: no chance to clean up
    first.wait()
    assert status_of(result) == TaskResultStatus.RUNNING
    second = start_worker()
    wait_for(lambda: status_of(result) == TaskResultStatus.SUCCESSFUL)
    assert log.read_text() == "started\nstarted\ndone\n"
    assert DBTaskResult.objects.get(pk=result.id).return_value == 2
    assert stop(second)[0] == 0


def test_a_running_task_of_a_live_worker_is_left_alone(sample_tasks, tmp_path):
    result = sample_tasks.note_each_run.enqueue(str(tmp_path / "runs.log"))
    DBTaskResult.objects.filter(pk=result.id).update(status=TaskResultStatus.RUNNING,
                                                     worker_ids=["busy"])  # fmt: skip
    recovery.beat("busy")  # this very process: alive
    assert recovery.requeue_abandoned_tasks() == 0
    WorkerHeartbeat.objects.filter(pk="busy").update(pid=dead_pid())
    assert recovery.requeue_abandoned_tasks() == 1
    assert status_of(result) == TaskResultStatus.READY


def test_a_task_interrupted_by_a_forced_stop_is_queued_again(sample_tasks, tmp_path):
    result = sample_tasks.note_each_run.enqueue(str(tmp_path / "runs.log"))
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.FAILED, worker_ids=["gone"],
        exception_class_path="builtins.SystemExit", traceback="SystemExit: 1",
    )  # fmt: skip
    assert recovery.requeue_abandoned_tasks() == 1
    assert run_queued_tasks() == 1
    assert status_of(result) == TaskResultStatus.SUCCESSFUL


def test_a_task_that_failed_on_its_own_is_not_retried(sample_tasks, tmp_path):
    result = sample_tasks.note_each_run.enqueue(str(tmp_path / "runs.log"))
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.FAILED, worker_ids=["gone"],
        exception_class_path="builtins.ValueError",
    )  # fmt: skip
    assert recovery.requeue_abandoned_tasks() == 0


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_reminders_sent_before_a_restart_are_not_sent_again(alice, finance, mailoutbox):
    alice.email = "alice@qingshan.gov.cn"
    alice.save()
    fields = {"applicant_type": "natural", "name": "王小明", "phone": "1", "channel": "online",
              "received_on": date(2026, 4, 1), "description": "x", "form_requested": "email",
              "delivery": "email"}  # fmt: skip
    submit(finance, fields)
    send_deadline_reminders.enqueue(today="2026-04-27")
    send_deadline_reminders.enqueue(today="2026-04-27")  # queued again, as after a restart
    assert run_queued_tasks() == 2
    assert len(mailoutbox) == 1 == Notification.objects.count()


def test_interrupted_tasks_are_looked_for_at_start_up_only(sample_tasks, tmp_path):
    result = sample_tasks.note_each_run.enqueue(str(tmp_path / "runs.log"))
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.FAILED, worker_ids=["gone"],
        exception_class_path="builtins.SystemExit",
    )  # fmt: skip
    assert recovery.requeue_abandoned_tasks(interrupted=False) == 0
    assert recovery.requeue_abandoned_tasks(interrupted=True) == 1
