"""The small 500s of the API (issue 14, defect 11) and the one shape of its errors: negative
or huge offsets and limits, lone surrogates and control characters in JSON bodies, a body
that is no JSON, a parameter of the wrong type — a Chinese message, never a server error."""

import json

import pytest

from gongkai.web.applications.models import Application

SUBMISSION = {
    "agency_code": "", "applicant_type": "natural", "name": "张三", "identity_type": "resident_id",
    "identity_number": "11010519491231002X", "phone": "13800138000",
    "description": "2025年本局预算执行情况", "form_requested": "paper", "delivery": "post",
    "address": "青山县人民路1号",
}  # fmt: skip


def errors_of(answer) -> dict:
    body = answer.json()
    assert set(body) == {"errors"}, body
    return body["errors"]


@pytest.mark.parametrize(
    "query",
    ["limit=-1", "offset=-5", "limit=-380&offset=31", "offset=99999999999999999999999",
     "limit=10000000000", "limit=abc", "offset=1e3"],
)  # fmt: skip
@pytest.mark.parametrize("path", ["/api/v1/applications", "/api/v1/appeals"])
def test_a_bad_offset_or_limit_gets_a_chinese_message(client, alice, path, query):
    client.force_login(alice)
    answer = client.get(f"{path}?{query}")
    assert answer.status_code == 422
    field = query.split("=")[0]
    assert field in errors_of(answer)
    assert any("不能" in m or "整数" in m for m in errors_of(answer)[field])


def test_the_largest_offset_allowed_answers_an_empty_page(client, alice):
    client.force_login(alice)
    answer = client.get("/api/v1/applications?offset=1000000&limit=500")
    assert answer.status_code == 200 and answer.json() == []


def post_json(client, path: str, body: str):
    return client.post(path, body, content_type="application/json")


def test_lone_surrogates_and_control_characters_in_a_submission_are_cleaned(client, finance):
    fields = SUBMISSION | {"agency_code": finance.code}
    body = json.dumps(fields | {"name": "张\ud800三\x0b", "description": "第一行\x0b第二行\x00"})
    answer = post_json(client, "/api/v1/applications", body)
    assert answer.status_code == 201, answer.content
    case = Application.objects.get(query_code=answer.json()["query_code"])
    assert (case.name, case.description) == ("张三", "第一行\n第二行")


@pytest.mark.parametrize(
    "body", ["{not json", "[1, 2]", '"text"', '"\\ud800"', b"\xff\xfe\x00garbage"]
)
def test_a_body_that_is_no_json_object_gets_a_chinese_message(client, db, body):
    answer = post_json(client, "/api/v1/applications", body)
    assert answer.status_code in (400, 422)
    assert all("\u4e00" <= m[0] <= "\u9fff" for ms in errors_of(answer).values() for m in ms)
    assert not Application.objects.exists()


def test_a_missing_field_is_named_in_chinese(client, finance):
    fields = {k: v for k, v in SUBMISSION.items() if k != "phone"} | {"agency_code": finance.code}
    answer = post_json(client, "/api/v1/applications", json.dumps(fields))
    assert answer.status_code == 422
    assert errors_of(answer) == {"phone": ["必须填写。"]}


@pytest.mark.parametrize(
    "path",
    ["/api/agencies/NOSUCHCODE", "/api/v1/applications/track/XXXX",
     "/api/v1/annual-reports/NOSUCH/2025"],
)  # fmt: skip
def test_not_found_is_a_chinese_message_too(client, db, path):
    answer = client.get(path)
    assert answer.status_code == 404
    assert errors_of(answer) == {"__all__": ["没有找到。"]}


def test_a_staff_operation_without_login_says_so_in_chinese(client, db):
    answer = client.get("/api/v1/applications")
    assert answer.status_code == 401
    assert errors_of(answer) == {"__all__": ["请先登录。"]}


@pytest.mark.parametrize("query", ["year=0", "year=99999999999999999999", "year=abc"])
def test_an_impossible_year_gets_a_chinese_message(client, db, query):
    answer = client.get(f"/api/v1/annual-reports?{query}")
    assert answer.status_code == 422
    assert "year" in errors_of(answer)


def test_every_operation_documents_the_shared_errors(client, db):
    document = client.get("/api/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert {"400", "404", "422"} <= set(operation["responses"]), (method, path)
            if "requestBody" in operation:
                assert "415" in operation["responses"], (method, path)
