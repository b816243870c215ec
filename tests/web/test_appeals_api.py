"""The docket's JSON API: staff only, the same rules and messages as the pages."""

import json
from datetime import date

import pytest

from gongkai.web.appeals import workflow
from gongkai.web.appeals.models import Appeal

URL = "/api/v1/appeals"


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def payload(agency, **overrides) -> dict:
    body = {"agency_code": agency.code, "kind": "review", "appellant": "王小明",
            "filed_on": "2025-03-03", "body": "青山县人民政府",
            "matter": "对部分公开答复不服"}  # fmt: skip
    return body | overrides


@pytest.fixture
def review(finance, alice):
    fields = {"kind": "review", "appellant": "王小明", "filed_on": date(2025, 3, 3),
              "body": "青山县人民政府", "matter": "对部分公开答复不服"}  # fmt: skip
    return workflow.register(finance, fields, alice)


def test_registering_returns_201_with_the_number_and_history(client, alice, finance):
    client.force_login(alice)
    response = post(client, URL, payload(finance))
    assert response.status_code == 201
    body = response.json()
    assert body["number"] == "2025-复01" and body["kind_label"] == "行政复议"
    assert body["outcome_label"] == "尚未审结" and body["history"][0]["action"] == "register"


def test_errors_come_back_per_field_in_chinese_and_nothing_is_stored(client, alice, finance):
    client.force_login(alice)
    response = post(client, URL, payload(finance, kind="after_review", filed_on="2008-04-30",
                                         application_numbers=["2025-9999"]))  # fmt: skip
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["prior_review"] == ["复议后起诉的案件须选择此前的行政复议案件。"]
    assert "2008年5月1日" in errors["filed_on"][0] and "2025-9999" in errors["applications"][0]
    assert not Appeal.objects.exists()


def test_an_agency_the_user_cannot_see_is_a_field_error(client, alice, land):
    client.force_login(alice)
    response = post(client, URL, payload(land))
    assert response.status_code == 400 and "agency_code" in response.json()["errors"]


def test_the_decision_is_recorded_once(client, alice, review):
    client.force_login(alice)
    decision = {
        "outcome": "corrected",
        "decided_on": "2025-05-06",
        "corrected_what": "责令重新答复",
    }
    response = post(client, f"{URL}/{review.pk}/decision", decision)
    assert response.status_code == 200 and response.json()["outcome_label"] == "结果纠正"
    again = post(client, f"{URL}/{review.pk}/decision", decision)
    assert again.status_code == 400 and "已记录审结结果" in again.json()["errors"]["__all__"][0]


def test_a_refused_decision_says_why(client, alice, review):
    client.force_login(alice)
    response = post(client, f"{URL}/{review.pk}/decision",
                    {"outcome": "corrected", "decided_on": "2025-05-06"})  # fmt: skip
    assert response.status_code == 400
    assert "须写明纠正的内容" in response.json()["errors"]["corrected_what"][0]


def test_the_list_filters_as_the_docket_does(client, alice, finance, review):
    workflow.perform(review, "decide", alice, outcome="upheld", decided_on=date(2026, 1, 5))
    client.force_login(alice)
    assert [c["number"] for c in client.get(URL).json()] == ["2025-复01"]
    as_reported = client.get(URL, {"year": 2025, "kind": "review", "outcome": "pending"}).json()
    assert [c["number"] for c in as_reported] == ["2025-复01"]  # decided only in 2026
    assert client.get(URL, {"outcome": "pending"}).json() == []
    assert client.get(URL, {"agency_code": "nobody"}).json() == []


def test_the_detail_has_the_history(client, alice, review):
    client.force_login(alice)
    body = client.get(f"{URL}/{review.pk}").json()
    assert body["number"] == "2025-复01" and [e["action"] for e in body["history"]] == ["register"]


def test_a_supervisor_reads_but_gets_403_when_recording(client, carol, review):
    client.force_login(carol)
    assert client.get(f"{URL}/{review.pk}").status_code == 200
    response = post(client, f"{URL}/{review.pk}/decision",
                    {"outcome": "upheld", "decided_on": "2025-05-06"})  # fmt: skip
    assert response.status_code == 403
    assert post(client, URL, payload(review.agency)).status_code == 403


def test_another_agencys_case_is_404_and_anonymous_is_401(client, bob, review):
    assert client.get(URL).status_code == 401
    assert client.get(f"{URL}/{review.pk}").status_code == 401
    client.force_login(bob)
    assert client.get(f"{URL}/{review.pk}").status_code == 404
    assert client.get(URL).json() == []
