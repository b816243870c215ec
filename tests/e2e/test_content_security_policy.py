"""With the Content-Security-Policy on, Chromium reports no violation on the main public and
staff pages, and the pages' scripts (from static files) still do their work."""

import pytest
from playwright.sync_api import expect
from tests.full_demo import load_full_demo

from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.models import ReportVersion
from gongkai.web.applications.models import Application
from gongkai.web.catalog.models.entries import Entry

# Collects what the browser refuses, from the page's own point of view.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline")
                           + " " + (event.sample || ""));
});
"""


@pytest.fixture
def demo(transactional_db):
    load_full_demo()
    return Agency.objects.get(short_name="县财政局")


class Watcher:
    """Every CSP violation seen on any page, as events and as console errors."""

    def __init__(self, page):
        self.page, self.seen = page, []
        page.add_init_script(LISTEN)
        page.on("console", self.console)

    def console(self, message):
        if "Content Security Policy" in message.text:
            self.seen.append(f"{self.page.url}: {message.text[:300]}")

    def visit(self, path: str) -> None:
        response = self.page.goto(path)
        assert response.ok, f"{path} answered {response.status}"
        assert response.headers["content-security-policy"], path
        self.page.wait_for_load_state("load")
        self.collect()

    def collect(self) -> None:
        events = self.page.evaluate("window.__violations || []")
        self.seen += [f"{self.page.url}: {event}" for event in events]
        self.page.evaluate("window.__violations = []")


def public_paths(agency) -> list[str]:
    entry = Entry.objects.filter(state="published").order_by("pk").first()
    version = ReportVersion.objects.filter(report__agency=agency).first()
    case = Application.objects.filter(agency=agency).first()
    code = agency.code
    return ["/", f"/agencies/{code}/", "/catalog/", "/catalog/?q=预算",
            f"/catalog/?agency={agency.pk}", f"/catalog/entries/{entry.pk}/",
            f"/agencies/{code}/guide/", f"/agencies/{code}/article-20/", "/annual-reports/",
            f"/agencies/{code}/annual-reports/",
            f"/annual-reports/{code}/{version.report.year}/", "/track/",
            f"/track/{case.query_code}/", "/accounts/login/", "/kiosk/qingshan-czj/search/",
            "/api/docs"]  # fmt: skip


def staff_paths(agency) -> list[str]:
    case = Application.objects.filter(agency=agency).first()
    report = ReportVersion.objects.filter(report__agency=agency).first().report
    return ["/work/", "/work/applications/", f"/work/applications/{case.pk}/",
            "/work/catalog/", "/work/catalog/new/", "/work/appeals/", "/work/annual-reports/",
            f"/work/annual-reports/{agency.code}/{report.year}/",
            f"/work/annual-reports/{agency.code}/type/2023/", "/admin/"]  # fmt: skip


def admin_paths(agency) -> list[str]:
    return ["/admin/", "/admin/agencies/agency/", f"/admin/agencies/agency/{agency.pk}/change/",
            "/admin/agencies/user/", "/admin/agencies/user/add/"]  # fmt: skip


# Two tests, each loading the demo once (it takes most of their time).


def test_the_public_pages_break_no_rule_and_their_scripts_work(browser, live_server, demo):
    page = browser.new_context(base_url=live_server.url).new_page()
    watcher = Watcher(page)
    for path in public_paths(demo):
        watcher.visit(path)
    expect(page.locator("#swagger-ui .info")).to_be_visible()  # Swagger UI ran its scripts
    the_application_form_shows_only_the_fields_that_apply(page, watcher, demo)
    assert watcher.seen == []


def the_application_form_shows_only_the_fields_that_apply(page, watcher, agency) -> None:
    watcher.visit(f"/agencies/{agency.code}/apply/")
    organisation = page.locator(".organisation-only").first
    person = page.locator(".person-only").first
    page.get_by_label("自然人").check()
    expect(organisation).to_be_hidden()
    page.locator("input[name=applicant_type][value=commercial]").check()
    expect(organisation).to_be_visible()
    expect(person).to_be_hidden()
    watcher.collect()


def test_the_staff_pages_break_no_rule_and_their_scripts_work(browser, live_server, demo, log_in):
    seen = []
    for username, paths in [("liuyang", staff_paths(demo)), ("chenjing", admin_paths(demo))]:
        page = browser.new_context(base_url=live_server.url).new_page()
        watcher = Watcher(page)
        log_in(page, username)  # 县财政局's head, then its administrator
        for path in paths:
            watcher.visit(path)
        if username == "liuyang":
            report_tables_get_their_column_widths_from_the_script(page, watcher, demo)
        seen += watcher.seen
    assert seen == []


def report_tables_get_their_column_widths_from_the_script(page, watcher, agency) -> None:
    report = ReportVersion.objects.filter(report__agency=agency).first().report
    watcher.visit(f"/work/annual-reports/{agency.code}/{report.year}/")
    first = page.locator("table.statutory col[data-width]").first
    expected = float(first.get_attribute("data-width"))
    assert first.evaluate("col => parseFloat(col.style.width)") == pytest.approx(expected)
    assert first.evaluate("col => col.style.width").endswith("%")
