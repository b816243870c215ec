"""A clerk writes the interpretation of a policy document, a reviewer publishes it; the public
reads it beside the document and goes back to the document from it; the year's count has it."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from tests.web.test_catalog_pages import entry as published_entry

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency

TITLE = "青山县财政局关于印发《青山县县级财政专项资金管理办法》的通知"
INTERPRETATION = "《青山县县级财政专项资金管理办法》政策解读"


@pytest.fixture
def document(transactional_db):
    load_demo()
    finance = Agency.objects.get(name="青山县财政局")
    today = timezone.localdate()
    body = "为规范县级财政专项资金管理，制定本办法。"
    return published_entry(finance, TITLE, doc_no="青财发〔2026〕6号", generated_on=today,
                           published_on=today, body=body)  # fmt: skip


def staff_page(browser, live_server, log_in, username: str):
    page = browser.new_context(base_url=live_server.url).new_page()
    log_in(page, username)
    return page


def test_an_interpretation_is_shown_beside_its_policy_and_counted(
    browser, live_server, document, log_in
):
    clerk = staff_page(browser, live_server, log_in, "zhangwei")
    clerk.goto(f"/work/catalog/{document.pk}/")
    clerk.get_by_role("link", name="撰写解读").click()
    expect(clerk.locator(".notice")).to_contain_text(TITLE)
    clerk.get_by_label("类别").select_option("text")
    clerk.get_by_label("名称").fill(INTERPRETATION)
    clerk.get_by_label("正文").fill("一、制定背景\n二、主要内容：专项资金实行目录清单管理。")
    clerk.get_by_role("button", name="保存草稿").click()
    expect(clerk.get_by_role("heading", level=1)).to_have_text(INTERPRETATION)
    expect(clerk.get_by_role("button", name="公开")).to_have_count(0)  # a clerk drafts only
    staff_url = clerk.url

    reviewer = staff_page(browser, live_server, log_in, "wangfang")
    reviewer.goto(staff_url)
    reviewer.get_by_role("button", name="公开").click()
    expect(reviewer.locator(".messages")).to_contain_text("操作成功")
    expect(reviewer.locator("dd strong")).to_have_text("已发布")

    public = browser.new_context(base_url=live_server.url).new_page()
    public.goto(f"/catalog/entries/{document.pk}/")
    beside = public.locator("article.entry-body section.interpretations")
    expect(beside.get_by_role("heading", name="政策解读")).to_be_visible()
    beside.get_by_role("link", name=INTERPRETATION).click()
    expect(public.get_by_role("heading", level=1)).to_have_text(INTERPRETATION)
    expect(public.locator("aside")).to_contain_text("青财发〔2026〕6号")
    public.locator("aside").get_by_role("link", name=TITLE).click()
    expect(public).to_have_url(re.compile(rf"/catalog/entries/{document.pk}/$"))

    reviewer.goto("/work/interpretations/counts/")
    counts = reviewer.locator("#year-counts")
    pieces = counts.get_by_role("row", name=re.compile("政策解读稿件发布数"))
    expect(pieces.locator("td")).to_have_text("1")
    expect(reviewer.get_by_role("heading", level=1)).to_contain_text(
        f"青山县财政局{timezone.localdate().year}年"
    )
