"""axe-core over every public page template, in the normal, large-text and high-contrast modes:
no serious or critical violation (WCAG 2.1 A/AA and axe's best practices, as axe runs them by
default). axe-core comes from npm (tests/e2e/package.json, installed by `make test`) and is
injected into each page by Playwright.

Every public route must be checked or set aside here as not a page (a feed, a file, a POST
target): a new public page without a row fails the test, like tests/web/test_access_matrix.py.
The pages of apps that other work adds are listed when their route exists.
The run prints what it checked: each URL in each mode, and the number of rules axe ran.
"""

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import URLResolver, get_resolver
from tests.full_demo import load_full_demo

from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.models import ReportVersion
from gongkai.web.applications.models import Application
from gongkai.web.catalog.models.entries import Entry
from gongkai.web.intelligence.demo import load_demo_published_reports
from gongkai.web.kiosk.models import ReadingPoint

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
MODES = {"normal": {}, "large text": {"gongkai_large_text": "1"},
         "high contrast": {"gongkai_high_contrast": "1"}}  # fmt: skip
BLOCKING = {"serious", "critical"}

# Public routes that are not HTML pages of ours: files, feeds, data, POST-only targets, JSON.
NOT_PAGES = {
    "manual-image", "agency-choices", "application-public-letter", "catalog-attachment",
    "catalog-feed", "sitemap-index", "sitemap", "published-reports-export",
    "published-reports-dictionary", "logout", "set_language", "display-toggle", "qr-code",
    "kiosk-reset", "interpretation-file", "published-report-chart-export",
    "published-reports-export-file", "favicon",
}  # fmt: skip
PRIVATE_PREFIXES = ("work/", "admin/", "api/")
NOT_FOUND = "/no-such-page/"  # the error pages' template


class Examples:
    """One real object of the demo for each kind of URL argument."""

    def __init__(self):
        self.agency = Agency.objects.get(short_name="县财政局")
        self.entry = Entry.objects.filter(state="published", agency=self.agency).first()
        self.case = Application.objects.filter(agency=self.agency).first()
        self.version = ReportVersion.objects.filter(report__agency=self.agency).first()
        self.point = ReadingPoint.objects.filter(agency=self.agency).first()

    def first(self, model: str, **conditions):
        """The first object of an app's model that may not be installed (None then)."""
        try:
            return apps.get_model(model).objects.filter(**conditions).order_by("pk").first()
        except LookupError:
            return None


def page_paths(x: Examples) -> dict[str, list[str]]:
    """Route name → the URLs that show its template (a search, a filter, an error state)."""
    code, report = x.agency.code, x.version.report
    return {
        "home": ["/"],
        "agency": [f"/agencies/{code}/"],
        "manual": ["/manual/"],
        "manual-chapter": ["/manual/citizen/"],
        "agency-directory": ["/agencies/"],
        "portal-guide": ["/guide/"],
        "portal-apply": ["/apply/"],
        "application-apply": [f"/agencies/{code}/apply/"],
        "application-receipt": [f"/apply/receipt/{x.case.query_code}/"],
        "application-track": ["/track/", "/track/?code=AAAA-BBBB-CCCC"],
        "application-status": [f"/track/{x.case.query_code}/"],
        "catalog": ["/catalog/", "/catalog/?q=预算", f"/catalog/?agency={code}&year=2024"],
        "catalog-entry": [f"/catalog/entries/{x.entry.pk}/"],
        "catalog-guide": [f"/agencies/{code}/guide/"],
        "catalog-article20": [f"/agencies/{code}/article-20/"],
        "catalog-annual-reports": ["/annual-reports/"],
        "catalog-agency-annual-reports": [f"/agencies/{code}/annual-reports/"],
        "annual-report-public": [f"/annual-reports/{code}/{report.year}/"],
        "annual-report-version": [f"/annual-reports/{code}/{report.year}/v{x.version.number}/"],
        "login": ["/accounts/login/"],
        "not-found": [NOT_FOUND],
        **kiosk_paths(x),
        **other_work_paths(x),
    }  # fmt: skip


def kiosk_paths(x: Examples) -> dict[str, list[str]]:
    home = f"/kiosk/{x.point.code}/"
    return {
        "kiosk": [home],
        "kiosk-keyboard": [home + "search/"],
        "kiosk-catalog": [home + "catalog/", home + "catalog/?q=预算"],
        "kiosk-entry": [f"{home}entries/{x.entry.pk}/"],
        "kiosk-guide": [home + "guide/"],
    }


def other_work_paths(x: Examples) -> dict[str, list[str]]:
    """Pages of the mailbox, the interpretations and the comparisons of published reports,
    where those apps are installed (the routes they lack are never listed)."""
    code, paths = x.agency.code, {}
    if question := x.first("mailbox.Question", published_on__isnull=False, consent_to_publish=True):
        paths |= {"mailbox": ["/mailbox/"], "mailbox-track": ["/mailbox/track/"],
                  "mailbox-question": [f"/mailbox/questions/{question.pk}/"],
                  "mailbox-receipt": [f"/mailbox/receipt/{question.query_code}/"],
                  "mailbox-status": [f"/mailbox/track/{question.query_code}/"],
                  "mailbox-agency": [f"/agencies/{code}/mailbox/"],
                  "mailbox-ask": [f"/agencies/{code}/mailbox/ask/"]}  # fmt: skip
    if record := x.first("interpretations.Interpretation", state="published"):
        paths |= {"interpretations": ["/interpretations/"],
                  "interpretation": [f"/interpretations/{record.pk}/"]}  # fmt: skip
    if report := x.first("intelligence.PublishedReport"):
        later = x.first("intelligence.PublishedReport", pk__gt=report.pk)
        external = x.first("intelligence.ExternalAgency")
        paths |= {"published-reports-peers": [f"/published-reports/{report.pk}/peers/"],
                  "published-reports-external": [f"/published-reports/external/{external.pk}/"],
                  "published-reports-agency": [f"/published-reports/agencies/{code}/"],
                  "published-reports-previous-year": [
                      f"/published-reports/agencies/{code}/{x.version.report.year}/"],
                  "published-reports-compare": [
                      f"/published-reports/compare/{report.pk}/{later.pk}/"] if later else [],
                  "published-reports-compared": ["/published-reports/compare/"],
                  "published-report-charts": ["/published-reports/charts/"]}  # fmt: skip
        charts = import_module("gongkai.web.intelligence.chart_views").CHARTS
        if export := x.first("intelligence.OpenDataExport"):  # a large file being written
            paths["published-reports-export-job"] = [f"/published-reports/exports/{export.token}/"]
        paths["published-report-chart"] = [f"/published-reports/charts/{slug}/" for slug in charts]
    return paths


