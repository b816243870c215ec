"""The supervising office's audit pages: the year's table of every agency below it, one
agency's findings, and the exports (the table as XLSX, the 审查意见 as DOCX or PDF).

Access goes through the permission module: the office is resolved with the SUPERVISE action
(its subtree for a supervisor, anything for a superuser), and the audited agency must be
below it; anything else answers 404, as if it did not exist."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header

from gongkai.web.agencies import permissions
from gongkai.web.agencies.permissions import agency_required
from gongkai.web.agencies.roles import Action
from gongkai.web.annualreports.deadlines import report_year_on
from gongkai.web.core import params
from gongkai.web.intelligence import audit_letter
from gongkai.web.intelligence.audit import KIND_LABELS, Kind, audit, audit_one, failing_first
from gongkai.web.intelligence.audit_export import MEDIA_TYPE, audit_xlsx

OFFICES_SHOWN = 50


def audit_year(year: str) -> int:
    found = params.year(year)
    if found is None or found > timezone.localdate().year:
        raise Http404
    return found


def below_office(office, code: str):
    unit = office.subtree().exclude(pk=office.pk).filter(code=code).first()
    if unit is None:
        raise Http404
    return unit


@login_required
def offices(request):
    """The offices this user supervises (the top of each subtree), each with its audits."""
    supervised = permissions.agencies_for(request.user, Action.SUPERVISE)
    if not supervised.exists():
        raise PermissionDenied
    tops = supervised.exclude(parent__in=supervised).order_by("path")[:OFFICES_SHOWN]
    last = report_year_on(timezone.localdate())
    context = {"offices": tops, "years": [last, last - 1, last - 2]}
    return render(request, "intelligence/audit_offices.html", context)


@login_required
@agency_required(Action.SUPERVISE)
def table(request, year: str):
    office, year = request.agency, audit_year(year)
    rows = audit(office, year)
    context = {"office": office, "year": year, "rows": failing_first(rows),
               "failing": sum(row.failing for row in rows),
               "labels": [KIND_LABELS[kind] for kind in Kind]}  # fmt: skip
    return render(request, "intelligence/audit.html", context)


@login_required
@agency_required(Action.SUPERVISE)
def table_xlsx(request, year: str):
    office, year = request.agency, audit_year(year)
    content = audit_xlsx(failing_first(audit(office, year)), f"{year}年度报告审查")
    response = HttpResponse(content, content_type=MEDIA_TYPE)
    filename = f"{office.name}{year}年度报告审查.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
@agency_required(Action.SUPERVISE)
def agency_findings(request, year: str, unit: str):
    office, year = request.agency, audit_year(year)
    row = audit_one(below_office(office, unit), year)
    context = {"office": office, "year": year, "row": row,
               "title": audit_letter.opinion_title(row)}  # fmt: skip
    return render(request, "intelligence/audit_agency.html", context)


@login_required
@agency_required(Action.SUPERVISE)
def opinion(request, year: str, unit: str, fmt: str):
    office, year = request.agency, audit_year(year)
    if fmt not in audit_letter.LETTER_FORMATS:
        raise Http404
    row = audit_one(below_office(office, unit), year)
    content = audit_letter.rendered_opinion(office, row, timezone.localdate(), fmt)
    response = HttpResponse(content, content_type=audit_letter.media_type(fmt))
    filename = f"{audit_letter.opinion_title(row)}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
