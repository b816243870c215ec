"""In Chromium, in the Chinese interface: every public page and form — shown, and shown again
with its errors — has no English left, and 404, 403 and 500 are the platform's own pages.

The page is read as the browser has it after its scripts ran (page_language.py: text, the
attributes people read or hear, button labels; data such as codes is not English).
"""

import pytest
from playwright.sync_api import expect
from tests.full_demo import load_demo_without_reports
from tests.web.page_language import english_fragments

from gongkai.web.agencies.models import Agency
from gongkai.web.applications.models import Application
from gongkai.web.catalog.models.entries import Entry

HEADER_RED = "rgb(168, 22, 30)"  # gongkai.css --accent: the site's frame is styled


@pytest.fixture
def demo(transactional_db):
    load_demo_without_reports()
    agency = Agency.objects.get(short_name="县财政局")
    entry = Entry.objects.filter(state="published", agency=agency).order_by("pk").first()
    case = Application.objects.filter(agency=agency).order_by("pk").first()
    return {"code": agency.code, "entry": entry.pk, "query_code": case.query_code}


def public_pages(demo) -> list[str]:
    code = demo["code"]
    return ["/", "/catalog/", "/catalog/?q=预算 公开", "/catalog/?validity=repealed",
            f"/catalog/entries/{demo['entry']}/", f"/agencies/{code}/",
            f"/agencies/{code}/guide/", f"/agencies/{code}/article-20/", "/annual-reports/",
            f"/agencies/{code}/annual-reports/", f"/agencies/{code}/apply/", "/track/",
            f"/track/{demo['query_code']}/", "/accounts/login/", "/manual/",
            "/manual/citizen/"]  # fmt: skip


def assert_chinese(page, where: str) -> None:
    assert english_fragments(page.content()) == [], where
    assert english_fragments(f"<p>{page.title()}</p>") == [], where


def test_every_public_page_and_form_reads_in_chinese(page, demo):
    for path in public_pages(demo):
        response = page.goto(path)
        assert response.ok, f"{path}: {response.status}"
        assert_chinese(page, path)

    # The forms sent empty or wrong, shown again with their errors.
    page.goto(f"/agencies/{demo['code']}/apply/")
    page.locator("form.application-form button[type=submit]").last.click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_chinese(page, "the application form with its errors")

    page.goto("/track/")
    page.locator("main form input[type=text], main form input:not([type])").first.fill("ABCD")
    page.locator("main form button[type=submit]").first.click()
    assert_chinese(page, "tracking a code that does not exist")

    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("nobody")
    page.get_by_label("密码").fill("wrong password")
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page.locator(".errorlist, .error").first).to_be_visible()
    assert_chinese(page, "a refused login")


def assert_branded_error(page, response, status: int, heading: str) -> None:
    assert response.status == status
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator(".kicker")).to_have_text(f"错误代码 {status}")
    header = page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == HEADER_RED
    expect(page.get_by_role("link", name="返回首页")).to_be_visible()
    assert_chinese(page, f"the {status} page")


def test_404_403_and_500_are_the_platforms_chinese_pages(page, demo, settings):
    assert_branded_error(page, page.goto("/no-such-page/"), 404, "页面不存在")

    from tests.e2e.conftest import log_in_as

    log_in_as(page, "chenjing")  # the finance bureau's administrator: accounts, not entries
    assert_branded_error(page, page.goto("/work/catalog/new/"), 403, "您无权打开此页面")

    settings.ROOT_URLCONF = "tests.web.failing_urls"  # the site and one view that fails
    assert_branded_error(page, page.goto("/fails/"), 500, "系统出现错误")
