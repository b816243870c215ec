"""The 政民互动 mailbox in the browser: a citizen asks with consent to publication, the clerk
answers, and the answer appears in the agency's public list without the asker's phone; a
second question, asked days before, is turned into a disclosure application whose receipt
date is the question's, and each history shows the conversion and links to the other."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency
from gongkai.web.mailbox import workflow

PHONE = "13907950101"


@pytest.fixture
def finance(transactional_db):
    load_demo()
    return Agency.objects.get(name="青山县财政局")


def ask(page, agency) -> str:
    page.goto(f"/agencies/{agency.code}/mailbox/ask/")
    page.get_by_label("留言类别").select_option("policy")
    page.get_by_label("留言标题").fill("耕地地力保护补贴什么时候发放")
    page.get_by_label("留言内容").fill(f"请问今年的补贴何时发放到一卡通？我的电话{PHONE}。")
    page.get_by_label("留言人姓名").fill("陈秀英")
    page.get_by_label("电话").fill(PHONE)
    page.get_by_label("同意（不公开姓名和联系方式）").check()
    a, b = map(int, re.findall(r"\d+", page.locator("#captcha-question").inner_text()))
    page.get_by_label("答案").fill(str(a + b))
    page.get_by_role("button", name="提交留言").click()
    page.wait_for_url("**/mailbox/receipt/**")
    return page.locator("strong.code").inner_text()


def answer_as_the_clerk(page, log_in) -> None:
    log_in(page, "zhangwei")
    page.goto("/work/mailbox/")
    page.get_by_role("row", name=re.compile("耕地地力保护补贴")).get_by_role("link").click()
    expect(page.locator("dl.facts")).to_contain_text(PHONE)  # the staff see who asked
    page.locator("textarea[name=answer]").fill("您好！补贴已于本月下旬发放，请留意银行短信。")
    expect(page.get_by_label("公开留言和答复（留言人已同意）")).to_be_checked()
    page.get_by_role("button", name="发送答复").click()
    expect(page.locator(".messages")).to_contain_text("操作成功")
    expect(page.locator("ol.timeline")).to_contain_text("已答复")
    expect(page.locator("ol.timeline")).to_contain_text("张伟")


def test_a_question_is_answered_and_published_without_the_askers_phone(page, finance, log_in):
    code = ask(page, finance)
    page.goto(f"/mailbox/track/{code}/")
    expect(page.locator("dl.facts")).to_contain_text("待答复")
    answer_as_the_clerk(page, log_in)
    page.context.clear_cookies()  # the public again
    page.goto(f"/agencies/{finance.code}/mailbox/")
    page.get_by_role("link", name="耕地地力保护补贴什么时候发放").click()
    expect(page.locator("main")).to_contain_text("补贴已于本月下旬发放")
    expect(page.locator("main")).to_contain_text("139****0101")  # masked in the text
    squeezed = re.sub(r"[\s-]", "", page.locator("body").inner_text())
    assert PHONE not in squeezed and "陈秀英" not in squeezed
    page.goto(f"/mailbox/track/{code}/")  # the asker reads the answer with the last digits
    page.get_by_label("电话后四位").fill("0101")
    page.get_by_role("button", name="查看答复").click()
    expect(page.locator("main")).to_contain_text("补贴已于本月下旬发放")


def test_a_question_becomes_an_application_received_on_the_questions_date(page, finance,
                                                                          log_in):  # fmt: skip
    asked_on = timezone.localdate() - timedelta(days=6)
    fields = {"subject": "disclosure", "title": "申请公开2026年县本级预算调整方案",
              "text": "请提供预算调整方案全文。", "name": "杨文博", "phone": "13507952468",
              "email": "yangwb@example.cn", "consent_to_publish": False}  # fmt: skip
    question = workflow.ask(finance, fields, received_on=asked_on)
    log_in(page, "zhangwei")
    page.goto(f"/work/mailbox/{question.pk}/")
    conversion = page.locator("details.action", has=page.get_by_text("转为依申请公开办理"))
    conversion.locator("summary").click()
    conversion.locator("select[name=form_requested]").select_option("email")
    conversion.locator("select[name=delivery]").select_option("email")
    conversion.get_by_role("button", name="转为依申请公开办理").click()
    expect(page.locator(".messages")).to_contain_text("操作成功")
    history = page.locator("ol.timeline")
    expect(history).to_contain_text("转为依申请公开")
    history.get_by_role("link", name=re.compile(r"^\d{4}-\d{4}$")).click()  # the application

    page.wait_for_url("**/work/applications/*/")
    expected = f"{asked_on.year}年{asked_on.month}月{asked_on.day}日"
    expect(page.locator("main")).to_contain_text(expected)  # the receipt date
    case_history = page.locator("ol.timeline")
    expect(case_history).to_contain_text("由政民互动留言转来")
    expect(case_history).to_contain_text(asked_on.isoformat())
    case_history.get_by_role("link", name=re.compile("政民互动留言")).click()
    page.wait_for_url(f"**/work/mailbox/{question.pk}/")
    expect(page.locator("dl.facts")).to_contain_text("状态转为依申请公开")
    page.context.clear_cookies()  # the asker follows the application from the question
    page.goto(f"/mailbox/track/{question.query_code}/")
    page.get_by_role("link", name=re.compile("凭查询码")).click()
    page.wait_for_url("**/track/*/")
    expect(page.locator("main")).to_contain_text(expected)
