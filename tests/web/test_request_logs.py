"""One log line per request with what operations need and nothing an applicant told us;
JSON lines when LOG_FORMAT=json."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.web.ops.logs import JsonFormatter, MaskSecrets

GONGKAI = str(Path(sys.executable).with_name("gongkai"))


def request_records(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "gongkai.requests"]


def as_json(record: logging.LogRecord) -> dict:
    MaskSecrets().filter(record)
    return json.loads(JsonFormatter().format(record))


def test_a_request_is_logged_with_method_path_status_duration_user_and_address(client, db, caplog):
    caplog.set_level(logging.INFO, logger="gongkai.requests")
    client.get("/catalog/?q=王小明&agency=1")
    (record,) = request_records(caplog)
    line = as_json(record)
    assert {k: line[k] for k in ("method", "path", "status", "user_id", "remote_addr")} == {
        "method": "GET", "path": "/catalog/", "status": 200, "user_id": None,
        "remote_addr": "127.0.0.1",
    }  # fmt: skip
    assert line["duration_ms"] > 0 and line["logger"] == "gongkai.requests"
    assert "王小明" not in json.dumps(line, ensure_ascii=False)


def test_a_staff_request_names_the_user_by_id(client, alice, caplog):
    client.force_login(alice)
    caplog.set_level(logging.INFO, logger="gongkai.requests")
    client.get("/work/applications/")
    assert as_json(request_records(caplog)[-1])["user_id"] == alice.pk


def test_the_address_is_the_clients_behind_a_trusted_proxy(client, db, settings, caplog):
    settings.GONGKAI_TRUSTED_PROXIES = ["127.0.0.1"]
    caplog.set_level(logging.INFO, logger="gongkai.requests")
    client.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert as_json(request_records(caplog)[-1])["remote_addr"] == "203.0.113.9"


def test_a_submission_logs_no_personal_data_and_the_query_code_is_masked(client, finance, caplog):
    caplog.set_level(logging.INFO, logger="gongkai.requests")
    body = {"agency_code": finance.code, "applicant_type": "natural", "name": "王小明",
            "identity_type": "resident_id", "identity_number": "11010519491231002X",
            "phone": "13812345678", "email": "wang@example.cn", "description": "预算执行情况",
            "form_requested": "email", "delivery": "email"}  # fmt: skip
    answer = client.post("/api/v1/applications", json.dumps(body), content_type="application/json")
    code = answer.json()["query_code"]
    client.get(f"/track/{code}/")
    client.get(f"/api/v1/applications/track/{code}")
    logged = json.dumps([as_json(r) for r in request_records(caplog)], ensure_ascii=False)
    for secret in ["王小明", "11010519491231002X", "13812345678", "wang@example.cn", code]:
        assert secret not in logged
    assert '"/track/***/"' in logged and '"/api/v1/applications/track/***"' in logged


def test_django_errors_naming_a_path_mask_the_query_code(client, finance, caplog):
    record = logging.LogRecord("django.request", logging.ERROR, "", 0, "Internal Server "
                               "Error: %s", ("/track/ABCD-EFGH-JKLM/",), None)  # fmt: skip
    record.request = client.get("/track/ABCD-EFGH-JKLM/").wsgi_request
    assert as_json(record)["message"] == "Internal Server Error: /track/***/"
    assert "request" not in as_json(record)  # objects are never written out


def test_an_exception_is_written_with_its_traceback():
    try:
        raise ValueError("broken")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, "", 0, "failed", (), sys.exc_info())
    line = as_json(record)
    assert line["message"] == "failed" and "ValueError: broken" in line["exception"]


def log_a_warning(log_format: str) -> subprocess.CompletedProcess:
    code = "import logging; logging.getLogger('gongkai.test').warning('注意 %s', 42)"
    return subprocess.run([GONGKAI, "manage", "shell", "-v", "0", "-c", code],
                          env=os.environ | {"LOG_FORMAT": log_format}, capture_output=True,
                          text=True, check=False)  # fmt: skip


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_log_format_switches_between_json_lines_and_text(log_format):
    done = log_a_warning(log_format)
    line = done.stderr.strip().splitlines()[-1]
    if log_format == "json":
        assert json.loads(line) | {"time": "t"} == {
            "time": "t",
            "level": "WARNING",
            "logger": "gongkai.test",
            "message": "注意 42",
        }
    else:
        assert line.endswith("WARNING gongkai.test: 注意 42")


def test_an_unknown_log_format_is_refused_at_start():
    done = log_a_warning("xml")
    assert done.returncode != 0 and "LOG_FORMAT must be one of text, json" in done.stderr
