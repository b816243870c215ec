"""The public chart pages of published reports: trends, the distribution of outcomes, the
heat map of rule failures, rankings of peers — each with its data table (the same rows,
readable without JavaScript) and the rows as CSV and XLSX. Public and read-only, like the
open data. The charts are drawn in the browser by the vendored ECharts (static files only,
charts.js); the rows reach it as a JSON data element, never as inline script."""

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from gongkai.report.formats import GENERATIONS
from gongkai.report.indicators import INDICATOR_BY_ID, MEASURE_IDS, RATE_BY_ID
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.core import params
from gongkai.web.intelligence import chart_data
from gongkai.web.intelligence.audit import KIND_LABELS, Kind
from gongkai.web.intelligence.export import MEDIA_TYPES, write_csv, write_xlsx
from gongkai.web.intelligence.models import PublishedReport
from gongkai.web.intelligence.selection import Selection


@dataclass(frozen=True)
class Chart:
    slug: str
    title: Promise
    drawing: str  # how charts.js draws the rows: line, pie, heatmap, bar
    rows: Callable[[Selection, str], chart_data.ChartRows]
    axes: Mapping[str, int]  # which columns of the rows charts.js reads
    choice: str = ""  # the extra parameter: "measure" or "kind"
    default: str = ""


CHARTS = {
    chart.slug: chart
    for chart in (
        Chart("trend", _("Trends over the years"), "line", chart_data.trend,
              {"x": 0, "y": 2}, "measure", "applications"),
        Chart("outcomes", _("Outcomes of applications"), "pie",
              lambda selection, _choice: chart_data.outcome_distribution(selection),
              {"name": 0, "value": 1}),
        Chart("failures", _("Rule failures by agency and year"), "heatmap",
              chart_data.failure_heat_map, {"y": 0, "x": 2, "value": 3}, "kind"),
        Chart("ranking", _("Rankings of peers"), "bar", chart_data.ranking,
              {"name": 1, "value": 3}, "measure", "disclosure_rate"),
    )
}  # fmt: skip
EXPORTS = ("csv", "xlsx")


def selection_from(query: Mapping[str, str]) -> Selection:
    """The filters of a chart from its query string; what is not a filter is left out."""
    level = query.get("level", "")
    generation = query.get("generation", "")
    return Selection(
        agency=query.get("agency", "").strip()[:100] or None,
        region=query.get("region", "").strip()[:60] or None,
        level=level if level in AgencyLevel.values else None,
        year=params.year(query.get("year")),
        generation=generation if generation in GENERATIONS else None,
    )


def choice_from(chart: Chart, query: Mapping[str, str]) -> str:
    value = query.get(chart.choice, "") if chart.choice else ""
    allowed = MEASURE_IDS if chart.choice == "measure" else [kind.value for kind in Kind]
    return value if value in allowed else chart.default


def chart_of(slug: str) -> Chart:
    if slug not in CHARTS:
        raise Http404
    return CHARTS[slug]


def index(request):
    return render(request, "intelligence/chart_index.html", {"charts": CHARTS.values()})


def chart(request, slug: str):
    found = chart_of(slug)
    selection, choice = selection_from(request.GET), choice_from(found, request.GET)
    data = found.rows(selection, choice)
    context = {
        "chart": found,
        "charts": CHARTS.values(),
        "data": data,
        "selection": selection,
        "choice": choice,
        "choices": choices_of(found),
        "levels": AgencyLevel.choices,
        "generations": sorted(GENERATIONS),
        "years": years_held(),
        "query": request.GET.urlencode(),
        "drawing": drawing_data(found, data),
    }
    return render(request, "intelligence/chart_page.html", context)


def chart_export(request, slug: str, fmt: str):
    found = chart_of(slug)
    if fmt not in EXPORTS:
        raise Http404
    data = found.rows(selection_from(request.GET), choice_from(found, request.GET))
    output = io.BytesIO()
    writer = write_csv if fmt == "csv" else write_xlsx
    writer(iter(data.rows), output, data.columns)
    response = HttpResponse(output.getvalue(), content_type=MEDIA_TYPES[fmt])
    filename = f"{found.title}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def choices_of(chart: Chart) -> list[tuple[str, str]]:
    if chart.choice == "measure":
        found = [INDICATOR_BY_ID.get(name) or RATE_BY_ID[name] for name in MEASURE_IDS]
        return [(item.id, item.label) for item in found]
    if chart.choice == "kind":
        return [(kind.value, KIND_LABELS[kind]) for kind in chart_data.FAILURE_KINDS]
    return []


def years_held() -> list[int]:
    years = PublishedReport.objects.order_by("-year").values_list("year", flat=True)
    return list(years.distinct()[:30])


def drawing_data(chart: Chart, data: chart_data.ChartRows) -> dict:
    """What charts.js draws: the rows with numbers as JSON numbers."""
    rows = [[float(v) if isinstance(v, Decimal) else v for v in row] for row in data.rows]
    return {
        "drawing": chart.drawing,
        "title": str(chart.title),
        "columns": list(data.columns),
        "rows": rows,
        "axes": dict(chart.axes),
        "filename": f"{chart.title}.png",
    }
