"""Casework in a real browser: an answer drafted, checked, signed and issued through the
agency's chain; a case waiting for 补正 that is never overdue and is closed as abandoned once
its time has passed; the supervisor's figures, equal to counts made here from the records."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency, User
from gongkai.web.applications import signoff
from gongkai.web.applications.models import Application
from gongkai.web.applications.workflow import perform, submit

ANSWER = {"答复结果": "partial", "理由": "部分内容涉及个人隐私",
          "提供的政府信息": "2025年度部门预算执行表", "不予公开的内容": "经办人员个人信息",
          "提供方式": "电子邮件"}  # fmt: skip


@pytest.fixture
def finance(transactional_db):
    load_demo()
    agency = Agency.objects.get(name="青山县财政局")
    signoff.ensure_decision_chain(agency)  # 审核 (reviewer) → 签发 (head)
    return agency


def apply(agency, days_ago: int, name: str) -> Application:
    received = timezone.localdate() - timedelta(days_ago)
    return submit(agency, {"applicant_type": "natural", "name": name, "phone": "13907951234",
                           "channel": "in_person", "received_on": received,
                           "description": "2025年度县财政局部门预算执行情况",
                           "form_requested": "paper", "delivery": "collect"})  # fmt: skip


def open_from_the_workbench(page, case) -> None:
    """The person finds the case under 待我办理 on their workbench and opens it."""
    page.goto("/work/")
    waiting = page.locator("section[aria-labelledby=awaiting-title]")
    waiting.get_by_role("link", name=case.number).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.name)


def test_an_answer_is_drafted_checked_signed_and_issued(browser, live_server, finance, log_in,
                                                        take_step):  # fmt: skip
    case = apply(finance, 5, "王建国")
    people = {}
    for username in ("zhangwei", "wangfang", "liuyang"):
        people[username] = browser.new_context(base_url=live_server.url).new_page()
        log_in(people[username], username)
    clerk, reviewer, head = people.values()

    clerk.goto(f"/work/applications/{case.pk}/")
    expect(clerk.locator("details.action summary", has_text="作出答复")).to_have_count(0)
    take_step(clerk, "拟写答复并送审签", ANSWER)
    expect(clerk.locator(".draft-answer")).to_contain_text("待办理")
    open_from_the_workbench(reviewer, case)
    take_step(reviewer, "审核/签发通过", {"意见": "同意。"})
    expect(reviewer.get_by_text("答复已拟稿，审签中（待签发）")).to_be_visible()
    open_from_the_workbench(head, case)
    with head.expect_download() as draft:
        head.locator(".draft-answer").get_by_role("link", name="Word").click()
    assert draft.value.suggested_filename.endswith("答复书草稿.docx")
    take_step(head, "审核/签发通过")
    open_from_the_workbench(clerk, case)
    take_step(clerk, "印发已签发的答复")

    expect(clerk.get_by_text("已答复").first).to_be_visible()
    answer = clerk.get_by_role("row", name=re.compile("政府信息公开申请答复书"))
    expect(answer.get_by_role("cell", name="刘洋")).to_be_visible()  # 签发人
    history = clerk.locator("section[aria-labelledby=history-title] li")
    texts = [re.sub(r"\s+", " ", text) for text in history.all_inner_texts()]
    steps = [re.search(r"\d\d:\d\d (\S+) · (\S+)", text).groups() for text in texts
             if "查看个人信息" not in text and "收到申请" not in text]  # fmt: skip
    assert steps == [("拟写答复并送审签", "张伟"), ("审核/签发通过", "王芳"),
                     ("审核/签发通过", "刘洋"), ("印发已签发的答复", "张伟")]  # fmt: skip


def test_a_case_waiting_for_correction_is_never_overdue_and_is_abandoned_after_its_time(
    page, finance, log_in, take_step
):
    clerk = User.objects.get(username="zhangwei")
    today = timezone.localdate()
    passed = perform(apply(finance, 60, "逾期未补正人"), "request_correction", clerk,
                     note="请写明所需信息的年度", on=today - timedelta(58))  # fmt: skip
    pending = perform(apply(finance, 60, "补正中申请人"), "request_correction", clerk,
                      note="请写明所需信息的年度", on=today - timedelta(1))  # fmt: skip
    overdue = apply(finance, 60, "逾期未答复人")  # its answer period has run out
    log_in(page, "zhangwei")

    page.goto("/work/applications/?view=overdue")
    table = page.locator("table.data-table")
    expect(table.get_by_role("link", name=overdue.number)).to_be_visible()
    for waiting in (passed, pending):
        expect(table.get_by_role("link", name=waiting.number)).to_have_count(0)
    page.goto("/work/applications/?view=waiting")
    row = page.get_by_role("row").filter(has_text=pending.number)
    expect(row).to_contain_text(f"至 {pending.waiting_until:%Y-%m-%d}")
    expect(row).not_to_have_class("overdue")

    page.goto(f"/work/applications/{pending.pk}/")
    expect(page.locator("dl.facts").first).to_contain_text("等待期间不计算")
    expect(page.locator("details.action summary", has_text="逾期未补正")).to_have_count(0)

    page.goto("/work/applications/?view=waiting_passed")
    page.get_by_role("link", name=passed.number).click()
    expect(page.locator(".notice")).to_contain_text("视为放弃")
    take_step(page, "办结：逾期未补正")
    expect(page.locator("dl.facts").first).to_contain_text("已办结")
    letters = page.locator("section[aria-labelledby=letters-title]")
    expect(letters.get_by_role("row")).to_have_count(4)  # head, 回执, 补正告知书, 终止 notice
    assert Application.objects.get(pk=passed.pk).outcome == "other.no_correction"


def test_the_supervisor_figures_equal_the_counts_made_from_the_records(
    page, transactional_db, log_in
):
    from tests.web.test_dashboards import expected_figures

    from gongkai.web.applications.demo import load_demo_applications
    from gongkai.web.catalog.demo import load_demo_catalog

    load_demo()
    load_demo_applications()  # the demo's cases: every stage, some overdue, some waiting
    load_demo_catalog()  # its entries: some published after 20 working days
    log_in(page, "lina")
    page.goto("/work/")
    page.get_by_role("link", name=re.compile("督导")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("督导")
    agencies = Agency.objects.order_by("path")
    rows = page.locator("table.supervision-figures tbody tr")
    expect(rows).to_have_count(agencies.count())
    totals = dict.fromkeys(expected_figures(agencies[0]), 0)
    for agency in agencies:
        expected = expected_figures(agency)
        row = page.locator(f'tr[data-agency="{agency.code}"]')
        for figure, value in expected.items():
            expect(row.locator(f'td[data-figure="{figure}"]')).to_have_text(str(value))
            totals[figure] += value
    for figure, value in totals.items():
        expect(page.locator(f'tfoot td[data-figure="{figure}"]')).to_have_text(str(value))
    assert totals["overdue"] >= 1 and totals["late_entries"] >= 1  # the demo has some of each

    land = Agency.objects.get(name="青山县自然资源局")
    row = page.locator(f'tr[data-agency="{land.code}"]')
    row.locator("summary").click()
    row.get_by_label("督办内容（可不填）").fill("请于本周内报告补正期限已过案件的办理情况。")
    row.get_by_role("button", name=re.compile("发送督办")).click()
    expect(page.locator(".messages")).to_contain_text("已向青山县自然资源局发送督办")
    expect(page.locator("section[aria-labelledby=reminders-title]")).to_contain_text(
        "请于本周内报告补正期限已过案件的办理情况。"
    )
