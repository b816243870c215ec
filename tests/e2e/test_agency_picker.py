"""The 目录's agency filter in a province of many agencies: without JavaScript a plain select
opened along the chosen branch (choose the city, filter, choose the county); with it, a
search field that finds any agency by name. Both find the county's entry."""

import pytest
from playwright.sync_api import expect
from tests.web.test_catalog_search import publish

from gongkai.statute.agency_codes import make_uscc
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel


@pytest.fixture
def province(transactional_db):
    serial = iter(range(10_000_000, 20_000_000))

    def make(name: str, parent=None) -> Agency:
        code = make_uscc("1", "1", "360000", str(next(serial)))
        return Agency.objects.create(name=name, parent=parent, level=AgencyLevel.OTHER, code=code)

    root = make("江西省人民政府")
    for c in range(12):
        city = make(f"第{c}市人民政府", root)
        for n in range(14):
            make(f"第{c}市第{n}县人民政府", city)
    county = Agency.objects.get(name="第3市第5县人民政府")
    publish(county, "第3市第5县2026年预算公开")
    publish(Agency.objects.get(name="第4市第5县人民政府"), "第4市第5县2026年预算公开")
    return county


def test_without_javascript_the_select_opens_the_chosen_city_to_its_counties(
    browser, live_server, province
):
    page = browser.new_context(base_url=live_server.url, java_script_enabled=False).new_page()
    page.goto("/catalog/")
    picker = page.locator("select[name=agency]")
    expect(page.get_by_label("按名称查找机构")).to_be_hidden()
    expect(picker.locator("option", has_text="第3市第5县人民政府")).to_have_count(0)
    picker.select_option(label="\u3000第3市人民政府")
    page.get_by_role("button", name="筛选").click()
    picker.select_option(label="\u3000\u3000第3市第5县人民政府")
    page.get_by_role("button", name="筛选").click()
    expect(page.get_by_role("link", name="第3市第5县2026年预算公开")).to_be_visible()
    expect(page.get_by_role("link", name="第4市第5县2026年预算公开")).to_have_count(0)


def test_the_search_field_finds_a_county_that_the_select_does_not_list(page, province):
    page.goto("/catalog/")
    search = page.get_by_label("按名称查找机构")
    expect(search).to_be_visible()
    search.fill("第3市第5县人民政府（第3市人民政府）")
    expect(page.locator("select[name=agency]")).to_have_value(province.code)
    page.get_by_role("button", name="筛选").click()
    expect(page.get_by_role("link", name="第3市第5县2026年预算公开")).to_be_visible()
    expect(page.get_by_role("link", name="第4市第5县2026年预算公开")).to_have_count(0)
    expect(page.locator("select[name=agency] option:checked")).to_have_text(
        "\u3000\u3000第3市第5县人民政府"
    )
