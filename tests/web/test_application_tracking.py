"""The tracking page once a case is answered: the 办理结果 in plain words and its date, the
letters sent to the applicant, downloadable (as delivered online or by e-mail) only after
the last four characters of the applicant's phone or document number, within limits — and
no personal data on the page either way."""

import re
from datetime import date

import pytest
from django.core.cache import cache

from gongkai.web.applications import second_factor
from gongkai.web.applications.workflow import perform, submit

PHONE, IDENTITY = "13907951234", "11010519491231002X"
PRIVATE = ["王小明", PHONE, IDENTITY, "wang@example.cn", "预算执行情况", "青山县人民大道"]
ANSWER = {"outcome": "partial", "reason": "部分内容涉及个人隐私",
          "provided_content": "预算执行表", "withheld_content": "个人信息",
          "provision_method": "通过电子邮件发送"}  # fmt: skip


def applied(agency, delivery="online", **fields):
    return submit(agency, {"applicant_type": "natural", "name": "王小明", "phone": PHONE,
                           "identity_type": "resident_id", "identity_number": IDENTITY,
                           "email": "wang@example.cn", "address": "青山县人民大道1号",
                           "channel": "online", "received_on": date(2026, 9, 28),
                           "description": "预算执行情况", "form_requested": "email",
                           "delivery": delivery} | fields)  # fmt: skip


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()  # the tries counted by one test do not carry into the next
    yield
    cache.clear()


@pytest.fixture
def answered(finance, erin):
    return perform(applied(finance), "decide", erin, on=date(2026, 10, 9), **ANSWER)


def status_url(case) -> str:
    return f"/track/{case.query_code}/"


def assert_no_personal_data(html: str) -> None:
    for private in PRIVATE:
        assert private not in html, private


def test_an_answered_case_shows_its_result_in_plain_words_and_its_date(client, answered):
    html = client.get(status_url(answered)).content.decode()
    assert "办理结果" in html and "部分公开" in html and "2026年10月9日" in html
    assert "答复书列明了提供的信息" in html
    assert_no_personal_data(html)


def test_a_case_being_handled_shows_no_result(client, finance):
    html = client.get(status_url(applied(finance))).content.decode()
    assert "办理结果" not in html and "政府信息公开申请受理回执" in html


def test_a_case_not_corrected_in_time_says_it_was_treated_as_abandoned(client, finance, alice):
    case = applied(finance)
    perform(case, "request_correction", alice, note="请明确年度", on=date(2026, 9, 29))
    case = perform(case, "abandon_correction", alice, on=date(2026, 11, 30))
    html = client.get(status_url(case)).content.decode()
    assert "申请视为放弃：未在补正期限内作出补正" in html and "2026年11月30日" in html
    assert "政府信息公开申请补正告知书" in html and "政府信息公开申请视为放弃告知书" in html


def test_the_letters_are_listed_but_not_linked_before_the_second_factor(client, answered):
    html = client.get(status_url(answered)).content.decode()
    assert "政府信息公开申请受理回执" in html and "政府信息公开申请答复书" in html
    assert "/letters/" not in html and 'name="digits"' in html


def letter_links(html: str) -> list[str]:
    return [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]*/letters/[^"]*)"',
                                                             html)]  # fmt: skip


@pytest.mark.parametrize("digits", ["1234", "002x", "002X", "１２３４", " 1234 "])
def test_the_last_four_of_the_phone_or_identity_number_open_the_letters(client, answered, digits):
    response = client.post(status_url(answered), {"digits": digits})
    html = response.content.decode()
    links = letter_links(html)
    assert len(links) == 2 and response["Cache-Control"] == "no-store"
    assert_no_personal_data(html)
    pdf = client.get(links[-1])
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf["Content-Type"] == "application/pdf" and "attachment" in pdf["Content-Disposition"]


def test_an_organisation_opens_its_letters_with_the_end_of_its_code(client, finance):
    case = applied(finance, applicant_type="commercial", name="青山某某科技有限公司",
                   identity_type="", identity_number="", org_code="91350100M000100Y43",
                   contact_person="李明", phone="0795-7238866转12")  # fmt: skip
    assert letter_links(client.post(status_url(case), {"digits": "0Y43"}).content.decode())
    cache.clear()
    assert letter_links(client.post(status_url(case), {"digits": "8866"}).content.decode())
    assert not letter_links(client.post(status_url(case), {"digits": "8612"}).content.decode())


def test_wrong_digits_open_nothing_and_say_so(client, answered):
    html = client.post(status_url(answered), {"digits": "9999"}).content.decode()
    assert "输入的不是申请时填写的" in html and not letter_links(html)


def test_a_letter_without_the_key_or_with_another_cases_key_is_refused(client, answered, finance):
    letter = answered.letters.get(kind="decision")
    url = f"/track/{answered.query_code}/letters/{letter.pk}.pdf"
    assert client.get(url).status_code == 403
    assert client.get(url, {"key": "forged"}).status_code == 403
    other = applied(finance)
    assert client.get(url, {"key": second_factor.letters_key(other)}).status_code == 403
    assert client.get(url, {"key": second_factor.letters_key(answered)}).status_code == 200


