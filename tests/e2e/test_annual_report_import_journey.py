"""A clerk types in the report 县财政局 published for 2023: as a figure breaks a consistency
rule, the finding appears beside the table and the cell is marked, without leaving the page;
storing it then needs the explicit confirmation that the published report has the error."""

import pytest
from playwright.sync_api import expect

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.models import AnnualReport

# 一 + 二 = 三（七）总计 + 四 fails: 2 + 0 ≠ 1 + 0.
BALANCE_OF_NATURAL_PERSONS = {
    "一、本年新收政府信息公开申请数量": "2",
    "二、上年结转政府信息公开申请数量": "0",
    "三、本年度办理结果 （七）总计": "1",
    "四、结转下年度继续办理": "0",
}


@pytest.fixture
def finance(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_demo()
    return Agency.objects.get(short_name="县财政局")


def test_the_rules_are_checked_as_the_clerk_types(page, log_in, finance):
    log_in(page, "zhangwei")
    page.goto(f"/work/annual-reports/{finance.code}/type/2023/")
    findings = page.locator("#live-findings")
    expect(findings).to_contain_text("录入时")

    for row, figure in BALANCE_OF_NATURAL_PERSONS.items():
        page.get_by_label(f"收到和处理政府信息公开申请情况 {row} 自然人").fill(figure)
    expect(findings.locator(".finding-error")).to_contain_text("B3-1")
    expect(page.locator('td.flagged-error[data-key="s3.new.natural"]')).to_be_visible()
    confirm = page.get_by_label("已发布的报告本身就有这些错误：按发布时的原样存入。")
    expect(confirm).to_be_visible()

    page.get_by_label("发布日期").fill("2024-01-25")
    confirm.check()
    page.get_by_role("button", name="作为已发布报告存入").click()
    expect(page.locator(".messages")).to_contain_text("2023年度报告已作为已发布报告存入")
    report = AnnualReport.objects.get(agency=finance, year=2023)
    assert (report.origin, report.cells["s3.new.natural"]) == ("typed", 2)
