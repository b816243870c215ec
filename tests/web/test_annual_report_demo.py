"""`gongkai demo` publishes the county's 2025 reports, compiled from the demo year: each
department's and town's, and the county government's combined report."""

import pytest
from django.db import transaction

from gongkai.report import Severity, run_rulebook
from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.demo import load_demo_reports
from gongkai.web.annualreports.models import AnnualReport
from gongkai.web.appeals.demo import load_demo_appeals
from gongkai.web.applications.demo import load_demo_applications
from gongkai.web.catalog.demo import load_demo_catalog
from gongkai.web.catalog.demo_registry import load_demo_registry


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole demo, loaded once for this module (publishing renders every report's PDF)
    and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        load_demo_applications()
        load_demo_catalog()
        load_demo_registry()
        load_demo_appeals()
        yield load_demo_reports()
        transaction.set_rollback(True)


def test_every_agency_of_the_county_has_a_published_2025_report(demo, db):
    assert demo == Agency.objects.count() == 6
    county = AnnualReport.objects.get(agency__parent=None, year=2025)
    assert county.origin == "aggregated"
    document = county.latest_version().as_report()
    assert document.value("s3.new.total") == 16  # the demo year's 2025 applications
    assert document.value("s3.carried.total") == 2  # received in December 2024
    assert document.value("s4.review.total") == 2
    assert county.latest_version().published_on.isoformat() == "2026-03-20"


def test_the_countys_2024_report_is_imported_and_the_2025_one_follows_on_from_it(demo, db):
    county = Agency.objects.get(parent=None)
    last_year = AnnualReport.objects.get(agency=county, year=2024)
    assert (last_year.origin, last_year.latest_version().published_on.isoformat()) == (
        "imported", "2025-01-22")  # fmt: skip
    previous = last_year.latest_version().as_report()
    this_year = AnnualReport.objects.get(agency=county, year=2025).latest_version().as_report()
    result = run_rulebook(this_year, previous)
    for rule in ("B3-5", "C2-1"):  # 上年结转 and 现行有效 roll over from the imported report
        assert result.result(rule).status.value == "passed", rule


def test_the_published_reports_pass_the_rulebook(demo, db):
    for report in AnnualReport.objects.filter(year=2025):
        document = report.latest_version().as_report()
        errors = [f for f in run_rulebook(document).findings if f.severity is Severity.ERROR]
        assert errors == [], report


def test_one_town_published_late(demo, db):
    from gongkai.web.annualreports.aggregation import Standing, combined_report

    county = Agency.objects.get(parent=None)
    late = combined_report(county, 2025).with_standing(Standing.LATE)
    assert [i.agency.short_name for i in late] == ["东岭乡"]


def test_loading_again_changes_nothing(demo, db):
    versions = [r.versions.count() for r in AnnualReport.objects.order_by("pk")]
    assert load_demo_reports() == 6
    assert [r.versions.count() for r in AnnualReport.objects.order_by("pk")] == versions


def test_the_countys_audit_names_the_late_town(demo, db):
    """The 政务公开办's audit of 2025 (intelligence/audit.py): 东岭乡 published on 2026-02-09."""
    from gongkai.web.intelligence.audit import Kind, audit

    county = Agency.objects.get(parent=None)
    rows = audit(county, 2025)
    assert len(rows) == 5 and all(row.found is not None for row in rows)
    late = {row.agency.short_name: row.findings for row in rows if row.count(Kind.LATE)}
    assert list(late) == ["东岭乡"]
    message = late["东岭乡"][0].message
    assert "2026年2月9日发布，晚于《条例》第四十九条规定的2026年1月31日，逾期9天" in message
    assert sum(row.count(Kind.ARITHMETIC) for row in rows) == 0
