"""Does the staff inbox stay fast with 100,000 applications? Target: < 200 ms per page on SQLite.

Fills a throwaway database with the demo county and 100,000 applications spread over its
agencies and states (bulk-inserted: the workflow is not what is measured), then renders the
inbox pages as a supervisor (whole county) and as a clerk (one agency) through Django's test
client, i.e. the whole view, query and template. Run:

    .venv/bin/python bench/bench_inbox.py
    scripts/with-postgres.sh .venv/bin/python bench/bench_inbox.py
"""

import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta

os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from gongkai.web.agencies.demo import load_demo  # noqa: E402
from gongkai.web.agencies.models import Agency, User  # noqa: E402
from gongkai.web.applications.models import Application  # noqa: E402

TOTAL = 100_000
STATES = ["received"] * 3 + ["consulting", "awaiting_correction", "decided"] + ["closed"] * 6


def fill() -> None:
    random.seed(7)
    agencies = list(Agency.objects.all())
    start = date(2024, 1, 1)
    batch = []
    for n in range(TOTAL):
        received = start + timedelta(days=random.randrange(1000))
        batch.append(Application(
            agency=agencies[n % len(agencies)], number=f"{received.year}-{n:06d}",
            query_code=f"B{n:011d}", applicant_type="natural", name=f"申请人{n}",
            phone="13800000000", channel="online", received_on=received,
            first_received_on=received, description=f"第{n}号申请：预算、决算、政府采购信息",
            form_requested="email", delivery="email", state=random.choice(STATES),
            due_on=received + timedelta(days=28),
        ))  # fmt: skip
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            batch = []


def timed(client: Client, label: str, url: str, repeat: int = 20) -> None:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    print(f"{label:<44} median {statistics.median(samples):7.1f} ms   max {max(samples):7.1f} ms")


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    load_demo()
    started = time.perf_counter()
    fill()
    print(f"{connection.vendor}: {Application.objects.count()} applications "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
    for username in ["lina", "zhangwei"]:
        client = Client()
        client.force_login(User.objects.get(username=username))
        for view in ["open", "due_soon", "overdue", "paused", "closed", "all"]:
            timed(client, f"{username}: inbox view={view}", f"/work/applications/?view={view}")
        timed(client, f"{username}: inbox search 预算", "/work/applications/?view=all&q=预算")
        timed(client, f"{username}: inbox page 500", "/work/applications/?view=all&page=500")


if __name__ == "__main__":
    main()
