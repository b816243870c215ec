"""A kiosk session at a 查阅点: a visitor types a search in pinyin on the on-screen keyboard,
reads an entry and walks away; after the point's time of inactivity, a countdown shows, a
touch keeps the visitor there, and then the kiosk returns to its start. The day's visit and
search are counted. The browser's clock is Playwright's, so the 120 seconds pass at once."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gongkai.web.kiosk.models import ReadingPoint, ReadingPointDay

START = "/kiosk/qingshan-czj/"


@pytest.fixture
def demo(transactional_db):
    from gongkai.web.agencies.demo import load_demo
    from gongkai.web.catalog.demo import load_demo_catalog
    from gongkai.web.kiosk.demo import load_demo_reading_points

    load_demo()
    load_demo_catalog()
    load_demo_reading_points()
    return ReadingPoint.objects.get(code="qingshan-czj")


def type_in_pinyin(page, letters: str, choice: str) -> None:
    keys = page.get_by_role("group", name="屏幕键盘")
    for letter in letters:
        keys.get_by_role("button", name=letter, exact=True).click()
    expect(page.locator("#kiosk-pinyin")).to_have_text(letters)
    page.get_by_role("group", name="拼音对应的候选字词").get_by_role(
        "button", name=choice, exact=True
    ).click()


def test_a_kiosk_session_resets_after_inactivity(page, demo):
    page.clock.install()
    page.goto(START)
    expect(page.get_by_role("heading", level=1)).to_have_text("青山县财政局政府信息查阅点")
    page.get_by_role("button", name="高对比度").click()  # an older visitor's choice
    expect(page.locator("html")).to_have_class(re.compile(r"\bhigh-contrast\b"))
    page.get_by_role("link", name=re.compile("^搜索")).first.click()

    type_in_pinyin(page, "yusuan", "预算")
    expect(page.get_by_label("检索词或索引号")).to_have_value("预算")
    page.get_by_role("button", name="搜索", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("搜索：预算")
    page.locator(".kiosk-list a").first.click()
    entry_url = page.url
    assert "/entries/" in entry_url

    countdown = page.get_by_role("alertdialog")
    expect(countdown).to_be_hidden()
    page.clock.run_for("01:41")  # 101 s without a touch: the last 20 s are counted down
    expect(countdown).to_be_visible()
    expect(countdown).to_contain_text(re.compile(r"\b(19|20) 秒后返回首页"))
    page.get_by_role("button", name="继续使用").click()  # the visitor is still there
    expect(countdown).to_be_hidden()
    page.clock.run_for("01:30")
    assert page.url == entry_url

    page.clock.run_for("00:35")  # 125 s since the touch
    expect(page).to_have_url(re.compile(re.escape(START) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("青山县财政局政府信息查阅点")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bhigh-contrast\b"))

    today = ReadingPointDay.objects.get(point=demo, day=timezone.localdate())
    assert (today.visits, today.searches) == (1, 1)
    page.get_by_role("link", name=re.compile("^公开目录")).first.click()  # the next visitor
    today.refresh_from_db()
    assert today.visits == 2


def test_the_kiosk_keyboard_types_letters_and_digits_for_an_index_number(page, demo):
    page.goto(START + "search/")
    keys = page.get_by_role("group", name="屏幕键盘")
    keys.get_by_role("button", name="数字符号").click()
    for key in "2024-":
        keys.get_by_role("button", name=key, exact=True).click()
    keys.get_by_role("button", name="字母").click()
    keys.get_by_role("button", name="X", exact=True).click()
    keys.get_by_role("button", name="删除").click()
    expect(page.get_by_label("检索词或索引号")).to_have_value("2024-")


def test_links_that_would_leave_the_kiosk_are_plain_text(page, demo):
    page.goto(START + "guide/")
    expect(page.get_by_text("政府信息公开目录").first).to_be_visible()
    hrefs = page.locator("main a[href]").evaluate_all("links => links.map(a => a.pathname)")
    assert all(href.startswith(START) for href in hrefs), hrefs
