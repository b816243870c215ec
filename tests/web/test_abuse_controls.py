"""Defect 9 of issue 14: the submission quota is per client behind the trusted proxies, the
captcha token is signed, bound to its answer, minutes long and single-use, and the JSON API
refuses bodies that are not JSON on the methods that change things."""

import json
import time
from unittest import mock

import pytest
from django.core import signing
from django.test import RequestFactory

from gongkai.web.applications import captcha
from gongkai.web.applications.models import Application
from gongkai.web.core.client_address import client_address

PROXY = "10.0.0.5"


def request_from(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.fixture
def behind_proxy(settings):
    settings.GONGKAI_TRUSTED_PROXIES = [PROXY, "192.168.100.0/24"]


# --- the client's address -------------------------------------------------------------------


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.GONGKAI_TRUSTED_PROXIES = []
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_the_proxy_the_client_is_the_hop_the_proxy_saw(behind_proxy):
    assert client_address(request_from(PROXY, "198.51.100.1")) == "198.51.100.1"


def test_a_forged_hop_to_the_left_is_not_believed(behind_proxy):
    assert client_address(request_from(PROXY, "1.2.3.4, 198.51.100.1")) == "198.51.100.1"


def test_trusted_hops_are_skipped_from_the_right(behind_proxy):
    forwarded = "1.2.3.4, 198.51.100.1, 192.168.100.7"
    assert client_address(request_from(PROXY, forwarded)) == "198.51.100.1"


def test_a_request_straight_to_the_server_keeps_its_own_address(behind_proxy):
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_garbage_in_the_header_stops_at_the_last_trusted_hop(behind_proxy):
    assert client_address(request_from(PROXY, "<script>, 192.168.100.7")) == "192.168.100.7"
    assert client_address(request_from(PROXY, "")) == PROXY


def test_a_bad_proxy_setting_is_refused(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.GONGKAI_TRUSTED_PROXIES = ["10.0.0.300"]
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_TRUSTED_PROXIES"):
        client_address(request_from("10.0.0.1"))


# --- the submission quota behind the proxy --------------------------------------------------


def payload_for(forwarded: str, n: int) -> dict:
    return {"agency_code": "", "applicant_type": "natural", "name": "王小明",
               "identity_type": "resident_id", "identity_number": "11010519491231002X",
               "phone": "13800000000", "description": "预算执行情况",
               "form_requested": "email", "delivery": "email", "email": "w@example.cn",
               "submission_token": f"quota-{forwarded}-{n}"}  # fmt: skip


def submit(client, agency, forwarded: str, n: int) -> int:
    payload = payload_for(forwarded, n) | {"agency_code": agency.code}
    response = client.post("/api/v1/applications", payload, content_type="application/json",
                           REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)  # fmt: skip
    return response.status_code


def test_citizens_behind_the_proxy_each_have_their_own_quota(client, finance, settings,
                                                             behind_proxy):  # fmt: skip
    settings.GONGKAI_SUBMISSIONS_PER_HOUR = 2
    assert [submit(client, finance, "198.51.100.1", n) for n in range(3)] == [201, 201, 429]
    assert submit(client, finance, "198.51.100.2", 0) == 201
    assert submit(client, finance, "9.9.9.9, 198.51.100.1", 9) == 429  # forging does not help


def test_an_ipv6_client_has_one_quota_for_its_whole_64(client, finance, settings):
    settings.GONGKAI_SUBMISSIONS_PER_HOUR = 1
    settings.GONGKAI_TRUSTED_PROXIES = [PROXY]
    assert submit(client, finance, "2001:db8:1:2::10", 0) == 201
    assert submit(client, finance, "2001:db8:1:2:ffff::1", 1) == 429
    assert submit(client, finance, "2001:db8:1:3::10", 2) == 201


# --- the captcha -----------------------------------------------------------------------------


def test_the_token_does_not_carry_the_question_or_the_answer():
    question = captcha.new_question()
    nonce, digest = signing.loads(question.token, salt=captcha.SALT)
    assert str(question.a + question.b) not in [nonce, digest]
    assert len(digest) == 64 and str(question.a) + "+" not in question.token


def test_the_right_answer_passes_once(db):
    token = captcha.token_for(7)
    captcha.check(token, 7, "form-1")
    with pytest.raises(captcha.CaptchaError, match="spent"):
        captcha.check(token, 7, "form-2")


def test_the_same_form_resubmitted_passes_again(db):
    token = captcha.token_for(7)
    captcha.check(token, 7, "form-1")
    captcha.check(token, 7, "form-1")  # a double click, or a corrected field


def test_a_wrong_answer_spends_the_token_so_answers_cannot_be_tried_in_turn(db):
    token = captcha.token_for(7)
    with pytest.raises(captcha.CaptchaError, match="wrong"):
        captcha.check(token, 8, "form-1")
    with pytest.raises(captcha.CaptchaError, match="spent"):
        captcha.check(token, 7, "form-1")


def test_a_token_expires_within_minutes(db):
    assert captcha.MAX_AGE <= 15 * 60
    token = captcha.token_for(7)
    later = time.time() + captcha.MAX_AGE + 1
    with (
        mock.patch("time.time", return_value=later),
        pytest.raises(captcha.CaptchaError, match="expired"),
    ):
        captcha.check(token, 7, "form-1")
    captcha.check(token, 7, "form-1")  # refused unchecked: not spent


def test_a_token_forged_or_of_another_answer_is_refused(db):
    with pytest.raises(captcha.CaptchaError, match="expired"):
        captcha.check(signing.dumps(["n", "0" * 64], salt="other"), 7, "form-1")
    with pytest.raises(captcha.CaptchaError, match="wrong"):
        captcha.check(captcha.token_for(9), 7, "form-1")


def form_data(**overrides) -> dict:
    data = {"applicant_type": "natural", "name": "王小明", "identity_type": "resident_id",
            "identity_number": "11010519491231002X", "phone": "13800000000",
            "email": "wang@example.cn", "description": "预算执行情况", "form_requested": "email",
            "delivery": "email", "submission_token": "token-1",
            "captcha_token": captcha.token_for(7), "captcha_answer": "7"}  # fmt: skip
    return data | overrides


def test_a_double_click_gives_the_same_receipt(client, finance):
    data = form_data()
    first = client.post(f"/agencies/{finance.code}/apply/", data)
    second = client.post(f"/agencies/{finance.code}/apply/", data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] and Application.objects.count() == 1


def test_a_token_reused_for_another_application_is_refused(client, finance):
    data = form_data()
    client.post(f"/agencies/{finance.code}/apply/", data)
    again = client.post(f"/agencies/{finance.code}/apply/", data | {"submission_token": "t-2"})
    assert again.status_code == 200 and "回答过" in again.content.decode()
    assert Application.objects.count() == 1


def test_after_a_wrong_answer_the_form_asks_a_new_question(client, finance):
    data = form_data(captcha_answer="8")
    page = client.post(f"/agencies/{finance.code}/apply/", data)
    form = page.context["form"]
    assert form.data["captcha_token"] != data["captcha_token"]
    assert "等于多少" in form.question and form.data["captcha_answer"] == ""


def test_a_right_answer_is_kept_while_another_field_is_corrected(client, finance):
    data = form_data(phone="")
    page = client.post(f"/agencies/{finance.code}/apply/", data)
    assert page.status_code == 200 and "已正确回答" in page.content.decode()
    corrected = client.post(f"/agencies/{finance.code}/apply/", data | {"phone": "13800000000"})
    assert corrected.status_code == 302 and Application.objects.count() == 1


# --- the JSON API takes JSON only ------------------------------------------------------------


def state_changing_operations():
    from gongkai.web.api import api

    document = api.get_openapi_schema()
    for path, operations in document["paths"].items():
        for method in operations:
            if method in {"post", "put", "patch", "delete"}:
                yield method, path


def test_every_state_changing_endpoint_refuses_text_plain(client, frank, finance):
    client.force_login(frank)
    operations = list(state_changing_operations())
    assert ("post", "/api/v1/applications") in operations
    for method, path in operations:
        url = path.replace("{case_id}", "1").replace("{appeal_id}", "1")
        url = url.replace("{action}", "withdraw")
        body = json.dumps({"agency_code": finance.code})
        response = getattr(client, method)(url, body, content_type="text/plain")
        assert response.status_code == 415, (method, path)
        assert "application/json" in response.json()["errors"]["__all__"][0]


def test_a_form_post_to_the_api_changes_nothing(client, finance):
    payload = payload_for("x", 0) | {"agency_code": finance.code}
    response = client.post("/api/v1/applications", payload)  # multipart, as a form would
    assert response.status_code == 415 and not Application.objects.exists()


def test_json_with_a_charset_is_accepted(client, finance):
    payload = payload_for("x", 1) | {"agency_code": finance.code}
    response = client.post("/api/v1/applications", json.dumps(payload),
                           content_type="application/json; charset=utf-8")  # fmt: skip
    assert response.status_code == 201


def test_the_openapi_document_has_no_duplicate_keys(client, db):
    """Swagger UI (/api/docs) refuses a document with a key twice in one object."""

    def no_duplicates(pairs):
        keys = [key for key, _ in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    json.loads(client.get("/api/openapi.json").content, object_pairs_hook=no_duplicates)
