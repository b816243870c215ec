"""Read-only JSON API of the imported published reports — open data: the reports, their
figures in long format (corrected values), their findings; filtered by agency, region,
level, year and generation. A report whose agency still waits for a person is not listed."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import Field

from gongkai.web.intelligence.export import cell_label
from gongkai.web.intelligence.figures import as_number
from gongkai.web.intelligence.models import PublishedReport
from gongkai.web.intelligence.selection import Selection

router = Router(tags=["published reports"])
MAX_PER_PAGE = 500
LARGEST_ID = 2**31 - 1
ReportId = Annotated[int, Field(ge=1, le=LARGEST_ID)]


class Filters(Schema):
    agency: str | None = Field(None, max_length=100, description="机关代码或名称")
    region: str | None = Field(None, max_length=60, description="地区（名称或其开头）")
    level: str | None = Field(None, max_length=30, description="机关层级，如 county_department")
    year: int | None = Field(None, ge=2008, le=2200, description="报告年度")
    generation: str | None = Field(None, pattern="^[ABC]$", description="报告格式 A/B/C")
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(100, ge=1, le=MAX_PER_PAGE)

    def selection(self) -> Selection:
        return Selection(self.agency, self.region, self.level, self.year, self.generation)


class FigureFilters(Filters):
    key: str | None = Field(None, max_length=80, description="单元格编码，如 s3.new.total")


class ReportOut(Schema):
    id: int
    source: str = Field(description="导入的文件名")
    sha256: str
    agency: str = Field(description="机关名称")
    agency_code: str | None = Field(description="平台上机关的代码；外部机关为空")
    region: str
    level: str
    year: int
    generation: str
    published_on: date | None
    figures: int = Field(description="数字个数")
    review_items: int = Field(description="尚待人工核对的项数")


class FigureOut(Schema):
    report: int
    agency: str
    year: int
    generation: str
    key: str
    label: str
    unit: str
    value: int | Decimal | None = Field(
        description="数值：件数为整数，金额（万元）为十进制字符串；人工更正后为更正值"
    )
    confidence: str


class FindingOut(Schema):
    rule: str
    severity: str
    cells: list[str]
    message_zh: str
    message_en: str


def report_out(report: PublishedReport, figures: int) -> dict:
    return {
        "id": report.pk,
        "source": report.source_name,
        "sha256": report.sha256,
        "agency": report.agency_label,
        "agency_code": report.agency.code if report.agency else None,
        "region": report.region,
        "level": report.level,
        "year": report.year,
        "generation": report.generation,
        "published_on": report.published_on,
        "figures": figures,
        "review_items": report.review_items,
    }


def page_of(queryset, filters: Filters):
    start = (filters.page - 1) * filters.per_page
    return queryset[start : start + filters.per_page]


@router.get("", response=list[ReportOut], summary="Imported published reports")
def list_reports(request, filters: Query[Filters]):
    from django.db.models import Count

    reports = filters.selection().reports().select_related("agency", "external")
    reports = reports.annotate(figure_count=Count("figures")).order_by("-year", "id")
    return [report_out(report, report.figure_count) for report in page_of(reports, filters)]


@router.get("/figures", response=list[FigureOut], summary="Figures in long format")
def list_figures(request, filters: Query[FigureFilters]):
    figures = (
        filters.selection()
        .figures()
        .select_related("report__agency", "report__external")
        .order_by("report_id", "id")
    )
    if filters.key:
        figures = figures.filter(key=filters.key)
    return [figure_out(figure) for figure in page_of(figures, filters)]


def figure_out(figure) -> dict:
    label, unit = cell_label(figure.generation, figure.key)
    value = as_number(figure.value)
    return {
        "report": figure.report_id,
        "agency": figure.report.agency_label,
        "year": figure.year,
        "generation": figure.generation,
        "key": figure.key,
        "label": label,
        "unit": unit,
        "value": value,
        "confidence": figure.confidence,
    }


def visible(report_id: int) -> PublishedReport:
    report = Selection().reports().select_related("agency", "external").filter(pk=report_id)
    found = report.first()
    if found is None:
        raise Http404
    return found


@router.get("/{report_id}", response=ReportOut, summary="One imported report")
def get_report(request, report_id: ReportId):
    report = visible(report_id)
    return report_out(report, report.figures.count())


@router.get("/{report_id}/figures", response=list[FigureOut], summary="A report's figures")
def report_figures(request, report_id: ReportId):
    report = visible(report_id)
    figures = report.figures.select_related("report__agency", "report__external").order_by("id")
    return [figure_out(figure) for figure in figures]


@router.get("/{report_id}/findings", response=list[FindingOut], summary="A report's findings")
def report_findings(request, report_id: ReportId):
    """What the parser found, and what the rulebook finds in the figures as they stand
    (after any correction)."""
    from gongkai.report import run_rulebook
    from gongkai.web.intelligence.history import as_read

    read = as_read(visible(report_id))
    return [f.to_dict() for f in [*read.findings, *run_rulebook(read).findings]]
