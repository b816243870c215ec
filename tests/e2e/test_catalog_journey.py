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


LEGACY_CSV = (
    "索引号,名称,发布日期,文号,主题分类,体裁分类,有效性,正文\n"
    "QS-CZJ-2023-015,青山县财政局关于2023年政府采购意向公开的公告,2023-03-02,,"
    "财政、金融、审计,公告,有效,现将2023年政府采购意向公开如下。\n"
    "QS-CZJ-2023-016,青山县财政局2023年“三公”经费预算,2023/2/20,,财政预决算,其他,有效,略\n"
).encode()


def test_an_administrator_imports_the_old_catalogue_after_a_preview(
    browser, live_server, finance, log_in
):
    admin = staff_page(browser, live_server, log_in, "chenjing")
    admin.goto("/work/catalog/")
    admin.get_by_role("link", name="导入原有目录").click()
    admin.get_by_label("机关").select_option(label="青山县财政局")
    admin.get_by_label("CSV 或 XLSX 文件").set_input_files(
        {"name": "旧目录.csv", "mimeType": "text/csv", "buffer": LEGACY_CSV}
    )
    admin.get_by_role("button", name="检查文件").click()
    expect(admin.get_by_role("alert")).to_contain_text("第3行：未知的主题分类：财政预决算。")

    admin.get_by_label("分类表中没有的主题分类归为").select_option(label="其他")
    admin.get_by_label("CSV 或 XLSX 文件").set_input_files(
        {"name": "旧目录.csv", "mimeType": "text/csv", "buffer": LEGACY_CSV}
    )
    admin.get_by_role("button", name="检查文件").click()
    expect(admin.get_by_role("status")).to_contain_text("全部 2 行正确")
    expect(admin.get_by_role("cell", name="QS-CZJ-2023-015")).to_be_visible()
    admin.get_by_role("button", name="导入 2 条信息").click()
    expect(admin.locator(".messages")).to_contain_text("从旧目录.csv导入了 2 条信息。")

    public = browser.new_context(base_url=live_server.url).new_page()
    public.goto(f"/catalog/?agency={finance.code}&year=2023")
    expect(public.get_by_text("QS-CZJ-2023-015")).to_be_visible()
    expect(public.get_by_text("共 2 条")).to_be_visible()
