"""The public application form as people fill it in: radio groups with nothing chosen for
them, the fields of each kind of applicant under their own heading, phone and postal code
checked, every problem listed at the top with a link to its field, a question that always
matches its token when the form comes back, and query codes typed any way."""

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from tests.web.test_application_api import payload, post
from tests.web.test_application_pages import apply_url, form_data

from gongkai.web.applications.models import Application
from gongkai.web.applications.workflow import submit

RADIO_GROUPS = ["applicant_type", "form_requested", "delivery"]


class Inputs(HTMLParser):
    """Every <input>'s attributes, and every id and link target of the page."""

    def __init__(self, html: str):
        super().__init__()
        self.inputs: list[dict] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "input":
            self.inputs.append(attributes)
        if tag == "a" and attributes.get("href", "").startswith("#"):
            self.links.append(attributes["href"][1:])

    def value_of(self, name: str) -> str:
        return next(i.get("value", "") for i in self.inputs if i.get("name") == name)


def page_of(response) -> Inputs:
    return Inputs(response.content.decode())


def test_no_radio_button_is_chosen_for_the_applicant_and_none_means_nothing(client, finance):
    page = page_of(client.get(apply_url(finance)))
    for group in RADIO_GROUPS:
        buttons = [i for i in page.inputs if i.get("name") == group]
        assert buttons and all(b.get("value") for b in buttons), group
        assert not any("checked" in b for b in buttons), group
    html = client.get(apply_url(finance)).content.decode()
    assert "Select an option" not in html and "---------" not in html


def test_the_fields_of_each_kind_of_applicant_stand_under_their_own_heading(client, finance):
    html = client.get(apply_url(finance)).content.decode()
    person = re.search(r'<fieldset class="person-only">(.*?)</fieldset>', html, re.S)[1]
    organisation = re.search(r'<fieldset class="organisation-only">(.*?)</fieldset>', html, re.S)[1]
    assert "自然人填写" in person and 'name="identity_number"' in person
    assert "法人或者其他组织填写" in organisation and 'name="org_code"' in organisation
    assert 'name="org_code"' not in person


@pytest.mark.parametrize("phone", ["7220000", "1390795123", "12345678901", "0795-722"])
def test_a_phone_number_without_area_code_or_of_the_wrong_length_is_refused(client, finance,
                                                                            phone):  # fmt: skip
    html = client.post(apply_url(finance), form_data(phone=phone)).content.decode()
    assert "电话号码格式不正确" in html and not Application.objects.exists()


@pytest.mark.parametrize("phone,stored", [("0795 722 0000", "0795-7220000"),
                                          ("139-0795-1234", "13907951234")])  # fmt: skip
def test_mobile_and_landline_numbers_are_stored_one_way(client, finance, phone, stored):
    client.post(apply_url(finance), form_data(phone=phone))
    assert Application.objects.get().phone == stored


@pytest.mark.parametrize("postal_code", ["33600", "33600A", "三三六〇〇〇", "336 00"])
def test_a_postal_code_that_is_not_six_digits_is_refused(client, finance, postal_code):
    html = client.post(apply_url(finance), form_data(postal_code=postal_code)).content.decode()
    assert "邮政编码为6位数字" in html and not Application.objects.exists()


def test_a_full_width_postal_code_is_stored_in_ascii_digits(client, finance):
    client.post(apply_url(finance), form_data(postal_code="３３６０００"))
    assert Application.objects.get().postal_code == "336000"


def test_every_problem_is_listed_at_the_top_with_a_link_to_its_field(client, finance):
    data = form_data(phone="7220000", postal_code="123", delivery="")
    response = client.post(apply_url(finance), data)
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)[0]
    assert "有3个问题需要更正" in summary
    targets = page_of(response).links
    assert {"id_phone", "id_postal_code", "id_delivery_0"} <= set(targets)
    assert all(target in page_of(response).ids for target in targets)
    assert (
        summary.index("id_phone") < summary.index("id_postal_code") < summary.index("id_delivery")
    )


