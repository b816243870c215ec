"""A citizen applies online, is answered, reads the result on the tracking page, downloads
the 答复书 with the second factor, and has the e-mails of the receipt and of the answer."""

import io
import re
from urllib.parse import urlsplit

import pdfplumber
import pytest
from playwright.sync_api import expect

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency
from gongkai.web.applications import signoff
from gongkai.web.jobs.worker import run_queued_tasks

ADDRESS = "wang.jianguo@example.cn"


@pytest.fixture
def finance(transactional_db):
    load_demo()
    agency = Agency.objects.get(name="青山县财政局")
    signoff.set_chain(agency, [])  # this agency answers in one step (its chain: its own test)
    return agency


def fill_in_the_form(page) -> None:
    person = page.locator("fieldset.person-only")
    organisation = page.locator("fieldset.organisation-only")
    expect(person).to_be_hidden()  # nothing chosen yet: neither kind's fields
    expect(organisation).to_be_hidden()
    for group in ("applicant_type", "form_requested", "delivery"):
        expect(page.locator(f"input[name={group}]:checked")).to_have_count(0)
    page.get_by_label("商业企业").check()
    expect(organisation).to_be_visible()
    expect(person).to_be_hidden()
    page.get_by_label("自然人").check()
    expect(person).to_be_visible()
    expect(organisation).to_be_hidden()
    page.get_by_label("申请人姓名或名称").fill("王建国")
    page.get_by_label("身份证件类型").select_option("resident_id")
    page.get_by_label("身份证件号码").fill("11010519491231002X")
    page.get_by_label("电话").fill("7951234")  # no area code: refused
    page.get_by_label("电子邮箱").fill(ADDRESS)
    page.get_by_label("邮政编码").fill("33600")  # five digits: refused
    page.get_by_label("所需政府信息的名称、文号或者特征性描述").fill(
        "2025年度县财政局部门预算执行情况"
    )
    page.locator("input[name=form_requested][value=email]").check()
    page.locator("input[name=delivery][value=online]").check()


def answer_the_question(page) -> None:
    a, b = map(int, re.findall(r"\d+", page.locator("#captcha-question").inner_text()))
    page.get_by_label("答案").fill(str(a + b))


def apply(page, agency) -> str:
    page.goto(f"/agencies/{agency.code}/apply/")
    fill_in_the_form(page)
    answer_the_question(page)
    page.get_by_role("button", name="提交申请").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("有2个问题需要更正")
    summary.get_by_role("link", name=re.compile("^电话")).click()
    expect(page.get_by_label("电话")).to_be_in_viewport()
    page.get_by_label("电话").fill("0795-7951234")
    page.get_by_label("邮政编码").fill("336000")
    expect(page.locator("#captcha-question")).to_contain_text("已正确回答")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/receipt/**")
    return page.locator("strong.code").inner_text()


def answer_as_the_head(page, log_in, take_step) -> None:
    log_in(page, "liuyang")
    page.goto("/work/applications/")
    page.get_by_role("row", name=re.compile("王建国")).get_by_role("link").click()
    take_step(page, "作出答复", {
        "答复结果": "partial",
        "理由": "部分内容涉及个人隐私",
        "提供的政府信息": "2025年度部门预算执行表",
        "不予公开的内容": "经办人员个人信息",
        "提供方式": "网上获取",
    })  # fmt: skip


def test_a_citizen_applies_is_answered_and_downloads_the_answer(
    browser, live_server, finance, log_in, take_step, mailoutbox
):
    citizen = browser.new_context(base_url=live_server.url).new_page()
    code = apply(citizen, finance)
    staff = browser.new_context(base_url=live_server.url).new_page()
    answer_as_the_head(staff, log_in, take_step)
    run_queued_tasks()  # the worker's turn: it sends the e-mails

    mails = [m for m in mailoutbox if m.to == [ADDRESS]]
    assert [("已收到" in m.subject, "已作出答复" in m.subject) for m in mails] == [
        (True, False), (False, True)]  # fmt: skip
    assert code in mails[0].body and "办理结果：部分公开" in mails[1].body
    link = re.search(r"https?://\S+/track/\S+/", mails[1].body)[0]

    citizen.goto("/track/")
    citizen.get_by_label("查询码").fill(code.replace("-", " ").lower())
    citizen.get_by_role("button", name="查询").click()
    assert urlsplit(citizen.url).path == urlsplit(link).path  # where the e-mail leads
    result = citizen.locator("section.application-result")
    expect(result).to_contain_text("部分公开")
    expect(result).to_contain_text("答复书列明了提供的信息")
    expect(citizen.get_by_text("王建国")).to_have_count(0)
    expect(citizen.get_by_role("cell", name="政府信息公开申请答复书")).to_be_visible()

    citizen.get_by_label("最后四位").fill("0000")
    citizen.get_by_role("button", name="查看文书").click()
    expect(citizen.get_by_role("alert")).to_contain_text("输入的不是")
    citizen.get_by_label("最后四位").fill("002X")
    citizen.get_by_role("button", name="查看文书").click()
    row = citizen.get_by_role("row", name=re.compile("政府信息公开申请答复书"))
    with citizen.expect_download() as download:
        row.get_by_role("link", name="PDF").click()
    with open(download.value.path(), "rb") as file, pdfplumber.open(io.BytesIO(file.read())) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "答复书" in text and "2025年度部门预算执行表" in text
    assert "王建国" in text  # the letter is the applicant's own: addressed to them


def test_without_javascript_the_form_shows_the_fields_of_the_type_chosen(browser, live_server,
                                                                        finance):  # fmt: skip
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/agencies/{finance.code}/apply/")
    person = page.locator("fieldset.person-only")
    organisation = page.locator("fieldset.organisation-only")
    expect(person).to_be_hidden()
    expect(organisation).to_be_hidden()
    page.get_by_label("商业企业").check()
    expect(organisation).to_be_visible()
    expect(person).to_be_hidden()
    page.get_by_label("自然人").check()
    expect(person).to_be_visible()
    expect(organisation).to_be_hidden()
    context.close()
