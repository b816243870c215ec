"""Deadline reminders: each morning the handling agency's clerks hear of cases due within 3
working days, and its clerks and head of overdue ones — once, and never of paused cases."""

from datetime import date

import pytest

from gongkai.web.applications.models import Application
from gongkai.web.applications.tasks import send_deadline_reminders
from gongkai.web.applications.workflow import perform, submit
from gongkai.web.jobs.models import Notification

pytestmark = pytest.mark.django_db

MONDAY = "2026-04-27"  # three working days before 2026-04-30 (28, 29, 30)


def case(agency, received_on: date):
    fields = {"applicant_type": "natural", "name": "王小明", "phone": "13800000000",
              "channel": "online", "received_on": received_on, "description": "2025年预算",
              "form_requested": "email", "delivery": "email"}  # fmt: skip
    return submit(agency, fields)


@pytest.fixture
def with_addresses(alice, bob, carol, dave, erin):
    for person in (alice, bob, carol, dave, erin):
        person.email = f"{person.username}@qingshan.gov.cn"
        person.save()


@pytest.fixture
def docket(finance, land, alice, with_addresses):
    """财政局: one case due Thursday, one overdue, one due next month; 自然资源局: one due
    Thursday."""
    return {
        "due_soon": case(finance, date(2026, 4, 1)),  # due 2026-04-30
        "overdue": case(finance, date(2026, 3, 20)),  # due 2026-04-20
        "later": case(finance, date(2026, 4, 7)),  # due 2026-05-08
        "land": case(land, date(2026, 4, 1)),
    }


def sent_to(mailoutbox) -> dict[str, list[str]]:
    received: dict[str, list[str]] = {}
    for message in mailoutbox:
        assert len(message.to) == 1, "each person gets a message of their own"
        received.setdefault(message.to[0].split("@")[0], []).append(message.subject)
    return received


def test_clerks_hear_of_cases_due_soon_and_the_head_of_overdue_ones(docket, mailoutbox):
    assert send_deadline_reminders.call(today=MONDAY) == 4
    received = sent_to(mailoutbox)
    due_soon, overdue = docket["due_soon"].number, docket["overdue"].number
    assert sorted(received) == ["alice", "bob", "erin"]
    assert sorted(received["alice"]) == sorted(
        [f"提醒：申请 {due_soon} 应于2026年4月30日前答复",
         f"已逾期：申请 {overdue} 应于2026年4月20日前答复"]
    )  # fmt: skip
    assert received["erin"] == [f"已逾期：申请 {overdue} 应于2026年4月20日前答复"]
    assert received["bob"] == [f"提醒：申请 {docket['land'].number} 应于2026年4月30日前答复"]


def test_no_one_is_reminded_twice_however_often_the_task_runs(docket, mailoutbox):
    send_deadline_reminders.call(today=MONDAY)
    first = len(mailoutbox)
    assert send_deadline_reminders.call(today=MONDAY) == 0
    assert send_deadline_reminders.call(today="2026-04-28") == 0  # still the same thresholds
    assert len(mailoutbox) == first == Notification.objects.exclude(sent_at=None).count()


def test_a_case_due_soon_is_reminded_again_when_it_becomes_overdue(docket, mailoutbox):
    send_deadline_reminders.call(today=MONDAY)
    mailoutbox.clear()
    send_deadline_reminders.call(today="2026-05-06")  # after 30 April and the May holiday
    assert sent_to(mailoutbox)["erin"] == [
        f"已逾期：申请 {docket['due_soon'].number} 应于2026年4月30日前答复"
    ]


def test_paused_cases_and_cases_awaiting_correction_are_not_due(
    finance, alice, with_addresses, mailoutbox
):
    consulting = case(finance, date(2026, 4, 1))
    perform(consulting, "start_consultation", alice, party="青山建设公司", interest="商业秘密",
            on=date(2026, 4, 3))  # fmt: skip
    # Whatever the stored date says while the clock stands still, the case is not due.
    Application.objects.filter(pk=consulting.pk).update(due_on=date(2026, 4, 29))
    correcting = case(finance, date(2026, 4, 1))
    perform(correcting, "request_correction", alice, note="请补充身份证明", on=date(2026, 4, 2))
    assert Application.objects.get(pk=correcting.pk).due_on is None  # no answer period yet
    assert send_deadline_reminders.call(today=MONDAY) == 0
    assert mailoutbox == []


def test_a_reminder_names_the_case_and_links_to_it_without_the_applicants_details(
    docket, mailoutbox, settings
):
    send_deadline_reminders.call(today=MONDAY)
    message = next(m for m in mailoutbox if m.to == ["bob@qingshan.gov.cn"])
    land_case = docket["land"]
    assert "青山县自然资源局" in message.body and land_case.number in message.body
    assert f"{settings.GONGKAI_SITE_URL}/work/applications/{land_case.pk}/" in message.body
    assert "剩余工作日（不含今天）：3" in message.body
    assert "王小明" not in message.body and "13800000000" not in message.body
    assert message.from_email == settings.DEFAULT_FROM_EMAIL


def test_staff_without_an_address_or_no_longer_active_are_skipped(docket, alice, erin, mailoutbox):
    alice.email = ""
    alice.save()
    erin.is_active = False
    erin.save()
    send_deadline_reminders.call(today=MONDAY)
    assert sorted(sent_to(mailoutbox)) == ["bob"]
