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
from gongkai.web.catalog.models.entries import Entry

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
    entries = public_entries().filter(form__name=ANNUAL_REPORT_FORM, form__agency=None)
    if root is not None:
        entries = entries.filter(agency__path__startswith=root.path)
    found: dict[int, dict[int, Entry]] = {}
    for entry in entries.order_by("published_on", "id"):  # a later one replaces (corrections)
        found.setdefault(entry.agency_id, {})[report_year(entry)] = entry
    years = sorted({year for reports in found.values() for year in reports}, reverse=True)
    rows = [ReportRow(agency, found.get(agency.pk, {})) for agency in agencies.order_by("path")]
    return ReportTable(years, rows)
