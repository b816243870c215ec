"""400, 403, 404 and 500 are the platform's own pages, in Chinese, with a way on.

Django's bare English error pages are replaced by core/templates/{400,403,403_csrf,404,500}.html
in the site's frame. Each is checked as answered by the real handlers: an unknown address, a
page the clerk's role may not open, a form sent without its CSRF token, and a view that fails.
"""

from django.test import Client
from tests.web.page_language import english_fragments

BRAND = "政府信息公开"


def assert_branded_chinese(response, status: int, heading: str):
    page = response.content.decode()
    assert response.status_code == status
    assert f"错误代码 {status}" in page and f'<h1 id="error-heading">{heading}</h1>' in page
    assert BRAND in page and "gongkai/gongkai.css" in page  # the site's frame and style
    assert 'href="/"' in page and 'href="/catalog/"' in page  # a way on
    assert english_fragments(page) == []


def test_an_unknown_address_answers_the_chinese_404_page(client, db):
    assert_branded_chinese(client.get("/no-such-page/"), 404, "页面不存在")


def test_a_page_the_role_may_not_open_answers_the_chinese_403_page(client, dave):
    client.force_login(dave)  # the finance bureau's administrator: accounts, not entries
    assert_branded_chinese(client.get("/work/catalog/new/"), 403, "您无权打开此页面")


def test_a_form_without_its_token_answers_the_chinese_403_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/track/", {"query_code": "X"})
    assert_branded_chinese(response, 403, "表单未能提交")


def test_a_failing_view_answers_the_chinese_500_page(db, settings):
    settings.ROOT_URLCONF = "tests.web.failing_urls"
    client = Client(raise_request_exception=False)
    assert_branded_chinese(client.get("/fails/"), 500, "系统出现错误")


def test_the_error_pages_follow_the_chosen_language(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/no-such-page/").content.decode()
    assert "Page not found" in page and "页面不存在" not in page
