"""Each agency's clerks and head are reminded of its annual report before the 第四十九条 date
and every day after it, until the report is published — once per day, never another agency."""

from datetime import date

import pytest

from gongkai.web.agencies.models import Membership, User
from gongkai.web.agencies.roles import Role
from gongkai.web.annualreports.tasks import send_report_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(finance, land, alice, bob, carol, erin):
    for person in (alice, bob, carol, erin):
        person.email = f"{person.username}@qingshan.gov.cn"
        person.save()


def recipients(mailoutbox) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for message in mailoutbox:
        found.setdefault(message.to[0].split("@")[0], []).append(message.subject)
    return found


def test_a_week_before_the_due_date_the_clerks_and_heads_hear_of_it(staff, mailoutbox):
    send_report_reminders.call("2026-01-24")  # 7 days before 1月31日
    received = recipients(mailoutbox)
    assert sorted(received) == ["alice", "bob", "erin"]  # not carol, the supervisor
    assert received["alice"] == ["提醒：青山县财政局2025年度报告应于2026年1月31日前发布"]
    body = mailoutbox[0].body
    assert "还剩7天" in body and "/work/annual-reports/" in body


def test_no_one_is_reminded_twice_a_day_nor_between_thresholds(staff, mailoutbox):
    send_report_reminders.call("2026-01-24")
    sent = len(mailoutbox)
    send_report_reminders.call("2026-01-24")
    send_report_reminders.call("2026-01-25")  # 6 days left: no threshold
    assert len(mailoutbox) == sent


def test_an_overdue_report_is_reminded_every_day(staff, mailoutbox):
    send_report_reminders.call("2026-02-02")
    send_report_reminders.call("2026-02-03")
    assert recipients(mailoutbox)["erin"] == [
        "逾期：青山县财政局2025年度报告应于2026年1月31日前发布",
        "逾期：青山县财政局2025年度报告应于2026年1月31日前发布",
    ]
    assert "已逾期3天" in mailoutbox[-1].body


def test_a_published_report_is_not_reminded(
    staff, finance, alice, erin, mailoutbox, publish_report
):
    publish_report(finance, 2025, alice, erin, on=date(2026, 1, 20))
    send_report_reminders.call("2026-01-24")
    assert "alice" not in recipients(mailoutbox) and "bob" in recipients(mailoutbox)


def test_a_government_is_reminded_before_its_own_date(staff, county, mailoutbox):
    clerk = User.objects.create_user("gina", email="gina@qingshan.gov.cn", full_name="高娜")
    Membership.objects.create(user=clerk, agency=county, role=Role.CLERK)
    send_report_reminders.call("2026-01-24")
    assert "gina" not in recipients(mailoutbox)
    send_report_reminders.call("2026-03-24")  # 7 days before 3月31日
    assert recipients(mailoutbox)["gina"] == [
        "提醒：青山县人民政府2025年度报告应于2026年3月31日前发布"
    ]
