"""The 年报 column: agencies' 政府信息公开工作年度报告 (条例第四十九条) as the catalogue holds them.

A report is a public catalogue entry whose 体裁分类 is the national annual-report form. Its
year is the year it reports on — the one its title names (“2024年政府信息公开工作年度报告”),
or else the year before its publication, as reports come out after the year ends.
"""

import re
from dataclasses import dataclass

from gongkai.statute.vocabularies import ANNUAL_REPORT_FORM
from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.listing import public_entries
from gongkai.web.catalog.models.entries import Entry, FormCategory

YEAR_IN_TITLE = re.compile(r"((?:19|20)\d\d)\s*年")


def report_year(entry: Entry) -> int:
    if match := YEAR_IN_TITLE.search(entry.title):
        return int(match.group(1))
    return entry.published_on.year - 1


@dataclass(frozen=True)
class ReportRow:
    agency: Agency
    reports: dict[int, Entry]  # year -> the latest report published for it

    def cells(self, years: list[int]) -> list[tuple[int, Entry | None]]:
        return [(year, self.reports.get(year)) for year in years]


@dataclass(frozen=True)
class ReportTable:
    years: list[int]  # newest first
    rows: list[ReportRow]  # agencies in tree order, those without a report included


def annual_reports(root: Agency | None = None) -> ReportTable:
    """The annual reports of `root` and every agency below it (None: the whole tree)."""
    agencies = root.subtree() if root else Agency.objects.all()
    # By the form's id, and ordered here: served by the index on form_id, whereas a join or
    # an ORDER BY would have the database walk the whole catalogue by date.
    form = FormCategory.objects.filter(name=ANNUAL_REPORT_FORM, agency=None).first()
    entries = public_entries().filter(form=form).order_by() if form else Entry.objects.none()
    if root is not None:
        entries = entries.filter(agency_id__in=agencies.values("pk"))
    found: dict[int, dict[int, Entry]] = {}
    for entry in sorted(entries, key=lambda e: (e.published_on, e.pk)):  # later ones replace
        found.setdefault(entry.agency_id, {})[report_year(entry)] = entry
    years = sorted({year for reports in found.values() for year in reports}, reverse=True)
    rows = [ReportRow(agency, found.get(agency.pk, {})) for agency in agencies.order_by("path")]
    return ReportTable(years, rows)
