"""A citizen applies online; staff answer 部分公开 with a letter; the citizen sees it closed."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency


@pytest.fixture
def county(transactional_db):
    load_demo()
    return Agency.objects.get(name="青山县财政局")


def apply_as_citizen(page, agency) -> str:
    page.goto(f"/agencies/{agency.code}/apply/")
    page.get_by_label("自然人").check()
    page.get_by_label("申请人姓名或名称").fill("王建国")
    page.get_by_label("身份证件类型").select_option("resident_id")
    page.get_by_label("身份证件号码").fill("11010519491231002X")
    page.get_by_label("电话").fill("13907951234")
    page.get_by_label("电子邮箱").fill("wang@example.cn")
    page.get_by_label("所需政府信息的名称、文号或者特征性描述").fill(
        "2025年度县财政局部门预算执行情况"
    )
    page.get_by_label("电子邮件").first.check()  # form requested
    page.locator("input[name=delivery][value=email]").check()
    a, b = map(int, re.findall(r"\d+", page.locator("#captcha-question").inner_text()))
    page.get_by_label("答案").fill(str(a + b))
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/receipt/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("收到申请")
    return page.locator("strong.code").inner_text()


def test_a_citizen_applies_staff_answer_partly_and_the_citizen_sees_it_closed(
    browser, live_server, county, log_in, take_step
):
    citizen = browser.new_context(base_url=live_server.url).new_page()
    query_code = apply_as_citizen(citizen, county)

    staff = browser.new_context(base_url=live_server.url).new_page()
    log_in(staff, "liuyang")  # 县财政局 负责人
    staff.goto("/work/applications/")
    staff.get_by_role("row", name=re.compile("王建国")).get_by_role("link").click()
    expect(staff.get_by_role("heading", level=1)).to_contain_text("王建国")
    take_step(staff, "作出答复", {
        "答复结果": "partial",
        "理由": "部分内容涉及个人隐私",
        "提供的政府信息": "2025年度部门预算执行表",
        "不予公开的内容": "经办人员个人信息",
        "提供方式": "电子邮件",
    })  # fmt: skip
    expect(staff.get_by_text("已答复").first).to_be_visible()
    decision = staff.get_by_role("row", name=re.compile("政府信息公开申请答复书"))
    with staff.expect_download() as download:
        decision.get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    clerk = browser.new_context(base_url=live_server.url).new_page()
    log_in(clerk, "zhangwei")  # 公开专员 closes the case once the answer is delivered
    clerk.goto(staff.url)
    take_step(clerk, "办结", {})

    citizen.goto(f"/track/?code={query_code}")
    expect(citizen.get_by_role("heading", level=1)).to_have_text("申请办理进度")
    expect(citizen.get_by_text("已办结")).to_be_visible()
    expect(citizen.get_by_text("王建国")).to_have_count(0)  # no personal data
