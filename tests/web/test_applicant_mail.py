"""The applicant hears by e-mail of the receipt, a 补正 request, an extension and the answer:
each step queues a message that the worker sends once, through Django's e-mail framework,
and each message sent is in the case history."""

import email
from datetime import date

import pytest
from django_tasks_db.models import DBTaskResult

from gongkai.web.applications.applicant_mail import NOTIFIED
from gongkai.web.applications.workflow import perform, submit
from gongkai.web.jobs.worker import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=True)

TASK = "gongkai.web.applications.applicant_mail.send_applicant_notice"
ADDRESS = "wang@example.cn"
ANSWER = {"outcome": "partial", "reason": "部分内容涉及个人隐私",
          "provided_content": "预算执行表", "withheld_content": "个人信息",
          "provision_method": "通过电子邮件发送"}  # fmt: skip


def applied(agency, **fields):
    return submit(agency, {"applicant_type": "natural", "name": "王小明", "phone": "13907951234",
                           "identity_type": "resident_id", "identity_number": "11010519491231002X",
                           "email": ADDRESS, "channel": "online",
                           "received_on": date(2026, 9, 28), "description": "预算执行情况",
                           "form_requested": "email", "delivery": "online"} | fields)  # fmt: skip


def queued() -> int:
    return DBTaskResult.objects.filter(task_path=TASK).count()


def test_the_receipt_is_mailed_once_with_the_code_and_where_to_follow_it(finance, mailoutbox):
    case = applied(finance)
    assert queued() == 1 and not mailoutbox  # sent by the worker, not in the request
    assert run_queued_tasks() == 1
    [message] = mailoutbox
    assert (
        message.to == [ADDRESS] and "已收到" in message.subject and case.number in message.subject
    )
    assert case.query_code in message.body and f"/track/{case.query_code}/" in message.body
    assert "政府信息公开申请受理回执" in message.body and "答复期限：2026年10月" in message.body
    assert "最后四位" in message.body
    assert "王小明" not in message.body and "11010519491231002X" not in message.body
    run_queued_tasks()
    assert len(mailoutbox) == 1


def test_each_message_sent_is_in_the_history_with_the_address_masked(finance, mailoutbox):
    case = applied(finance)
    run_queued_tasks()
    event = case.events.get(action=NOTIFIED)
    assert "w***@example.cn" in event.note and "已收到" in event.note
    assert ADDRESS not in str(event.changes) + event.note
    assert event.action_label == "已通过电子邮件通知申请人"


def test_correction_extension_and_answer_are_each_mailed(finance, alice, erin, mailoutbox):
    case = applied(finance)
    perform(case, "request_correction", alice, note="请明确年度", on=date(2026, 9, 29))
    perform(case, "receive_correction", alice, on=date(2026, 10, 8))
    perform(case, "extend", erin, days=10, note="需调取档案", on=date(2026, 10, 30))
    perform(case, "decide", erin, on=date(2026, 11, 5), **ANSWER)
    assert run_queued_tasks() == 4
    subjects = [m.subject for m in mailoutbox]
    assert ["已收到" in subjects[0], "补正" in subjects[1], "延长" in subjects[2],
            "已作出答复" in subjects[3]] == [True] * 4  # fmt: skip
    correction, extension, answer = (m.body for m in mailoutbox[1:])
    assert "政府信息公开申请补正告知书" in correction and "补正期限：" in correction
    assert "政府信息公开申请延期答复告知书" in extension and "答复期限：" in extension
    assert "办理结果：部分公开" in answer and "政府信息公开申请答复书" in answer
    assert case.events.filter(action=NOTIFIED).count() == 4


def test_nothing_is_queued_for_an_applicant_without_an_address(finance, mailoutbox):
    applied(finance, email="")
    assert queued() == 0


def test_steps_the_applicant_is_not_told_of_queue_nothing(finance, alice, mailoutbox):
    case = applied(finance)
    run_queued_tasks()
    perform(case, "start_consultation", alice, kind="third_party", party="某公司",
            interest="商业秘密", on=date(2026, 9, 29))  # fmt: skip
    assert queued() == 1 and run_queued_tasks() == 0


def test_letters_sent_by_post_are_not_offered_for_download_in_the_message(finance, mailoutbox):
    applied(finance, delivery="post", address="青山县人民大道1号")
    run_queued_tasks()
    assert "邮寄" in mailoutbox[0].body and "最后四位" not in mailoutbox[0].body


def test_with_the_file_backend_each_message_is_a_file_in_the_mail_folder(finance, settings,
                                                                        tmp_path):  # fmt: skip
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                                    "OPTIONS": {"file_path": str(tmp_path / "mail")}}}  # fmt: skip
    case = applied(finance)
    run_queued_tasks()
    [written] = (tmp_path / "mail").iterdir()
    message = email.message_from_bytes(written.read_bytes(), policy=email.policy.default)
    assert message["To"] == ADDRESS and case.number in message["Subject"]
    assert case.query_code in message.get_content()


def test_the_receipt_page_says_e_mails_will_follow_without_showing_the_address(client, finance):
    html = client.get(f"/apply/receipt/{applied(finance).query_code}/").content.decode()
    assert "发送邮件到您填写的电子邮箱" in html and ADDRESS not in html
    html = client.get(f"/apply/receipt/{applied(finance, email='').query_code}/").content.decode()
    assert "发送邮件" not in html
