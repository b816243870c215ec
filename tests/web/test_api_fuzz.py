"""The JSON API fuzzed from its own OpenAPI document (schemathesis): whatever a client sends,
no answer is a server error, every status is documented, every body matches its documented
schema, and every error is `{"errors": {field: [message]}}` with a message in Chinese.

This is the reduced run of `make test` (a bounded number of examples per operation, in
process, anonymous and as a clerk). `make fuzz` runs the long one against a real server.
"""

import json
import re
from datetime import date

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from gongkai.statute.receipt import Channel
from gongkai.web.applications import workflow

CHINESE = re.compile(r"[\u4e00-\u9fff]")
EXAMPLES = 15  # per operation and identity; `make fuzz` runs thousands


def every_error_is_a_chinese_json_message(ctx, response, case):
    if response.status_code < 400:
        return True
    body = json.loads(response.content)
    assert set(body) == {"errors"}, body
    messages = [m for field in body["errors"].values() for m in field]
    assert messages and all(CHINESE.search(m) for m in messages), body
    return True


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    every_error_is_a_chinese_json_message,
]


@pytest.fixture
def wsgi_application(db):
    """Django as a WSGI application inside the test's transaction: the database connection
    must outlive each request, as it does for Django's own test client."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def records(finance, alice):
    """One application, so that the staff operations have a case to work on."""
    fields = {
        "applicant_type": "natural", "name": "张三", "identity_type": "resident_id",
        "identity_number": "11010519491231002X", "phone": "13800138000",
        "description": "2025年预算公开情况", "form_requested": "paper", "delivery": "post",
        "address": "青山县人民路1号",
        "channel": Channel.ONLINE, "received_on": date.today(),
    }  # fmt: skip
    return workflow.submit(finance, fields)


@pytest.fixture
def clerk_headers(alice):
    client = Client()
    client.force_login(alice)
    csrf = _get_new_csrf_string()
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={csrf}"
    return {"Cookie": cookie, "X-CSRFToken": csrf}


def load_schema():
    """The document the API serves at /api/openapi.json, built without a request (the
    pytest plugin of schemathesis cannot load one from a fixture under this pytest)."""
    from gongkai.web.api import api

    document = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/")))
    return schemathesis.openapi.from_dict(document)


SCHEMA = load_schema()
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def fuzz(operation, application, headers: dict) -> None:
    @FUZZ
    @given(case=operation.as_strategy())
    def call(case):
        case.call_and_validate(app=application, headers=headers, checks=CHECKS)

    call()


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_the_api_answers_anyone_with_documented_json(operation, wsgi_application, records):
    fuzz(operation, wsgi_application, {})


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_the_api_answers_a_clerk_with_documented_json(
    operation, wsgi_application, records, clerk_headers
):
    fuzz(operation, wsgi_application, clerk_headers)


def test_every_operation_of_the_document_is_fuzzed():
    assert {operation.label for operation in OPERATIONS} >= {
        "POST /api/v1/applications", "GET /api/v1/catalog/search", "GET /api/v1/applications",
    }  # fmt: skip


def test_the_clerk_reaches_the_staff_operations(client, clerk_headers, records):
    answer = client.get("/api/v1/applications", headers=clerk_headers)
    assert answer.status_code == 200
    assert [case["number"] for case in answer.json()] == [records.number]
