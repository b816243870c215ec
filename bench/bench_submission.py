"""What does durability cost? One online application, submitted through the JSON API, with
SQLite's synchronous=NORMAL and with synchronous=FULL (the platform's setting).

In WAL mode, NORMAL syncs the log only at checkpoints, so a receipt acknowledged just before a
power loss may be gone; FULL syncs the log at every commit. The database lives in a throwaway
data directory on the disk under var/ (not /tmp, which may be memory), so the fsyncs are real.
Each round submits through Django's test client (form validation, rate limit, numbering,
deadline, 受理回执, history) and takes the median. The rate limit's counter is a write to the
shared cache's table (its own commit); --local-cache measures with a per-process cache, as
before the cache was shared. Run:

    .venv/bin/python bench/bench_submission.py [--local-cache]
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
(ROOT / "var").mkdir(exist_ok=True)
os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="bench-", dir=ROOT / "var"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
os.environ["GONGKAI_SUBMISSIONS_PER_HOUR"] = "1000000"
os.environ["LOG_REQUESTS"] = "false"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from gongkai.web.agencies.demo import load_demo  # noqa: E402
from gongkai.web.agencies.models import Agency  # noqa: E402

ROUNDS = 200


def payload(agency: Agency, n: int) -> str:
    return json.dumps({
        "agency_code": agency.code, "applicant_type": "natural", "name": "王小明",
        "identity_type": "resident_id", "identity_number": "11010519491231002X",
        "phone": "13800000000", "email": "wang@example.cn",
        "description": f"第{n}号：2025年度部门预算执行情况", "form_requested": "email",
        "delivery": "email", "submission_token": f"bench-{time.time_ns()}-{n}",
    })  # fmt: skip


def submissions(client: Client, agency: Agency, synchronous: str) -> list[float]:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == {"NORMAL": 1, "FULL": 2}[synchronous]
    samples = []
    for n in range(ROUNDS):
        body = payload(agency, n)
        started = time.perf_counter()
        response = client.post("/api/v1/applications", body, content_type="application/json")
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 201, response.content
    return samples


def commits(synchronous: str, rounds: int = 500) -> list[float]:
    """One-row INSERT commits on the same file: the cost of the sync itself, without the noise
    of a whole request."""
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_commit (n integer)")
    samples = []
    for n in range(rounds):
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO bench_commit VALUES (%s)", [n])
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    if connection.vendor != "sqlite":
        sys.exit("SQLite only: this measures SQLite's synchronous setting")
    if "--local-cache" in sys.argv:  # before the first use of the cache
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    load_demo()
    agency = Agency.objects.get(short_name="县财政局")
    client = Client()
    submissions(client, agency, "FULL")  # warm up: templates, calendar, first pages of the file
    for synchronous in ["NORMAL", "FULL", "NORMAL", "FULL"]:
        samples = sorted(submissions(client, agency, synchronous))
        p95 = samples[int(len(samples) * 0.95)]
        median = statistics.median(samples)
        print(f"synchronous={synchronous:<6} one submission: median {median:6.1f} ms   "
              f"p95 {p95:6.1f} ms   ({ROUNDS} rounds)")  # fmt: skip
    for synchronous in ["NORMAL", "FULL", "NORMAL", "FULL"]:
        samples = sorted(commits(synchronous))
        print(f"synchronous={synchronous:<6} one-row commit: median "
              f"{statistics.median(samples):6.2f} ms   p95 {samples[475]:6.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
