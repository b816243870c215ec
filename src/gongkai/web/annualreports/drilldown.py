"""Drill-down: the records behind one figure of a compiled report.

Each figure is counted by a condition; the same condition lists what it counted — the
applications of a section 三 cell, the cases of a section 四 cell, the documents of the
第二十条第（一）项 table — so a figure and its list cannot disagree. Figures entered by hand
(行政许可, 处罚, 强制, 收费) show their revisions instead.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import QuerySet

from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.counting import cell_applications
from gongkai.web.applications.models import Application
from gongkai.web.catalog.models.registry import YearlyFigure, registry_key
from gongkai.web.catalog.registry import cell_documents


class Source(StrEnum):
    APPLICATIONS = "applications"
    APPEALS = "appeals"
    DOCUMENTS = "documents"
    FIGURE = "figure"


@dataclass(frozen=True)
class Drilldown:
    source: Source
    records: QuerySet


def records_behind(agency: Agency, year: int, key: str) -> Drilldown:
    """What the figure `key` of `agency`'s report on `year` counts; KeyError for no cell."""
    if key.startswith("s3."):
        applications = Application.objects.filter(agency=agency).select_related("agency")
        found = cell_applications(applications, key, year).order_by("first_received_on", "pk")
        return Drilldown(Source.APPLICATIONS, found)
    if key.startswith("s4."):
        from gongkai.web.appeals.counting import cell_condition
        from gongkai.web.appeals.models import Appeal

        found = Appeal.objects.filter(agency=agency).filter(cell_condition(key, year))
        return Drilldown(Source.APPEALS, found.order_by("filed_on", "pk"))
    if registry_key(key):
        documents = cell_documents(agency.normative_documents.all(), key, year)
        return Drilldown(Source.DOCUMENTS, documents.order_by("issued_on", "pk"))
    if key.startswith("s2."):
        figures = YearlyFigure.objects.filter(agency=agency, year=year, key=key)
        return Drilldown(Source.FIGURE, figures.prefetch_related("revisions__entered_by"))
    raise KeyError(key)
