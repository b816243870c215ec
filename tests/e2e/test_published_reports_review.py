"""In Chromium: a supervising office opens a doubtful report, sees the cell marked in the
official table next to its source line (review.js), types the printed figure and presses
Enter — one keystroke — and the figure is corrected; no Content-Security-Policy violation."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect
from tests.e2e.test_content_security_policy import Watcher
from tests.web.conftest import PASSWORD, make_agency, make_person
from tests.web.intelligence_world import published_report

from gongkai.web.agencies.roles import AgencyLevel, Role
from gongkai.web.intelligence.models import Correction, Figure


@pytest.fixture
def doubtful(transactional_db, settings, tmp_path):
    """青山县财政局's report with an ambiguous cell; 李娜 (carol) supervises the county."""
    settings.MEDIA_ROOT = tmp_path
    county = make_agency("青山县人民政府", "01523601", AgencyLevel.COUNTY_GOVERNMENT)
    finance = make_agency("青山县财政局", "01523629", AgencyLevel.COUNTY_DEPARTMENT, county)
    make_person("carol", "李娜", county, Role.SUPERVISOR)
    return published_report(finance)


def test_a_doubtful_cell_is_corrected_with_one_keystroke(browser, live_server, doubtful):
    page = browser.new_context(base_url=live_server.url).new_page()
    watcher = Watcher(page)
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("carol")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    watcher.visit(f"/work/published-reports/{doubtful.pk}/")
    expect(page.locator('td.marked[data-key="s3.new.total"]')).to_be_visible()
    expect(page.locator("li.marked")).to_have_text("一、本年新收 | 3")
    field = page.locator('input[data-key="s3.new.total"]')
    expect(field).to_be_focused()
    field.fill("4")
    field.press("Enter")
    expect(page.get_by_text("s3.new.total 已更正：3 → 4。")).to_be_visible()
    watcher.collect()
    assert watcher.seen == []
    assert Figure.objects.get(report=doubtful, key="s3.new.total").value == Decimal(4)
    assert Correction.objects.get().by.username == "carol"
