"""The letters a case issues, as the applicant reads them: 你 or 你单位 by the applicant type,
the number opened by the agency's 机关代字, the OGI office and its phone as 联系部门, one full
stop where a value ends its own sentence, and the notices of the steps that close a case."""

from datetime import date

import pytest

from gongkai.letters import compose
from gongkai.web.applications.letters import context_of
from gongkai.web.applications.workflow import perform, submit

PERSON = {"applicant_type": "natural", "name": "王小明", "phone": "13907951234",
          "identity_type": "resident_id", "identity_number": "11010519491231002X"}  # fmt: skip
COMPANY = {"applicant_type": "commercial", "name": "青山某某科技有限公司", "phone": "0795-7238866",
           "org_code": "91350100M000100Y43", "contact_person": "李明"}  # fmt: skip


def applied(agency, applicant: dict, description="2025年度部门预算执行情况。"):
    return submit(agency, applicant | {
        "channel": "in_person", "received_on": date(2026, 9, 28), "description": description,
        "form_requested": "paper", "delivery": "collect"})  # fmt: skip


def text_of(letter) -> str:
    return compose(letter.kind, context_of(letter.snapshot, letter.kind)).text()


@pytest.fixture
def finance_office(finance):
    finance.letter_code, finance.ogi_office, finance.ogi_office_phone = (
        "青财", "办公室", "0795-7220001")  # fmt: skip
    finance.save()
    return finance


def test_a_person_is_written_to_as_you_and_an_organisation_as_your_organisation(finance):
    person = text_of(applied(finance, PERSON).letters.get())
    company = text_of(applied(finance, COMPANY).letters.get())
    assert "你（单位）" not in person + company
    assert "你提交的政府信息公开申请已收到" in person and "你的申请方式为当面提交。" in person
    assert "你单位" in company and "你单位" not in person


def test_the_letter_number_opens_with_the_agencys_letter_code(finance_office):
    letter = applied(finance_office, PERSON).letters.get()
    assert letter.number == "青财依申受〔2026〕1号"


def test_the_contact_is_the_ogi_office_and_its_phone(finance_office):
    text = text_of(applied(finance_office, PERSON).letters.get())
    assert "联系部门：青山县财政局办公室" in text and "联系电话：0795-7220001" in text


def test_a_description_ending_in_a_full_stop_is_not_followed_by_another(finance):
    text = text_of(applied(finance, PERSON).letters.get())
    assert "执行情况。" in text
    for doubled in ("。。", "。”。", "）。。", "，。", "提交提交"):
        assert doubled not in text, doubled


@pytest.mark.parametrize("channel", ["in_person", "post", "letter", "online", "fax",
                                     "other"])  # fmt: skip
def test_the_receipt_names_each_channel_in_a_sentence_that_reads(finance, channel):
    case = submit(finance, PERSON | {
        "channel": channel, "received_on": date(2026, 9, 28), "description": "预算",
        "form_requested": "paper", "delivery": "collect"})  # fmt: skip
    text = text_of(case.letters.get())
    assert "提交提交" not in text and "方式方式" not in text
    assert ("你的申请方式为" in text) == (channel != "other")  # 其他方式: no rule to quote


def test_withdrawing_issues_the_notice_that_ends_the_case(finance, alice):
    case = perform(applied(finance, COMPANY), "withdraw", alice, on=date(2026, 10, 8))
    notice = case.letters.get(kind="withdrawn")
    assert notice.title == "政府信息公开申请终止办理告知书"
    assert "你单位已撤回该申请，本机关终止办理。" in text_of(notice)


def test_a_fee_not_paid_in_time_issues_the_abandonment_notice(finance, alice):
    case = applied(finance, PERSON)
    perform(case, "send_fee_notice", alice, method="per_page", quantity=300,
            on=date(2026, 9, 29))  # fmt: skip
    case = perform(case, "abandon_payment", alice, on=date(2026, 12, 1))
    notice = case.letters.get(kind="abandoned_fee")
    fee_notice = case.letters.get(kind="fee_notice")
    assert notice.title == "政府信息公开申请视为放弃告知书"
    assert f"（{fee_notice.number}）" in text_of(notice) and "你逾期未缴纳" in text_of(notice)