def installed(paths: dict[str, list[str]]) -> dict[str, list[str]]:
    """The rows whose route exists (other work may not have brought it yet)."""
    names = public_route_names() | {"not-found"}
    return {name: found for name, found in paths.items() if name in names}


def public_route_names() -> set[str]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif not (prefix + str(pattern.pattern)).startswith(PRIVATE_PREFIXES):
                yield pattern.name

    return set(walk(get_resolver().url_patterns))


@pytest.fixture
def demo(transactional_db):
    load_full_demo()
    load_demo_published_reports()  # for the comparisons and charts
    if "intelligence.OpenDataExport" in {m._meta.label for m in apps.get_models()}:
        apps.get_model("intelligence.OpenDataExport").objects.create(
            token="a" * 43, fmt="csv", stamp="demo", rows_total=100, rows_done=40
        )
    return Examples()


def test_axe_finds_no_serious_violation_on_any_public_page(browser, live_server, demo, capsys):
    assert AXE.exists(), f"{AXE} is missing: run `make test` (npm ci in tests/e2e)"
    rows = installed(page_paths(demo))
    unchecked = public_route_names() - {name for name, paths in rows.items() if paths} - NOT_PAGES
    assert not unchecked, f"public routes with no accessibility check: {sorted(unchecked)}"
    paths = [path for paths in rows.values() for path in paths]
    lines, problems, rules = [], [], set()
    for mode, cookies in MODES.items():
        check = axe_checker(browser, live_server.url, cookies)
        for path in paths + list(STATES):
            result = check(path)
            rules |= result["rules"]
            lines.append(f"  {mode:<13} {path}  ({len(result['blocking'])} serious/critical)")
            problems += [f"{mode} {path}: {v}" for v in result["blocking"]]
    with capsys.disabled():
        checked = f"{len(paths)} URLs and {len(STATES)} states"
        print(f"\naxe-core checked {checked} × {len(MODES)} modes, {len(rules)} rules:")
        print("\n".join(lines))
    assert problems == []


def form_with_its_errors(page) -> None:
    """The online application form sent empty: its error summary and the fields' errors."""
    page.goto(f"/agencies/{Agency.objects.get(short_name='县财政局').code}/apply/")
    page.evaluate("document.querySelector('form.application-form').noValidate = true")
    page.locator("form.application-form button[type=submit]").click()
    page.locator(".error-summary").wait_for()


def kiosk_typing_and_counting_down(page) -> None:
    """The kiosk's keyboard with pinyin typed and its candidates, and the countdown shown."""
    page.goto(f"/kiosk/{ReadingPoint.objects.order_by('pk').first().code}/search/")
    keys = page.get_by_role("group", name="屏幕键盘")
    for letter in "zheng":
        keys.get_by_role("button", name=letter, exact=True).click()
    page.clock.run_for("01:45")
    page.locator("#kiosk-countdown:not([hidden])").wait_for()


# Pages in a state that a plain visit does not show (named as they are listed).
STATES = {
    "(the application form with its errors)": form_with_its_errors,
    "(the kiosk keyboard with pinyin typed, counting down)": kiosk_typing_and_counting_down,
}


def axe_checker(browser, base_url: str, cookies: dict[str, str]) -> Callable[[str], dict]:
    # The axe script is injected inline, which the site's CSP rightly refuses; the policy
    # itself is tested in test_content_security_policy.py.
    context = browser.new_context(base_url=base_url, bypass_csp=True)
    context.add_cookies([{"name": n, "value": v, "url": base_url} for n, v in cookies.items()])
    page = context.new_page()
    page.clock.install()  # the kiosk's countdown is brought on at once

    def check(path: str) -> dict:
        if path in STATES:
            STATES[path](page)
        else:
            response = page.goto(path)
            if response.status != (404 if path == NOT_FOUND else 200):
                return {"rules": set(), "blocking": [f"answered {response.status}"]}
        page.wait_for_load_state("load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        ran = result["violations"] + result["passes"] + result["incomplete"]
        ran += result["inapplicable"]
        blocking = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
            for v in result["violations"]
            if v["impact"] in BLOCKING
        ]
        return {"rules": {rule["id"] for rule in ran}, "blocking": blocking}

    return check


def test_the_keyboard_skips_to_the_content_and_every_focus_is_outlined(page, transactional_db):
    page.goto("/catalog/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.bounding_box()["x"] >= 0  # moved on screen when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for _ in range(6):  # the search box, its button, the filters
        page.keyboard.press("Tab")
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"
        )
        assert outline[1] != "none" and outline[2] != "0px", outline
