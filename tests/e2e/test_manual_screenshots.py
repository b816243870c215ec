"""The manual's pictures, taken here, and what people see on a 390 px phone.

Every screenshot of docs/manual/ is taken by this test on the demo and written there, so the
pictures never show an older version than the code (SHOTS: which page, as whom, how wide).
Each page is also read as the browser shows it: in Chinese with no English left
(page_language.py), and, at 390 px, no wider than the screen. At 390 px the navigation is
collapsed behind its 菜单 button and every cell of a stacked table row shows its column's
label, without inline script (the Content-Security-Policy is on in these tests).
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect
from tests.e2e.conftest import log_in_as
from tests.full_demo import load_demo_without_reports
from tests.web.page_language import english_fragments

from gongkai.web.agencies.models import Agency, User
from gongkai.web.applications.models import Application
from gongkai.web.catalog.models.entries import Entry

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "manual" / "images"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class Shot:
    name: str  # docs/manual/images/<name>.png
    who: str | None  # a demo username, None for the public
    path: str  # may name {agency} (the finance bureau's code) and {case} / {query_code}
    size: dict


SHOTS = [
    Shot("citizen-home-390", None, "/", PHONE),
    Shot("citizen-catalog-390", None, "/catalog/?q=预算", PHONE),
    Shot("citizen-apply-390", None, "/agencies/{agency}/apply/", PHONE),
    Shot("citizen-track-390", None, "/track/{query_code}/", PHONE),
    Shot("clerk-workbench", "zhangwei", "/work/", DESKTOP),
    Shot("clerk-inbox", "zhangwei", "/work/applications/", DESKTOP),
    Shot("clerk-case", "zhangwei", "/work/applications/{case}/", DESKTOP),
    Shot("clerk-inbox-390", "zhangwei", "/work/applications/", PHONE),
    Shot("staff-menu-390", "zhangwei", "/work/", PHONE),
    Shot("reviewer-inbox", "wangfang", "/work/applications/", DESKTOP),
    Shot("head-annual-reports", "liuyang", "/work/annual-reports/", DESKTOP),
    Shot("supervisor-workbench", "lina", "/work/", DESKTOP),
    Shot("supervisor-figures", "lina", "/work/supervision/", DESKTOP),
    Shot("supervisor-appeals", "lina", "/work/appeals/", DESKTOP),
    Shot("admin-index", "chenjing", "/admin/", DESKTOP),
    Shot("admin-users", "chenjing", "/admin/agencies/user/", DESKTOP),
    Shot("admin-sign-off-chains", "chenjing", "/work/applications/sign-off/", DESKTOP),
]

CELL_LABELS = """() => Array.from(document.querySelectorAll("table.data-table.labelled tbody td"))
  .filter(cell => cell.offsetParent !== null)
  .map(cell => [cell.dataset.label || "", getComputedStyle(cell, "::before").content])"""


@pytest.fixture
def demo(transactional_db):
    load_demo_without_reports()
    agency = Agency.objects.get(short_name="县财政局")
    case = Application.objects.filter(agency=agency).order_by("pk").first()
    entry = Entry.objects.filter(state="published", agency=agency).order_by("pk").first()
    return {"agency": agency.code, "case": case.pk, "query_code": case.query_code,
            "entry": entry.pk}  # fmt: skip


def referenced_images() -> set[str]:
    manual = IMAGES.parent
    found = set()
    for chapter in manual.glob("*.md"):
        found |= set(re.findall(r"\(images/([a-z0-9-]+)\.png\)", chapter.read_text("utf-8")))
    return found


def test_every_picture_of_the_manual_is_taken_here():
    assert referenced_images() == {shot.name for shot in SHOTS}


def test_the_manuals_screenshots_are_taken_on_the_demo(browser, live_server, demo):
    usernames = frozenset(User.objects.values_list("username", flat=True))
    IMAGES.mkdir(exist_ok=True)
    contexts, english = {}, {}
    for shot in SHOTS:
        key = (shot.who, shot.size["width"])
        if key not in contexts:
            contexts[key] = browser.new_context(base_url=live_server.url, viewport=shot.size)
            if shot.who:
                log_in_as(contexts[key].new_page(), shot.who)
        page = contexts[key].pages[0] if contexts[key].pages else contexts[key].new_page()
        response = page.goto(shot.path.format(**demo))
        assert response.ok, f"{shot.name}: {response.status}"
        if fragments := english_fragments(page.content(), usernames):
            english[shot.name] = fragments
        if shot.size is PHONE:
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        if shot.name == "staff-menu-390":
            page.get_by_role("button", name="菜单").click()
        page.screenshot(path=IMAGES / f"{shot.name}.png")
    for context in contexts.values():
        context.close()
    assert english == {}


def test_at_390_px_the_menu_collapses_and_stacked_rows_keep_their_labels(browser, live_server,
                                                                          demo):  # fmt: skip
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    log_in_as(page, "zhangwei")
    page.goto("/work/applications/")
    menu, toggle = page.locator("#site-menu"), page.get_by_role("button", name="菜单")
    expect(toggle).to_be_visible()
    expect(menu).to_be_hidden()
    toggle.click()
    expect(menu).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="使用手册")).to_be_visible()
    toggle.click()
    expect(menu).to_be_hidden()

    cells = page.evaluate(CELL_LABELS)
    assert len(cells) >= 10
    assert all(label and content == f'"{label}："' for label, content in cells), cells[:5]
    header = page.locator("table.data-table thead").first
    expect(header).to_be_hidden()  # the labels stand in for the header row

    # A table of row headings (an entry's metadata) stacks as it is, heading above value.
    page.goto(f"/catalog/entries/{demo['entry']}/")
    value = page.locator("table.metadata td").first
    assert value.evaluate("cell => getComputedStyle(cell).display") == "block"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_on_a_desktop_the_menu_is_open_and_tables_keep_their_header(page, demo):
    page.set_viewport_size(DESKTOP)
    log_in_as(page, "zhangwei")
    page.goto("/work/applications/")
    expect(page.get_by_role("button", name="菜单")).to_be_hidden()
    expect(page.locator("#site-menu")).to_be_visible()
    expect(page.locator("table.data-table thead").first).to_be_visible()
