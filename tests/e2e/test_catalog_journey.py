"""Staff draft, review, approve and publish an entry; the public finds it; the 指南 is there."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency


@pytest.fixture
def finance(transactional_db):
    load_demo()
    return Agency.objects.get(name="青山县财政局")


def staff_page(browser, live_server, log_in, username: str):
    page = browser.new_context(base_url=live_server.url).new_page()
    log_in(page, username)
    return page


def test_an_entry_is_drafted_reviewed_approved_published_and_found(
    browser, live_server, finance, log_in, take_step
):
    clerk = staff_page(browser, live_server, log_in, "zhangwei")
    clerk.goto("/work/catalog/new/")
    clerk.get_by_label("名称").fill("青山县财政局关于公开2026年“三公”经费预算的说明")
    clerk.get_by_label("文号").fill("青财预〔2026〕11号")
    clerk.get_by_label("生成日期").fill("2026-11-16")
    clerk.get_by_label("条例第二十条事项").select_option("7")
    clerk.get_by_label("正文").fill("2026年县财政局“三公”经费预算为12.5万元，比上年减少1.2万元。")
    clerk.get_by_role("button", name="保存草稿").click()
    expect(clerk.get_by_role("heading", level=1)).to_contain_text("三公")
    entry_url = clerk.url
    take_step(clerk, "送保密审查")

    reviewer = staff_page(browser, live_server, log_in, "wangfang")
    reviewer.goto(entry_url)
    take_step(reviewer, "登记保密审查意见", {"结果": "1", "公开方式": "proactive",
                                          "意见": "不涉及国家秘密和个人隐私"})  # fmt: skip
    take_step(reviewer, "审批同意")  # 科室负责人

    head = staff_page(browser, live_server, log_in, "liuyang")
    head.goto(entry_url)
    take_step(head, "审批同意")  # 主要领导
    expect(head.get_by_text("已发布").first).to_be_visible()
    index_no = head.locator("dd.code").inner_text()
    assert re.fullmatch(rf"{finance.code}/\d{{4}}-\d{{5}}", index_no)

    public = browser.new_context(base_url=live_server.url).new_page()
    public.goto("/catalog/")
    expect(public.get_by_role("link", name=re.compile("三公"))).to_be_visible()
    public.get_by_placeholder("名称、文号或正文中的词语").fill("三公")
    public.get_by_role("button", name="搜索", exact=True).click()
    expect(public.locator(".search-results mark").first).to_have_text("三公")
    public.get_by_role("link", name=re.compile("三公")).first.click()
    expect(public.get_by_text(index_no)).to_be_visible()

    public.goto(f"/agencies/{finance.code}/guide/")
    expect(public.get_by_role("heading", level=1)).to_have_text("青山县财政局政府信息公开指南")
    expect(public.get_by_text(finance.phone).first).to_be_visible()
    expect(public.get_by_text(finance.office_address).first).to_be_visible()
