"""The mailbox's work for the worker: the asker's e-mail when the answer is given, and the
recount of open questions' due dates when a year's holidays are entered."""

from datetime import date

import pytest
from django.core import mail

from gongkai.web.jobs.worker import run_queued_tasks
from gongkai.web.mailbox import workflow
from gongkai.web.mailbox.models import Question
from gongkai.web.workcalendar.entry import enter_year

pytestmark = pytest.mark.django_db(transaction=True)


def asked(agency, on: date, email: str = ""):
    fields = {"subject": "policy", "title": "补贴发放时间", "text": "何时发放？", "name": "陈秀英",
              "phone": "13907950101", "email": email, "consent_to_publish": True}  # fmt: skip
    return workflow.ask(agency, fields, received_on=on)


def test_the_asker_is_told_by_e_mail_once_without_the_answer_quoted(finance, alice):
    question = asked(finance, date(2025, 10, 9), email="chenxy@example.cn")
    workflow.answer(question, alice, "本月下旬发放。", on=date(2025, 10, 10))
    assert run_queued_tasks() == 1
    [message] = mail.outbox
    assert message.to == ["chenxy@example.cn"] and message.subject == "您的留言已答复"
    assert question.query_code in message.body and "本月下旬发放" not in message.body
    notified = question.events.get(action="asker_notified")
    assert "c***@example.cn" in notified.note and "chenxy" not in notified.note
    from gongkai.web.mailbox.asker_mail import send_answer_notice

    assert send_answer_notice.call(question.pk) == 0 and len(mail.outbox) == 1


def test_an_asker_without_an_address_is_not_written_to(finance, alice):
    workflow.answer(asked(finance, date(2025, 10, 9)), alice, "答复。", on=date(2025, 10, 10))
    assert run_queued_tasks() == 0 and mail.outbox == []


def test_entering_a_year_recounts_open_questions_due_in_it(finance):
    waiting = asked(finance, date(2026, 12, 28))  # 10 working days reach into 2027
    within_2026 = asked(finance, date(2026, 11, 27))  # due 11 December: nothing to change
    assert (waiting.due_on, waiting.due_provisional) == (date(2027, 1, 11), True)
    enter_year(2027, ["2027-01-01..2027-01-03=元旦"], [], "国办发明电〔2026〕7号")
    run_queued_tasks()
    waiting.refresh_from_db()
    assert (waiting.due_on, waiting.due_provisional) == (date(2027, 1, 12), False)
    event = waiting.events.get(action="recalculate")
    assert event.changes["due_on"] == ["2027-01-11", "2027-01-12"] and "2027" in event.note
    assert Question.objects.get(pk=within_2026.pk).due_on == date(2026, 12, 11)
    assert not within_2026.events.filter(action="recalculate").exists()