def test_a_form_that_could_not_be_sent_shows_no_summary_before_it_is_sent(client, finance):
    assert "error-summary" not in client.get(apply_url(finance)).content.decode()


def sum_asked(html: str) -> int:
    question = re.search(r'<p id="captcha-question">(.*?)</p>', html)[1]
    a, b = map(int, re.findall(r"\d+", question))
    return a + b


def test_after_a_wrong_answer_the_new_question_matches_its_token(client, finance):
    response = client.post(apply_url(finance), form_data(captcha_answer="8"))
    page = page_of(response)
    [answer_box] = [i for i in page.inputs if i.get("name") == "captcha_answer"]
    assert answer_box["aria-describedby"] == "captcha-question"  # read out with the question
    assert page.value_of("captcha_answer") == ""  # the wrong answer is not left in the box
    answer = sum_asked(response.content.decode())
    client.post(apply_url(finance), form_data(captcha_token=page.value_of("captcha_token"),
                                              captcha_answer=str(answer)))  # fmt: skip
    assert Application.objects.count() == 1


def test_a_right_answer_is_kept_while_another_field_is_corrected(client, finance):
    response = client.post(apply_url(finance), form_data(phone="7220000"))
    html, page = response.content.decode(), page_of(response)
    assert "已正确回答" in html and page.value_of("captcha_answer") == "7"
    resent = form_data(captcha_token=page.value_of("captcha_token"),
                       captcha_answer=page.value_of("captcha_answer"))  # fmt: skip
    assert client.post(apply_url(finance), resent).status_code == 302
    assert Application.objects.count() == 1


def test_an_unanswered_question_comes_back_answerable(client, finance):
    response = client.post(apply_url(finance), form_data(captcha_answer=""))
    page = page_of(response)
    answer = sum_asked(response.content.decode())
    client.post(apply_url(finance), form_data(captcha_token=page.value_of("captcha_token"),
                                              captcha_answer=str(answer)))  # fmt: skip
    assert Application.objects.count() == 1


@pytest.fixture
def tracked(finance):
    return submit(finance, {"applicant_type": "natural", "name": "王小明", "phone": "13800000000",
                            "channel": "online", "received_on": date(2026, 9, 28),
                            "description": "预算执行情况", "form_requested": "email",
                            "delivery": "email"})  # fmt: skip


def typed_forms(code: str) -> list[str]:
    bare = code.replace("-", "")
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in code)  # Ａ…, －
    return [bare, bare.lower(), f" {code.lower()} ", code.replace("-", " "),
            code.replace("-", "–"), full_width, "\u3000" + full_width]  # fmt: skip


def test_a_query_code_typed_any_way_finds_the_case(client, tracked):
    for typed in typed_forms(tracked.query_code):
        response = client.get("/track/", {"code": typed})
        assert response["Location"] == f"/track/{tracked.query_code}/", typed


def test_a_query_code_typed_into_the_address_leads_to_the_case(client, tracked):
    response = client.get(f"/track/{tracked.query_code.replace('-', '').lower()}/")
    assert response.status_code == 302 and response["Location"] == f"/track/{tracked.query_code}/"


def test_the_api_finds_the_case_by_a_code_typed_any_way(client, tracked):
    for typed in typed_forms(tracked.query_code):
        response = client.get(f"/api/v1/applications/track/{typed.strip()}")
        assert response.json()["number"] == tracked.number, typed


def test_a_code_of_the_wrong_length_finds_nothing(client, tracked):
    html = client.get("/track/", {"code": tracked.query_code[:-1]}).content.decode()
    assert "没有查询到" in html


def test_the_api_checks_the_postal_code_and_phone_as_the_form_does(client, finance):
    body = payload(finance, postal_code="33600", phone="7220000")
    errors = post(client, "/api/v1/applications", body).json()["errors"]
    assert errors["postal_code"] == ["邮政编码为6位数字，如336000。"]
    assert "电话号码格式不正确" in errors["phone"][0] and not Application.objects.exists()
