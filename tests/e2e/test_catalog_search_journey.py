"""A reader searches the way people type: two words from the home page, a 索引号 copied in
full, words together with a filter of the 目录, and from an agency's own page — and finds the
right entries. Run on SQLite by `make test`; on PostgreSQL with
`scripts/with-postgres.sh .venv/bin/pytest tests/e2e/test_catalog_search_journey.py`."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect
from tests.web.test_catalog_search import publish

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.demo import load_legacy_catalogue
from gongkai.web.catalog.models.entries import Entry

SEARCH_BOX = "名称、文号或正文中的词语"


@pytest.fixture
def shelf(transactional_db):
    """The demo county's old 目录 (with its 索引号) and entries where 渔船 and 补贴 meet in
    one field, in two, or not at all, under different 第二十条 items and agencies."""
    load_demo()
    load_legacy_catalogue()
    finance = Agency.objects.get(name="青山县财政局")
    town = Agency.objects.get(name="青山县青山镇人民政府")
    publish(finance, "渔船燃油补贴发放办法", article20_item=7, published_on=date(2026, 3, 1))
    publish(town, "关于调整渔船作业规范的通知", article20_item=11,
            summary="燃油补贴按县里的规定执行。", published_on=date(2026, 4, 1))  # fmt: skip
    publish(town, "渔船登记名单公示", article20_item=11, published_on=date(2026, 5, 1))
    publish(finance, "燃油补贴办法", article20_item=11, published_on=date(2026, 6, 1))
    return finance, town


def results(page) -> list[str]:
    return page.locator(".search-results h2").all_inner_texts()


def search(page, where=None):
    """Press 搜索 and wait for the results page: reading the list straight after the click
    can see the page being left (an empty list) on a busy machine."""
    with page.expect_navigation():
        (where or page).get_by_role("button", name="搜索", exact=True).click()


def test_two_words_from_the_home_page_find_the_entries_holding_both(page, shelf):
    page.goto("/")
    page.get_by_placeholder(SEARCH_BOX).fill("渔船 补贴")
    search(page)
    expect(page.get_by_role("status")).to_contain_text("共找到 2 条")
    assert sorted(results(page)) == ["关于调整渔船作业规范的通知", "渔船燃油补贴发放办法"]
    expect(page.locator(".search-results h2 mark").first).to_have_text("渔船")


def test_an_index_number_copied_in_full_finds_its_entry_first(page, shelf):
    entry = Entry.objects.get(index_no="015236016/2019-00011")
    page.goto("/")
    page.get_by_placeholder(SEARCH_BOX).fill(" 015236016/2019-00011 ")
    search(page)
    assert results(page)[0] == entry.title
    page.locator(".search-results h2 a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(entry.title)
    expect(page.get_by_text("015236016/2019-00011").first).to_be_visible()


def test_words_and_the_article_20_filter_apply_together(page, shelf):
    page.goto("/catalog/")
    page.get_by_placeholder(SEARCH_BOX).fill("渔船 补贴")
    page.get_by_label("条例第二十条事项").select_option("11")
    search(page)
    assert results(page) == ["关于调整渔船作业规范的通知"]
    # The filter stays chosen with the words: another word keeps it.
    expect(page.get_by_label("条例第二十条事项")).to_have_value("11")
    page.get_by_placeholder(SEARCH_BOX).fill("补贴")
    search(page)
    assert sorted(results(page)) == ["关于调整渔船作业规范的通知", "燃油补贴办法"]


def test_an_agency_page_searches_that_agency_and_those_below_it(page, shelf):
    finance, _town = shelf
    page.goto(f"/agencies/{finance.code}/")
    box = page.get_by_role("search", name=re.compile("青山县财政局"))
    box.get_by_placeholder(SEARCH_BOX).fill("补贴 渔船")
    search(page, box)
    assert results(page) == ["渔船燃油补贴发放办法"]
    expect(page.locator("select[name=agency]")).to_have_value(finance.code)
