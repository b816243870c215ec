"""The 2025 report of 青山县财政局, in a real browser: the clerk compiles it from the records,
opens the records behind a figure, writes the text and submits; the head approves; the
report appears in the portal's 年报 column with its documents."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.web.agencies.demo import load_demo
from gongkai.web.applications.demo_year import load_demo_year
from gongkai.web.catalog.demo_registry import load_demo_registry
from gongkai.web.catalog.vocabularies import ensure_national_vocabularies

TITLE = "青山县财政局2025年政府信息公开工作年度报告"


@pytest.fixture
def county_year(transactional_db):
    """The demo county and its year of applications and figures, no report compiled yet."""
    ensure_national_vocabularies()
    load_demo()
    load_demo_year()
    load_demo_registry()


def write_the_text(page) -> None:
    """Replace every 【请填写…】 passage the platform left for people."""
    for numeral in ("一", "五", "六"):
        area = page.locator(f"textarea[name='{numeral}']")
        text = re.sub(r"【请填写：[^】]*】", "已按要求填写。", area.input_value())
        area.fill(text)
    page.get_by_role("button", name="保存文字").click()
    expect(page.locator(".messages")).to_contain_text("操作成功")


def test_a_clerk_compiles_and_submits_and_the_head_approves_and_publishes(
    browser, live_server, page, county_year, log_in, take_step
):
    log_in(page, "zhangwei")
    page.get_by_role("link", name="年度报告编制").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="青山县财政局"))
    expect(row).to_contain_text("2026年1月31日")
    row.get_by_role("button", name="由记录生成").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    new = page.locator("td[data-key='s3.new.total'] a")
    expect(new).to_have_text("7")  # the demo year's applications first received in 2025
    new.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("本年新收政府信息公开申请数量")
    expect(page.get_by_role("row")).to_have_count(8)  # a header and the seven cases
    page.go_back()

    submit = page.locator("details.action", has=page.get_by_text("报送审批", exact=True))
    submit.locator("summary").click()
    submit.get_by_role("button", name="报送审批").click()
    expect(page.locator(".messages")).to_contain_text("还有标有【请填写】的内容尚未填写")
    write_the_text(page)
    take_step(page, "报送审批")
    expect(page.locator(".lead")).to_contain_text("已报送审批")

    head = browser.new_context(base_url=live_server.url).new_page()
    log_in(head, "liuyang")
    head.goto(page.url)
    take_step(head, "批准并发布")
    expect(head.locator(".lead")).to_contain_text("已发布")

    head.goto("/")
    head.get_by_role("navigation", name="主导航").get_by_role("link", name="年报").click()
    row = head.get_by_role("row").filter(has=head.get_by_role("rowheader", name="青山县财政局"))
    row.get_by_role("link").last.click()
    expect(head.get_by_role("heading", level=1)).to_have_text(TITLE)
    for kind in ("docx", "pdf", "xlsx"):
        expect(head.get_by_role("link", name=f"{TITLE}.{kind}")).to_be_visible()
    head.get_by_role("link", name="阅读发布的报告全文").click()
    expect(
        head.get_by_role("heading", level=2, name="三、收到和处理政府信息公开申请情况")
    ).to_be_visible()
