"""notify(): one message per recipient and idempotency key, recorded, never sent twice."""

import pytest
from django.core import mail

from gongkai.web.jobs.models import Notification
from gongkai.web.jobs.notify import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice_with_address(alice):
    alice.email = "alice@qingshan.gov.cn"
    alice.save()
    return alice


def test_each_recipient_gets_a_message_of_their_own_and_it_is_recorded(
    alice_with_address, finance, mailoutbox
):
    sent = notify([alice_with_address, "office@qingshan.gov.cn"], "年报提醒", "请于1月31日前公布。",
                  key="annualreports.due:2026", about=finance)  # fmt: skip
    assert sent == 2
    assert [m.to for m in mailoutbox] == [["alice@qingshan.gov.cn"], ["office@qingshan.gov.cn"]]
    assert mailoutbox[0].subject == "年报提醒" and mailoutbox[0].body == "请于1月31日前公布。"
    record = Notification.objects.get(recipient="office@qingshan.gov.cn")
    assert record.key == "annualreports.due:2026" and record.sent_at is not None
    assert record.about == f"agencies.agency:{finance.pk}"


def test_a_key_already_sent_is_skipped_for_that_recipient_only(alice_with_address, mailoutbox):
    notify([alice_with_address], "提醒", "正文", key="k")
    assert notify([alice_with_address, "bob@qingshan.gov.cn"], "提醒", "正文", key="k") == 1
    assert notify(["bob@qingshan.gov.cn", alice_with_address], "提醒", "正文", key="k") == 0
    assert [m.to for m in mailoutbox] == [["alice@qingshan.gov.cn"], ["bob@qingshan.gov.cn"]]
    assert notify([alice_with_address], "提醒", "正文", key="another") == 1


def test_the_same_address_twice_in_one_call_gets_one_message(alice_with_address, mailoutbox):
    assert notify([alice_with_address, "alice@qingshan.gov.cn"], "提醒", "正文", key="k") == 1
    assert len(mailoutbox) == 1


def test_a_message_that_could_not_be_sent_is_tried_again_next_time(
    alice_with_address, monkeypatch, mailoutbox
):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("gongkai.web.jobs.notify.send_mail", refuse)
    with pytest.raises(ConnectionRefusedError):
        notify([alice_with_address], "提醒", "正文", key="k")
    assert not Notification.objects.exists()
    monkeypatch.undo()
    assert notify([alice_with_address], "提醒", "正文", key="k") == 1
    assert len(mail.outbox) == 1


def test_a_message_whose_sending_was_cut_short_is_not_sent_again(alice_with_address, mailoutbox):
    # A worker killed between recording and sending leaves the record without sent_at: it may
    # have gone out, so it is never sent a second time.
    Notification.objects.create(key="k", recipient=alice_with_address.email, subject="提醒",
                                body="正文")  # fmt: skip
    assert notify([alice_with_address], "提醒", "正文", key="k") == 0
    assert mailoutbox == []
