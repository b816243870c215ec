"""The audit table remembers what the rulebook found (audit_memo.py): the table says what
checking each agency anew says, a second audit reads no figure, and a correction, a report
of the previous year imported since, or a new rulebook make the table check again."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.web.intelligence import audit_memo
from gongkai.web.intelligence.audit import Kind, audit, audit_one
from gongkai.web.intelligence.models import Figure
from gongkai.web.intelligence.review import correct

from .test_intelligence_audit import YEAR, imported


def table(office) -> dict:
    return {row.agency: [(f.kind, f.message, f.rule) for f in row.findings]
            for row in audit(office, YEAR)}  # fmt: skip


def checked_anew(office) -> dict:
    below = audit_memo_below(office)
    return {unit: [(f.kind, f.message, f.rule) for f in audit_one(unit, YEAR).findings]
            for unit in below}  # fmt: skip


def audit_memo_below(office):
    return list(office.subtree().exclude(pk=office.pk).order_by("path"))


@pytest.fixture
def reports(county, finance, land, town, treasury):
    cache.clear()
    imported(land, YEAR - 1, changes={"s3.carry_forward.total": 2,
                                      "s3.carry_forward.natural": 2})  # fmt: skip
    imported(land, YEAR, published_on=date(2026, 1, 20), blank=("s2.fees.amount",),
             changes={"s3.new.total": 3, "s3.new.natural": 1, "s3.new.commercial": 1})  # fmt: skip
    imported(treasury, YEAR, generation="B", published_on=date(2026, 2, 10))
    yield county
    cache.clear()


def figure_reads(queries) -> int:
    """Statements that read the figures table (not the corrections' join to it)."""
    source = "FROM " + connection.ops.quote_name(Figure._meta.db_table)
    return sum(source in query["sql"] for query in queries)


def test_the_table_says_what_checking_each_agency_anew_says(reports, land, treasury):
    first = table(reports)
    assert first == checked_anew(reports)
    assert any(kind is Kind.CROSS_YEAR for kind, *_ in first[land])
    assert any(kind is Kind.LATE for kind, *_ in first[treasury])
    with CaptureQueriesContext(connection) as queries:
        again = table(reports)
    assert again == first
    assert figure_reads(queries.captured_queries) == 0  # remembered: no figure read


def test_a_correction_checks_that_report_again(reports, land, frank):
    before = table(reports)[land]
    figure = Figure.objects.get(agency=land, year=YEAR, key="s3.new.total")
    correct(figure, Decimal(2), frank)
    after = table(reports)[land]
    assert after != before
    assert after == [(f.kind, f.message, f.rule) for f in audit_one(land, YEAR).findings]


def test_a_previous_year_imported_since_is_read(reports, treasury):
    before = table(reports)[treasury]
    assert not any(kind is Kind.CROSS_YEAR for kind, *_ in before)
    carried = {"s3.carry_forward.total": 4, "s3.carry_forward.natural": 4}
    imported(treasury, YEAR - 1, generation="B", changes=carried)
    after = table(reports)[treasury]
    assert any(kind is Kind.CROSS_YEAR for kind, *_ in after)
    assert after == [(f.kind, f.message, f.rule) for f in audit_one(treasury, YEAR).findings]


def test_a_new_rulebook_checks_everything_again(reports, land, monkeypatch):
    table(reports)
    remembered = audit_memo.recall([audit_memo.memo_key(
        land, YEAR, audit_memo.held_reports([land], YEAR)[land.pk],
        audit_memo.held_reports([land], YEAR - 1)[land.pk])])  # fmt: skip
    assert len(remembered) == 1
    monkeypatch.setattr(audit_memo, "code_fingerprint", lambda: "another rulebook")
    with CaptureQueriesContext(connection) as queries:
        table(reports)
    assert figure_reads(queries.captured_queries) > 0
