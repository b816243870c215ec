"""Submission tokens (issue 14, defect 7): an empty token answered 500 on its second use; a
reused token with another applicant's payload returned the first applicant's receipt and
dropped the new application; tokens longer than the column (varchar(64) on PostgreSQL)
were accepted. Run on both databases."""

import json

import pytest

from gongkai.web.applications import tokens, workflow
from gongkai.web.applications.models import Application


def payload(agency, **changes) -> dict:
    return {
        "agency_code": agency.code, "applicant_type": "natural", "name": "王小明",
        "identity_type": "resident_id", "identity_number": "11010519491231002X",
        "phone": "13800000000", "description": "2025年度部门预算执行情况",
        "form_requested": "paper", "delivery": "collect",
    } | changes  # fmt: skip


def submit(client, body: dict):
    return client.post("/api/v1/applications", json.dumps(body), content_type="application/json")


def test_an_empty_token_is_no_token(client, finance):
    first = submit(client, payload(finance, submission_token=""))
    second = submit(client, payload(finance, submission_token="  "))
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["query_code"] != second.json()["query_code"]
    assert list(Application.objects.values_list("submission_token", flat=True)) == [None, None]


def test_a_retry_with_the_same_token_returns_the_same_receipt(client, finance):
    first = submit(client, payload(finance, submission_token="retry-1"))
    again = submit(client, payload(finance, submission_token="retry-1"))
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert Application.objects.count() == 1


def test_another_application_under_a_used_token_is_refused(client, finance):
    first = submit(client, payload(finance, submission_token="shared"))
    other = submit(client, payload(finance, name="李四", description="另一份申请",
                                   submission_token="shared"))  # fmt: skip
    assert first.status_code == 201 and other.status_code == 409
    message = other.json()["errors"]["submission_token"][0]
    assert "已用于提交另一份申请" in message
    assert first.json()["query_code"] not in other.content.decode()  # no one else's receipt
    assert list(Application.objects.values_list("name", flat=True)) == ["王小明"]


def test_the_same_token_at_another_agency_is_refused_too(client, finance, land):
    submit(client, payload(finance, submission_token="shared"))
    assert submit(client, payload(land, submission_token="shared")).status_code == 409
    assert Application.objects.count() == 1


def test_a_token_longer_than_64_characters_is_refused_with_a_message(client, finance):
    answer = submit(client, payload(finance, submission_token="x" * 65))
    assert answer.status_code == 422
    assert answer.json() == {"errors": {"submission_token": ["最多 64 个字。"]}}
    assert not Application.objects.exists()


def test_a_token_of_64_characters_is_stored(client, finance):
    answer = submit(client, payload(finance, submission_token="y" * 64))
    assert answer.status_code == 201
    assert Application.objects.get().submission_token == "y" * 64


def test_the_workflow_itself_refuses_an_over_long_token(finance):
    fields = {k: v for k, v in payload(finance).items() if k != "agency_code"}
    fields |= {"channel": "online", "received_on": "2026-10-09"}
    with pytest.raises(tokens.TokenRefused):
        workflow.submit(finance, fields, token="z" * 65)
    assert not Application.objects.exists()
