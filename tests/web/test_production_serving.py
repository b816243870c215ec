"""`gongkai serve --production`: gunicorn worker processes on a fresh site, static files
collected, compressed and cached for a year, the health endpoint, one JSON log line per
request, a rate limit that every process shares, and no start while an account has the
demo's published password. Real processes, on SQLite or on the suite's PostgreSQL."""

import json
import re
from urllib.parse import quote

import pytest
from tests.web.ops_processes import CREATE_AGENCY, application, free_port, http, site

LIMIT = 3


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """A migrated site with one agency, served by gunicorn with two workers."""
    root = tmp_path_factory.mktemp("production")
    with site(root, GONGKAI_SUBMISSIONS_PER_HOUR=str(LIMIT)) as made:
        made.run("migrate")
        made.agency_code = made.python(CREATE_AGENCY).strip()
        made.start("--production", "--workers", "2", LOG_FORMAT=None)  # its default: JSON
        yield made


def request_lines(server) -> list[dict]:
    entries = [json.loads(line) for line in server.log_lines() if line.startswith("{")]
    return [entry for entry in entries if entry["logger"] == "gongkai.requests"]


def test_pages_link_hashed_static_files_served_compressed_and_cached_for_a_year(deployed):
    server = deployed.servers[0]
    home = http(server.url + "/")
    assert home.status == 200
    stylesheet = re.search(
        r'href="(/static/gongkai/gongkai\.[0-9a-f]{12}\.css)"', home.body.decode()
    )
    assert stylesheet, "the stylesheet is linked under its hashed name"
    css = http(server.url + stylesheet[1], headers={"Accept-Encoding": "br, gzip"})
    assert css.status == 200 and css.headers["content-encoding"] == "br"
    assert "immutable" in css.headers["cache-control"]
    assert http(server.url + "/static/gongkai/gongkai.css").status == 404  # only hashed copies


def test_the_health_endpoint_answers_any_host_with_the_checks(deployed):
    answer = http(deployed.servers[0].url + "/healthz", headers={"Host": "10.0.0.7"})
    assert answer.status == 200
    assert answer.json()["checks"] == {"database": "ok", "migrations": "ok", "cache": "ok"}


def test_each_request_is_one_json_line_without_the_query_string(deployed):
    server = deployed.servers[0]
    http(server.url + "/catalog/?q=" + quote("王小明"))
    line = next(entry for entry in request_lines(server) if entry["path"] == "/catalog/")
    assert line["method"] == "GET" and line["status"] == 200 and line["user_id"] is None
    assert line["remote_addr"] == "127.0.0.1" and line["duration_ms"] > 0
    assert "time" in line and "王小明" not in json.dumps(line, ensure_ascii=False)
    assert not [entry for entry in request_lines(server) if entry["path"] == "/healthz"]


def test_the_submission_limit_holds_across_two_server_processes(deployed):
    first = deployed.servers[0]
    second = deployed.start("--production", "--workers", "1")
    code = deployed.agency_code
    answers = [http(f"{server.url}/api/v1/applications", application(code, n)).status
               for n, server in enumerate([first, second, first, second, first])]  # fmt: skip
    assert answers == [201, 201, 201, 429, 429]
    second.stop()


def test_production_refuses_to_start_while_an_account_has_the_demo_password(deployed):
    """Last in this module: it leaves an account with the demo password behind."""
    deployed.python(
        "from gongkai.web.agencies.demo import DEMO_PASSWORD\n"
        "from gongkai.web.agencies.models import User\n"
        "User.objects.create_user('renamed', password=DEMO_PASSWORD)"
    )
    refused = deployed.run("serve", "--production", "--port", str(free_port()), check=False)
    assert refused.returncode != 0
    assert "renamed" in refused.stderr and "gongkai-demo" in refused.stderr
