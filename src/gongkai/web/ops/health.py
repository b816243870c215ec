"""Health endpoints, answered before any other middleware.

/healthz         for the load balancer: the database answers, every migration of this code
                 is applied, the shared cache answers. 200 {"status": "ok", …} or 503 with
                 the reason of each failed check.
/healthz/worker  for monitoring: a `gongkai worker` beat recently and no task has waited
                 in the queue too long. 200 or 503 likewise; the web keeps serving either way.

They are answered first in the middleware chain because a load balancer asks by the
server's address (a Host that ALLOWED_HOSTS refuses) and over plain HTTP (which
SECURE_SSL_REDIRECT would redirect): both would read as "down". They show no data.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.http import JsonResponse
from django.utils import timezone

from gongkai import __version__

PATHS = {"/healthz", "/healthz/worker"}
HEARTBEAT_LATE = timedelta(minutes=2)  # the worker beats every 15 s (jobs/worker.py)
QUEUE_LATE = timedelta(minutes=10)


def database_problem() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return f"database unreachable: {first_line(error)}"
    return None


def migrations_problem() -> str | None:
    try:
        loader = MigrationLoader(connection)
    except DatabaseError as error:
        return f"migrations unknown: {first_line(error)}"
    pending = sorted(set(loader.graph.nodes) - set(loader.applied_migrations))
    if pending:
        names = ", ".join(f"{app}.{name}" for app, name in pending[:3])
        return f"{len(pending)} migrations not applied ({names}): run gongkai migrate"
    return None


def cache_problem() -> str | None:
    try:
        cache.get("gongkai:health")
    except Exception as error:  # any backend's failure (a missing table, Redis down)
        return f"cache unavailable: {first_line(error)}"
    return None


def worker_problem(now) -> str | None:
    from gongkai.web.jobs.models import WorkerHeartbeat

    latest = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True)
    seen_at = latest.first()
    if seen_at is None:
        return "no worker has reported: start gongkai worker"
    if now - seen_at > HEARTBEAT_LATE:
        return f"no worker heartbeat for {int((now - seen_at).total_seconds())} s"
    return None


def queue_problem(now) -> str | None:
    waited = oldest_wait(now)
    if waited is not None and waited > QUEUE_LATE:
        return f"a task has waited {int(waited.total_seconds())} s in the queue"
    return None


def oldest_wait(now) -> timedelta | None:
    """How long the task that has been ready longest has waited (None: the queue is empty)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
    if oldest is None:
        return None
    since = oldest.enqueued_at if oldest.run_after == get_date_max() else oldest.run_after
    return max(now - since, timedelta(0))


def first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:200] if text else ''}"


def answer(checks: dict[str, str | None], **extra) -> JsonResponse:
    healthy = all(problem is None for problem in checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "version": __version__,
        "checks": {name: problem or "ok" for name, problem in checks.items()},
        **extra,
    }
    response = JsonResponse(body, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


def healthz(request) -> JsonResponse:
    checks = {"database": database_problem()}
    if checks["database"] is None:
        checks["migrations"] = migrations_problem()
    checks["cache"] = cache_problem()
    return answer(checks, database=connection.vendor)


def healthz_worker(request) -> JsonResponse:
    now = timezone.now()
    if problem := database_problem():
        return answer({"database": problem})
    waited = oldest_wait(now)
    return answer(
        {"worker": worker_problem(now), "queue": queue_problem(now)},
        oldest_task_wait_seconds=None if waited is None else int(waited.total_seconds()),
    )


class HealthCheckMiddleware:
    """Answers the health paths itself, ahead of host checks, redirects and sessions."""

    views = {"/healthz": healthz, "/healthz/worker": healthz_worker}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = self.views.get(request.path_info.rstrip("/") or "/")
        if view is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        return view(request)