def test_a_letter_to_a_third_party_is_not_the_applicants(client, finance, alice):
    case = applied(finance)
    perform(case, "start_consultation", alice, kind="third_party", party="某公司",
            interest="商业秘密", on=date(2026, 9, 29))  # fmt: skip
    consultation = case.letters.get(kind="consultation_third_party")
    html = client.get(status_url(case)).content.decode()
    assert consultation.title not in html
    url = f"/track/{case.query_code}/letters/{consultation.pk}.pdf"
    assert client.get(url, {"key": second_factor.letters_key(case)}).status_code == 404


def test_the_key_expires(client, answered, monkeypatch):
    key = second_factor.letters_key(answered)
    monkeypatch.setattr(second_factor, "KEY_MAX_AGE", -1)
    assert not second_factor.opens(answered, key)


def test_letters_sent_by_post_are_listed_but_not_downloadable(client, finance):
    case = applied(finance, delivery="post")
    html = client.get(status_url(case)).content.decode()
    assert "政府信息公开申请受理回执" in html and "邮寄" in html and 'name="digits"' not in html
    html = client.post(status_url(case), {"digits": "1234"}).content.decode()
    assert not letter_links(html)
    letter = case.letters.get()
    url = f"/track/{case.query_code}/letters/{letter.pk}.pdf"
    assert client.get(url, {"key": second_factor.letters_key(case)}).status_code == 403


def test_ten_wrong_tries_close_the_case_for_the_day_even_to_the_right_digits(client, answered):
    for _ in range(second_factor.WRONG_PER_CASE):
        client.post(status_url(answered), {"digits": "0000"},
                    REMOTE_ADDR=f"10.0.0.{_ + 1}")  # fmt: skip
    html = client.post(status_url(answered), {"digits": "1234"}).content.decode()
    assert "尝试次数过多" in html and not letter_links(html)


def test_one_address_gets_twenty_tries_an_hour_across_cases(client, finance, answered):
    others = [applied(finance) for _ in range(3)]
    for number in range(second_factor.TRIES_PER_ADDRESS):
        client.post(status_url(others[number % 3]), {"digits": "0000"})
    html = client.post(status_url(answered), {"digits": "1234"}).content.decode()
    assert "尝试次数过多" in html and not letter_links(html)


def test_the_demo_has_an_answered_case_whose_letters_open_with_1234(client, db):
    from gongkai.web.agencies.demo import load_demo
    from gongkai.web.applications.demo import ANSWERED_QUERY_CODE, load_demo_applications

    load_demo()
    load_demo_applications()
    html = client.get(f"/track/{ANSWERED_QUERY_CODE}/").content.decode()
    assert "办理结果" in html and "部分公开" in html and "已办结" in html
    html = client.post(f"/track/{ANSWERED_QUERY_CODE}/", {"digits": "1234"}).content.decode()
    assert len(letter_links(html)) == 2


def test_staff_print_the_proof_of_service_of_a_letter_to_the_applicant(client, answered, alice):
    import io

    import pdfplumber

    client.force_login(alice)
    answer = answered.letters.get(kind="decision")
    html = client.get(f"/work/applications/{answered.pk}/").content.decode()
    proof_url = f"/work/applications/{answered.pk}/letters/{answer.pk}/service-proof.pdf"
    assert proof_url in html and "送达回证" in html
    with pdfplumber.open(io.BytesIO(client.get(proof_url).content)) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace("\n", "")
    assert text.startswith("送达回证") and f"《{answer.title}》（{answer.number}）" in text
    assert "受送达人：王小明" in text and "送达方式：网上获取" in text
    assert answered.events.filter(action="view_personal_data", note__contains="送达回证").exists()


def test_the_applicants_download_is_in_the_history_once_a_day(client, answered):
    links = letter_links(client.post(status_url(answered), {"digits": "1234"}).content.decode())
    client.get(links[-1])
    client.get(links[-1])
    [event] = answered.events.filter(action="applicant_downloaded")
    assert event.note == answered.letters.get(kind="decision").number
    assert event.action_label == "申请人已下载文书" and event.actor is None


def test_the_tracking_api_gives_the_result_and_letters_without_personal_data(client, answered):
    response = client.get(f"/api/v1/applications/track/{answered.query_code}")
    body = response.json()
    assert body["result"] == "部分公开" and "答复书列明了提供的信息" in body["result_explained"]
    assert [letter["title"] for letter in body["letters"]] == [
        "政府信息公开申请受理回执", "政府信息公开申请答复书"]  # fmt: skip
    assert body["letters"][1]["issued_on"] == "2026-10-09"
    assert_no_personal_data(response.content.decode())


def test_the_tracking_api_gives_no_result_while_the_case_is_handled(client, finance):
    body = client.get(f"/api/v1/applications/track/{applied(finance).query_code}").json()
    assert body["result"] is None and len(body["letters"]) == 1
