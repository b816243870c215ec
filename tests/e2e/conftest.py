"""Browser tests: Playwright (Python) driving Debian's Chromium against a live server.

Playwright's own browser download is not used (nothing may download at run time); the
system Chromium is launched headless with the flags this sandboxed machine needs.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from a
# thread with a running loop unless told that it is safe, which it is for these tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # A first request may import the document libraries; CI machines are busy.
    expect.set_options(timeout=15_000)

    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-system-packages.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def log_in_as(page, username: str) -> None:
    from gongkai.web.agencies.demo import DEMO_PASSWORD

    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()


def take_step_on(page, step: str, fields: dict[str, str] | None = None) -> None:
    """Open a step's form on a case or entry page, fill it in and send it."""
    from playwright.sync_api import expect

    action = page.locator("details.action", has=page.get_by_text(step, exact=True))
    action.locator("summary").click()
    for label, value in (fields or {}).items():
        field = action.get_by_label(label)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    action.get_by_role("button", name=step).click()
    expect(page.locator(".messages")).to_contain_text("操作成功")


@pytest.fixture
def log_in():
    return log_in_as


@pytest.fixture
def take_step():
    return take_step_on
