"""The published report, as the public reads it: the frozen page of a version, with a line
naming every version and the reason for each correction (条例第四十九条)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from gongkai.report.render import render
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.models import ReportVersion
from gongkai.web.core.csp import serve_frozen_document


def published_report(request, code: str, year: int, number: int | None = None):
    agency = get_object_or_404(Agency, code=code)
    versions = list(
        ReportVersion.objects.filter(report__agency=agency, report__year=year)
        .select_related("entry")
        .order_by("number")
    )
    if not versions:
        raise Http404
    shown = (
        versions[-1] if number is None else next((v for v in versions if v.number == number), None)
    )
    if shown is None:
        raise Http404
    banner = render_to_string(
        "annualreports/version_banner.html",
        {"agency": agency, "year": year, "versions": versions, "shown": shown,
         "latest": versions[-1]},
        request=request,
    )  # fmt: skip
    # The page is served as it was published; only the versions line is put before it.
    html = page_of(shown).replace("<body>\n", f"<body>\n{banner}", 1)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    return serve_frozen_document(response)


def page_of(version: ReportVersion) -> str:
    """The version's page. A report imported in bulk (intelligence/history.py) is stored
    without one — rendering it would cost a fifth of the import, for pages few open — so its
    page is rendered from its frozen document each time it is shown (~5 ms; the version row
    is append-only, even to filling its page in)."""
    return version.html or render(version.as_report(), "html").decode("utf-8")
