"""The reports the comparison pages compare, read as `Side`s with their current figures.

Public data only: a report whose agency still waits for a person is not compared (as in the
API). An agency of the platform's tree is read the way the audit reads it (audit.reports_of):
its report published on the platform, or the report imported for it, figures corrected. An
external agency has only imported reports; peers are the imported reports of one region,
level and year. When an agency has several imported documents for a year, the last counts.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from gongkai.report.indicators import INDICATORS
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.models import ReportVersion
from gongkai.web.intelligence.audit import SOURCE_LABELS, Source, current_figures, reports_of
from gongkai.web.intelligence.compare import Side, side
from gongkai.web.intelligence.models import ExternalAgency, Match, PublishedReport

# The cells the indicators read: all a ranking of many reports needs to fetch.
INDICATOR_KEYS = frozenset(
    key for indicator in INDICATORS for source in indicator.sources.values() for key in source.keys
)
PEERS_SHOWN = 500  # a region and level with more reports is cut (the page says so)


def public_reports() -> QuerySet[PublishedReport]:
    return PublishedReport.objects.exclude(match=Match.PENDING).select_related("agency", "external")


def published_sides(reports: list[PublishedReport], keys=None) -> list[Side]:
    """The reports with their current figures, read in one query."""
    figures = current_figures([report.pk for report in reports], keys)
    return [
        side(report.agency_label, report.year, report.generation, figures.get(report.pk, {}),
             report_pk=report.pk, source=SOURCE_LABELS[Source.IMPORTED])
        for report in reports
    ]  # fmt: skip


def last_per_agency_and_year(reports: QuerySet[PublishedReport]) -> list[PublishedReport]:
    """One report per agency and year, the last imported; in year order."""
    last: dict[tuple, PublishedReport] = {}
    for report in reports.order_by("year", "pk"):
        last[(report.agency_id, report.external_id, report.year)] = report
    return sorted(last.values(), key=lambda report: (report.year, report.agency_label))


def tree_agency_years(unit: Agency) -> list[int]:
    imported = public_reports().filter(agency=unit).values_list("year", flat=True)
    compiled = ReportVersion.objects.filter(report__agency=unit).values_list(
        "report__year", flat=True
    )
    return sorted(set(imported) | set(compiled))


def tree_agency_side(unit: Agency, year: int) -> Side | None:
    """The agency's report of `year` as the audit reads it; None if it has none."""
    found = reports_of([unit], year).get(unit.pk)
    if found is None:
        return None
    report = found.report
    cells = dict(report.cells)
    return side(unit.name, year, report.generation, cells, report_pk=found.imported_pk,
                source=SOURCE_LABELS[found.source])  # fmt: skip


def tree_agency_sides(unit: Agency) -> list[Side]:
    sides = (tree_agency_side(unit, year) for year in tree_agency_years(unit))
    return [one for one in sides if one is not None]


def external_sides(agency: ExternalAgency) -> list[Side]:
    return published_sides(last_per_agency_and_year(public_reports().filter(external=agency)))


def peer_sides(report: PublishedReport) -> tuple[list[Side], bool]:
    """The reports of the same region, level and year (the report's own among them), and
    whether there were more than the page shows."""
    same = Q(region=report.region, level=report.level, year=report.year)
    reports = last_per_agency_and_year(public_reports().filter(same))
    return published_sides(reports[:PEERS_SHOWN], INDICATOR_KEYS), len(reports) > PEERS_SHOWN


@dataclass(frozen=True)
class Holder:
    """An agency with published reports: of the tree (`code`) or external (`external_pk`)."""

    name: str
    region: str
    level: str
    years: tuple[int, ...]
    code: str = ""
    external_pk: int | None = None


def holders(region: str = "") -> list[Holder]:
    """Every agency with a public imported report (of a region, or of all), by region."""
    rows = (
        public_reports()
        .filter(region__startswith=region)
        .order_by()
        .values_list(
            "agency__code",
            "agency__name",
            "external_id",
            "external__name",
            "region",
            "level",
            "year",
        )
    )
    found: dict[tuple, dict] = {}
    for code, name, external_pk, external_name, place, level, year in rows:
        one = found.setdefault((code, external_pk), {
            "name": name or external_name, "region": place, "level": level, "years": set(),
            "code": code or "", "external_pk": external_pk})  # fmt: skip
        one["years"].add(year)
    listed = [Holder(**(one | {"years": tuple(sorted(one["years"]))})) for one in found.values()]
    return sorted(listed, key=lambda holder: (holder.region, holder.name))
