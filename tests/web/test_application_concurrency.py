"""Fifty clients at once: every application accepted is stored exactly once.

The requests go to the production server (waitress, as `gongkai serve` runs it) over real
sockets, against the test database.
"""

import json
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.utils import timezone

from gongkai.web.applications.models import Application, Event

CLIENTS, APPLICATIONS = 50, 1000


def submit(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 201
        return json.loads(response.read())


def body(agency, n: int, token: str | None = None) -> dict:
    return {
        "agency_code": agency.code, "applicant_type": "natural", "name": f"申请人{n}",
        "identity_type": "passport", "identity_number": f"E{n:08d}", "phone": "13800000000",
        "description": f"第{n}号申请所需的政府信息", "form_requested": "paper",
        "delivery": "collect", "submission_token": token,
    }  # fmt: skip


@pytest.fixture
def api_url(transactional_db, settings):
    from waitress import create_server

    from gongkai.web.wsgi import application

    settings.GONGKAI_SUBMISSIONS_PER_HOUR = 10 * APPLICATIONS
    server = create_server(application, host="127.0.0.1", port=0, threads=8)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}/api/v1/applications"
    server.close()
    thread.join(timeout=10)
    close_server_connections()


def close_server_connections() -> None:
    """The server's worker threads keep their PostgreSQL connections (CONN_MAX_AGE); end them
    so that the test database can be dropped."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.mark.django_db(transaction=True)
def test_fifty_clients_submit_a_thousand_applications_and_all_are_stored_once(
    api_url, finance, land
):
    agencies = [finance, land]
    with ThreadPoolExecutor(CLIENTS) as pool:
        receipts = list(pool.map(lambda n: submit(api_url, body(agencies[n % 2], n)),
                                 range(APPLICATIONS)))  # fmt: skip
    assert Application.objects.count() == APPLICATIONS
    assert len({receipt["query_code"] for receipt in receipts}) == APPLICATIONS
    year = timezone.localdate().year
    for agency in agencies:  # case numbers have no gaps and no repeats
        numbers = set(Application.objects.filter(agency=agency).values_list("number", flat=True))
        assert numbers == {f"{year}-{n:04d}" for n in range(1, APPLICATIONS // 2 + 1)}
    assert Event.objects.filter(action="submit").count() == APPLICATIONS


@pytest.mark.django_db(transaction=True)
def test_a_form_submitted_twenty_times_at_once_is_stored_once(api_url, finance):
    with ThreadPoolExecutor(20) as pool:
        receipts = list(pool.map(lambda _: submit(api_url, body(finance, 1, "double")), range(20)))
    assert Application.objects.count() == 1
    assert {receipt["query_code"] for receipt in receipts} == {Application.objects.get().query_code}
