"""In Chromium: the supervising office (李娜, carol) opens the year's audit from the published
reports' pages, sees the failing subordinate (自然资源局: an arithmetic error in its imported
report) and the one that published nothing (青山镇), opens the finding, compares the report
with the previous year's, and downloads the 审查意见 — read back as a Word document. No
Content-Security-Policy violation on the way."""

import re
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import expect
from tests.e2e.test_content_security_policy import Watcher
from tests.web.conftest import PASSWORD, make_agency, make_person
from tests.web.test_intelligence_audit import imported

from gongkai.web.agencies.roles import AgencyLevel, Role


@pytest.fixture
def county(transactional_db):
    county = make_agency("青山县人民政府", "01523601", AgencyLevel.COUNTY_GOVERNMENT)
    land = make_agency("青山县自然资源局", "01523645", AgencyLevel.COUNTY_DEPARTMENT, county)
    make_agency("青山县青山镇人民政府", "01523701", AgencyLevel.TOWNSHIP, county)
    make_person("carol", "李娜", county, Role.SUPERVISOR)
    imported(land, 2024, changes={"s3.new.total": 2, "s3.new.natural": 2, "s3.granted.total": 2,
                                  "s3.granted.natural": 2, "s3.total.total": 2,
                                  "s3.total.natural": 2})  # fmt: skip
    imported(land, 2025, published_on=date(2026, 1, 20),
             changes={"s3.new.total": 3, "s3.new.natural": 1, "s3.new.commercial": 1})  # fmt: skip
    return county


def test_a_supervisor_audits_the_year_and_downloads_the_opinion(browser, live_server, county):
    page = browser.new_context(base_url=live_server.url, accept_downloads=True).new_page()
    watcher = Watcher(page)
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("carol")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    watcher.visit("/work/published-reports/")
    page.get_by_role("link", name="年度报告审查").click()
    page.get_by_role("link", name="2025年度报告").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "青山县人民政府所辖单位2025年度报告审查"
    )
    expect(page.get_by_text("2个单位中有2个单位存在问题。")).to_be_visible()
    table = page.locator("table.data-table")
    expect(table.get_by_role("row", name="青山县青山镇人民政府")).to_contain_text("1")
    page.get_by_role("link", name="青山县自然资源局").click()
    expect(page.locator("ol.audit-findings")).to_contain_text("数字勾稽错误")
    expect(page.locator("ol.audit-findings")).to_contain_text("总计=3，但各类申请人之和=2，相差1")
    # the comparison with the previous year: 2 applications in 2024, 3 in 2025 (+1, +50.0%)
    page.get_by_role("link", name="与上年比较").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "青山县自然资源局：2025年度报告与2024年度比较"
    )
    applications = page.get_by_role("row", name=re.compile("^收到申请数 件 "))
    expect(applications).to_contain_text("+50.0%")
    assert applications.locator("td").all_inner_texts()[1:4] == ["2", "3", "+1"]
    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="DOCX").click()
    watcher.collect()
    assert watcher.seen == []
    document = Document(BytesIO(Path(download.value.path()).read_bytes()))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "关于青山县自然资源局2025年度政府信息公开工作年度报告的审查意见" in text
    assert "总计=3，但各类申请人之和=2，相差1" in text
    assert text.rstrip().endswith("日") and "青山县人民政府" in text
