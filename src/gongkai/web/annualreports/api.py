"""JSON API of the published annual reports: which agencies published which years, and each
report as the gongkai.report/1 document it was published as (spec/report-json.md), findings
included — open data for supervisors, journalists and researchers."""

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from gongkai.report import jsonio
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.models import ReportVersion

router = Router(tags=["annual reports"])


class ListIn(Schema):
    agency: str | None = Field(None, max_length=18, description="机关代码；包括其下级机关")
    year: int | None = Field(None, ge=2008, le=2200, description="报告年度")


class Published(Schema):
    agency: str = Field(description="机关名称")
    agency_code: str
    year: int = Field(description="报告年度")
    version: int = Field(description="版本号；更正后发布新版本")
    published_on: date = Field(description="发布日期")
    reason: str = Field(description="更正原因（第1版为空）")
    url: str = Field(description="报告网页")
    json_url: str = Field(description="gongkai.report/1 JSON")


@router.get("", response=list[Published], summary="Published annual reports")
def published_reports(request, filters: Query[ListIn]):
    """Every published version, newest year first; filter by agency (with the agencies below
    it) and year."""
    versions = ReportVersion.objects.select_related("report__agency").order_by(
        "-report__year", "report__agency__path", "number"
    )
    if filters.agency:
        root = Agency.objects.filter(code=filters.agency.strip().upper()).first()
        if root is None:
            return []
        versions = versions.filter(report__agency__path__startswith=root.path)
    if filters.year:
        versions = versions.filter(report__year=filters.year)
    return [published(version) for version in versions[:1000]]


def published(version: ReportVersion) -> dict:
    agency, year = version.report.agency, version.report.year
    return {
        "agency": agency.name,
        "agency_code": agency.code,
        "year": year,
        "version": version.number,
        "published_on": version.published_on,
        "reason": version.reason,
        "url": reverse("annual-report-version", args=[agency.code, year, version.number]),
        "json_url": reverse("api:annual-report", args=[agency.code, year]),
    }


@router.get("/{code}/{year}", url_name="annual-report", summary="One published annual report",
            response={200: dict})  # fmt: skip
def published_report(request, code: str, year: int):
    """The latest published version as a gongkai.report/1 document (exact decimals)."""
    agency = get_object_or_404(Agency, code=code.strip().upper())
    version = (
        ReportVersion.objects.filter(report__agency=agency, report__year=year)
        .order_by("-number")
        .first()
    )
    if version is None:
        raise Http404
    body = jsonio.dumps(version.document, indent=None)
    return HttpResponse(body, content_type="application/json; charset=utf-8")
