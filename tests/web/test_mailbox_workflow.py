"""The 政民互动 mailbox's engine: a question is numbered and due on the official calendar by
the agency's promise, answered with who and when, published only with consent, turned into
an application that keeps the question's receipt date, counted by subject, and reminded."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, IntegrityError, transaction

from gongkai.web.annualreports.narrative import gather_facts, suggested_sections
from gongkai.web.applications.deadlines import deadline_of
from gongkai.web.mailbox import conversion, workflow
from gongkai.web.mailbox.counting import year_counts
from gongkai.web.mailbox.models import MailboxPolicy, QuestionEvent, QuestionState
from gongkai.web.mailbox.redaction import masked_text
from gongkai.web.mailbox.tasks import send_mailbox_reminders

# 2025's National Day holiday ran from 1 to 8 October; Saturday 11 October was worked.
MONDAY_BEFORE_NATIONAL_DAY = date(2025, 9, 29)


def asked(agency, consent=True, subject="policy", on=MONDAY_BEFORE_NATIONAL_DAY, **extra):
    fields = {"subject": subject, "title": "补贴发放时间", "name": "陈秀英",
              "phone": "13907950101", "email": "", "consent_to_publish": consent,
              "text": "请问耕地地力保护补贴何时发放？我的电话13907950101。"} | extra  # fmt: skip
    return workflow.ask(agency, fields, received_on=on)


def test_a_question_is_numbered_and_due_after_the_promised_working_days(finance):
    first, second = asked(finance), asked(finance)
    assert (first.number, second.number) == ("2025-0001", "2025-0002")
    # 10 working days from 29 September 2025 skip the holiday and count the worked Saturday.
    assert first.answer_days == 10 and first.due_on == date(2025, 10, 20)
    assert not first.due_provisional
    assert first.events.get().action == "ask"


def test_the_agency_sets_its_own_promise_and_a_question_keeps_the_one_it_was_given(finance):
    MailboxPolicy.objects.create(agency=finance, answer_days=5)
    question = asked(finance)
    assert question.due_on == date(2025, 10, 13)
    MailboxPolicy.objects.filter(agency=finance).update(answer_days=15)
    question.refresh_from_db()
    assert question.answer_days == 5 and question.due_on == date(2025, 10, 13)


def test_the_answer_records_who_and_when_and_publishes_with_consent(finance, alice):
    question = asked(finance)
    answered = workflow.answer(question, alice, "已于10月下旬发放。", publish=True,
                               on=date(2025, 10, 15))  # fmt: skip
    assert answered.state == QuestionState.ANSWERED
    assert (answered.answered_by, answered.answered_on) == (alice, date(2025, 10, 15))
    assert answered.published_on == date(2025, 10, 15) and answered.is_public
    actions = list(answered.events.values_list("action", "actor__username"))
    assert actions == [("ask", None), ("answer", "alice"), ("publish", "alice")]
    # The history holds the asker's details masked only.
    recorded = answered.events.get(action="ask").changes
    assert recorded["phone"] == [None, "139****0101"] and recorded["name"] == [None, "陈**"]


def test_a_question_without_consent_is_never_published(finance, alice):
    question = workflow.answer(asked(finance, consent=False), alice, "答复。")
    with pytest.raises(workflow.MailboxError):
        workflow.set_published(question, alice, True)
    question.refresh_from_db()
    assert question.published_on is None
    with pytest.raises(IntegrityError), transaction.atomic():  # nor by any other writer
        type(question).objects.filter(pk=question.pk).update(published_on=date(2025, 10, 9))


def test_only_the_agencys_handlers_answer(finance, land, bob, carol):
    question = asked(finance)
    for outsider in (bob, carol):  # a clerk elsewhere; the supervising office only sees
        with pytest.raises(PermissionDenied):
            workflow.answer(question, outsider, "答复。")
    question.refresh_from_db()
    assert question.state == QuestionState.OPEN and question.events.count() == 1


def test_the_history_cannot_be_rewritten(finance):
    question = asked(finance)
    with pytest.raises(DatabaseError), transaction.atomic():
        QuestionEvent.objects.filter(question=question).update(note="改写")
    with pytest.raises(DatabaseError), transaction.atomic():
        QuestionEvent.objects.filter(question=question).delete()


def test_a_converted_question_keeps_its_receipt_date_and_both_histories_say_so(finance, alice):
    question = asked(finance, subject="disclosure", email="chenxy@example.cn")
    converted = conversion.convert(question, alice, "email", "email", "要求获取具体文件。")
    case = converted.application
    assert converted.state == QuestionState.CONVERTED and case.mailbox_question == converted
    # 条例第三十一条: received when the question was; 20 working days from then.
    assert case.received_on == case.first_received_on == MONDAY_BEFORE_NATIONAL_DAY
    assert case.channel == "online" and case.due_on == date(2025, 11, 3)
    assert case.due_on == deadline_of(case).due
    assert (case.name, case.phone, case.email) == ("陈秀英", "13907950101", "chenxy@example.cn")
    from_mailbox = case.events.get(action="from_mailbox")
    assert question.number in from_mailbox.note and "2025-09-29" in from_mailbox.note
    assert from_mailbox.actor == alice
    convert_event = converted.events.get(action="convert")
    assert case.number in convert_event.note and convert_event.actor == alice
    with pytest.raises(workflow.MailboxError):  # once only
        conversion.convert(converted, alice, "email", "email")
    assert type(case).objects.count() == 1


def test_conversion_by_email_needs_an_address(finance, alice):
    question = asked(finance)
    with pytest.raises(workflow.MailboxError):
        conversion.convert(question, alice, "email", "email")
    question.refresh_from_db()
    assert question.application is None and question.state == QuestionState.OPEN


def test_yearly_counts_by_subject(finance, land, alice, bob):
    on_time = workflow.answer(asked(finance), alice, "答复。", publish=True,
                              on=date(2025, 10, 10))  # fmt: skip
    workflow.answer(asked(finance, on=date(2025, 9, 1)), alice, "迟复。", on=date(2025, 10, 10))
    conversion.convert(asked(finance, subject="disclosure"), alice, "paper", "collect")
    asked(finance, subject="disclosure", on=date(2024, 12, 30))  # another year
    asked(land)  # another agency
    counts = year_counts([finance], 2025)
    assert counts.by_subject["policy"] == {"received": 2, "answered": 2, "on_time": 1,
                                           "published": 1, "converted": 0}  # fmt: skip
    assert counts.by_subject["disclosure"]["received"] == 1
    assert counts.total("received") == 3 and on_time.answered_on <= on_time.due_on


def test_section_one_of_the_annual_report_states_the_mailboxs_year(finance, alice):
    workflow.answer(asked(finance), alice, "答复。", publish=True, on=date(2025, 10, 10))
    # converted today: counted in the year of the conversion, not of the question
    conversion.convert(asked(finance, subject="disclosure"), alice, "paper", "collect")
    section = suggested_sections(finance, 2025, gather_facts(finance, 2025, {}))["一"]
    assert ("全年通过政民互动信箱收到群众留言2件（其中政策咨询1件、政府信息公开1件），答复1件，"
            "其中在承诺时限内答复1件；经留言人同意公开答复1件；转为政府信息公开申请办理0件。"
            ) in section  # fmt: skip
    quiet_year = suggested_sections(finance, 2023, gather_facts(finance, 2023, {}))["一"]
    assert "政民互动" not in quiet_year


def test_reminders_go_once_to_the_agencys_clerks(finance, alice, bob, erin, settings):
    alice.email, erin.email, bob.email = "alice@x.cn", "erin@x.cn", "bob@x.cn"
    for person in (alice, erin, bob):
        person.save()
    due_soon = asked(finance, on=date(2025, 10, 9))  # due 23 October
    late = asked(finance)  # due 20 October
    assert send_mailbox_reminders.call("2025-10-21") == 3  # alice twice, erin for the late one
    assert send_mailbox_reminders.call("2025-10-21") == 0
    subjects = sorted(message.subject for message in mail.outbox)
    assert any(late.number in s and "已超期" in s for s in subjects)
    assert any(due_soon.number in s and "提醒" in s for s in subjects)
    assert all("bob@x.cn" not in message.to for message in mail.outbox)


def test_published_text_masks_numbers_and_the_askers_name():
    text = ("我是陈秀英，电话13907950101，座机0795-7220000，身份证360999196803150037，"
            "邮箱chen@example.cn，共有3000元补贴。")  # fmt: skip
    masked = masked_text(text, ("陈秀英",))
    for secret in ("陈秀英", "13907950101", "7220000", "360999196803150037", "chen@example.cn"):
        assert secret not in masked
    assert "139****0101" in masked and "陈**" in masked and "3000元" in masked
