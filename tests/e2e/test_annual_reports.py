"""The public finds the county's annual reports in the 年报 column, from the navigation and
from the agency's 指南, and opens one with the 索引号 it had on the old website."""

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


def test_the_annual_reports_are_a_column_of_the_portal(page, county):
    page.goto("/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="年报").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("政府信息公开工作年度报告")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="青山县人民政府"))
    expect(row.get_by_role("link")).to_have_count(2)  # the agency, 2024
    row.get_by_role("link", name="2025-01-22").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "青山县人民政府2024年政府信息公开工作年度报告"
    )
    expect(page.get_by_text("015236016/2025-00004")).to_be_visible()
    expect(page.get_by_text("一、总体情况")).to_be_visible()

    page.goto(f"/agencies/{county.code}/guide/")
    page.get_by_role("link", name="年报栏目").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "青山县人民政府政府信息公开工作年度报告"
    )
    own = page.locator("section", has=page.get_by_role("heading", name="本机关的年度报告"))
    expect(own.get_by_role("listitem")).to_have_count(1)
    expect(own.get_by_role("listitem").first).to_contain_text("2024年度报告，2025-01-22发布")
