"""/healthz for the load balancer and /healthz/worker for monitoring: 200 with every check
"ok", or 503 naming what is wrong."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from gongkai.web.jobs import recovery
from gongkai.web.jobs.models import WorkerHeartbeat

HERE = Path(__file__).resolve().parent


@pytest.fixture
def sample_tasks(monkeypatch):
    monkeypatch.syspath_prepend(str(HERE))
    import jobs_sample_tasks

    return jobs_sample_tasks


def test_a_healthy_platform_answers_200_with_each_check(client, db):
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["checks"] == {"database": "ok", "migrations": "ok", "cache": "ok"}
    assert answer["Cache-Control"] == "no-store"


def test_the_load_balancer_may_ask_by_address_over_plain_http(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    answer = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")  # not in ALLOWED_HOSTS
    assert answer.status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400  # pages still refuse


def test_an_unapplied_migration_makes_it_503_naming_the_migration(client, db):
    MigrationRecorder(connection).migration_qs.filter(
        app="applications", name="0002_append_only_history"
    ).delete()
    answer = client.get("/healthz")
    assert answer.status_code == 503
    assert answer.json()["status"] == "unavailable"
    assert "applications.0002_append_only_history" in answer.json()["checks"]["migrations"]
    assert "gongkai migrate" in answer.json()["checks"]["migrations"]


def test_a_missing_cache_table_makes_it_503(client, db):
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE gongkai_cache")
    answer = client.get("/healthz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["cache"].startswith("cache unavailable")


def test_the_worker_check_wants_a_recent_heartbeat(client, db):
    assert client.get("/healthz/worker").json()["checks"]["worker"].startswith("no worker")
    recovery.beat("worker-1")
    assert client.get("/healthz/worker").status_code == 200
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=5))
    late = client.get("/healthz/worker")
    assert late.status_code == 503
    assert late.json()["checks"]["worker"].startswith("no worker heartbeat for 3")


def test_the_worker_check_reports_a_task_waiting_too_long(client, db, sample_tasks, tmp_path):
    recovery.beat("worker-1")
    result = sample_tasks.note_each_run.enqueue(str(tmp_path / "runs.log"))
    assert client.get("/healthz/worker").json()["oldest_task_wait_seconds"] < 60
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=30)
    )
    answer = client.get("/healthz/worker")
    assert answer.status_code == 503
    assert answer.json()["checks"]["queue"].startswith("a task has waited 18")
