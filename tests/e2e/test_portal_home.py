"""The demo county's home in a browser: the latest publications, the 第二十条 items and the 年报
open their pages; 在线申请 in the main navigation leads, through the choice of an agency, to
its application form."""

import pytest
from playwright.sync_api import expect

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.demo import load_demo_catalog


@pytest.fixture
def county(transactional_db):
    load_demo()
    load_demo_catalog()
    return Agency.objects.get(parent=None)


def test_the_home_leads_to_the_news_the_reports_and_the_application_form(page, county):
    page.goto("/")
    latest = page.locator("section", has=page.get_by_role("heading", name="最新信息"))
    first = latest.get_by_role("listitem").first.get_by_role("link")
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    page.go_back()
    reports = page.locator(
        "section", has=page.get_by_role("heading", name="年度政府信息公开工作年度报告")
    )
    reports.get_by_role("link", name="青山县人民政府2024年政府信息公开工作年度报告").click()
    expect(page.get_by_text("一、总体情况")).to_be_visible()

    page.go_back()
    page.get_by_role("link", name="(七)财政预算、决算信息").click()
    expect(page.locator("select[name=item]")).to_have_value("7")

    page.get_by_role("navigation", name="主导航").get_by_role("link", name="在线申请").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("在线申请")
    page.get_by_label("机关", exact=True).select_option(label="\u3000青山县财政局")
    page.get_by_role("button", name="前往").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("申请获取政府信息")
    finance = Agency.objects.get(name="青山县财政局")
    assert page.url.endswith(f"/agencies/{finance.code}/apply/")
