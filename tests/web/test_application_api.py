"""The applications API: public submission and tracking, staff listing and steps."""

import json

from gongkai.web.applications.models import Application


def payload(agency, **overrides) -> dict:
    body = {
        "agency_code": agency.code,
        "applicant_type": "natural",
        "name": "王小明",
        "identity_type": "resident_id",
        "identity_number": "11010519491231002X",
        "phone": "13800000000",
        "email": "wang@example.cn",
        "description": "2025年度部门预算执行情况",
        "form_requested": "email",
        "delivery": "email",
    }
    return body | overrides


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_submission_returns_201_with_the_query_code_and_due_date(client, finance):
    response = post(client, "/api/v1/applications", payload(finance))
    assert response.status_code == 201
    body = response.json()
    case = Application.objects.get()
    assert body["query_code"] == case.query_code and body["due_date"] == case.due_on.isoformat()


def test_field_errors_come_back_in_chinese_and_nothing_is_stored(client, finance):
    bad = payload(finance, identity_number="110105194912310021", delivery="x")
    response = post(client, "/api/v1/applications", bad)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "第18位校验码" in errors["identity_number"][0]
    assert "delivery" in errors
    assert not Application.objects.exists()


def test_an_unknown_agency_is_a_field_error(client, db):
    response = post(client, "/api/v1/applications", payload(type("A", (), {"code": "x"})))
    assert response.status_code == 400 and "agency_code" in response.json()["errors"]


def test_repeating_a_submission_token_is_safe(client, finance):
    first = post(client, "/api/v1/applications", payload(finance, submission_token="t-1"))
    again = post(client, "/api/v1/applications", payload(finance, submission_token="t-1"))
    assert first.json()["query_code"] == again.json()["query_code"]
    assert Application.objects.count() == 1


def test_tracking_returns_status_without_personal_data(client, finance):
    code = post(client, "/api/v1/applications", payload(finance)).json()["query_code"]
    body = client.get(f"/api/v1/applications/track/{code.lower()}").json()
    assert body["state"] == "received" and body["state_label"] == "办理中"
    assert "王小明" not in json.dumps(body, ensure_ascii=False)
    assert client.get("/api/v1/applications/track/NOPE").status_code == 404


def test_the_staff_list_needs_a_login_and_shows_only_my_agencies(client, finance, alice, bob):
    post(client, "/api/v1/applications", payload(finance))
    assert client.get("/api/v1/applications").status_code == 401
    client.force_login(bob)
    assert client.get("/api/v1/applications").json() == []
    client.force_login(alice)
    assert [case["name"] for case in client.get("/api/v1/applications").json()] == ["王小明"]


def test_staff_take_steps_through_the_api(client, finance, alice, erin):
    post(client, "/api/v1/applications", payload(finance))
    case = Application.objects.get()
    client.force_login(alice)
    url = f"/api/v1/applications/{case.pk}/actions/decide"
    decision = {"outcome": "partial", "reason": "涉及个人隐私", "provided_content": "预算执行表",
                "withheld_content": "个人信息", "provision_method": "电子邮件"}  # fmt: skip
    refused = post(client, url, decision)
    assert refused.status_code == 403
    client.force_login(erin)
    incomplete = post(client, url, {"outcome": "partial", "reason": "涉及个人隐私"})
    assert incomplete.status_code == 400
    assert "提供的政府信息" in incomplete.json()["errors"]["__all__"][0]
    done = post(client, url, decision)
    assert done.status_code == 200 and done.json()["outcome"] == "partial"
    again = post(client, url, {"outcome": "partial", "reason": "x"})
    assert again.status_code == 400 and "已答复" in again.json()["errors"]["__all__"][0]


def test_the_openapi_document_lists_the_application_endpoints(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/applications" in paths
    assert "/api/v1/applications/track/{query_code}" in paths
