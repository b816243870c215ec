"""Staff pages of the annual report: the agencies' reports and their countdowns, one report
with its tables (every figure links to what it counts), its prose, its checks and its steps."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.report import GENERATIONS, Severity, run_rulebook
from gongkai.report.render import MEDIA_TYPES
from gongkai.report.render import render as render_report
from gongkai.report.render.document import build_document
from gongkai.report.render.html import table_html
from gongkai.web.agencies import permissions
from gongkai.web.agencies.permissions import agency_required
from gongkai.web.agencies.roles import Action
from gongkai.web.annualreports import workflow
from gongkai.web.annualreports.aggregation import subordinate_inputs
from gongkai.web.annualreports.deadlines import countdowns, report_year_on
from gongkai.web.annualreports.drilldown import Source, records_behind
from gongkai.web.annualreports.explain import explain_cross_year
from gongkai.web.annualreports.forms import NoteForm, SectionsForm, year_choices
from gongkai.web.annualreports.history import version_of_year
from gongkai.web.annualreports.models import AnnualReport, Origin
from gongkai.web.annualreports.states import EVENT_LABELS, TRANSITIONS, available_transitions
from gongkai.web.appeals.section_four import COLUMNS, PENDING
from gongkai.web.core import params
from gongkai.web.core.csp import serve_frozen_document, without_inline_widths
from gongkai.web.core.steps import take_step
from gongkai.web.intelligence.access import is_analyst

PENDING_LABEL = COLUMNS[PENDING]  # 尚未审结


@login_required
def index(request):
    today = timezone.localdate()
    year = _year(request.GET.get("year"), report_year_on(today))
    agencies = permissions.agencies_for(request.user).order_by("path")
    context = {
        "year": year,
        "years": year_choices(today),
        "today": today,
        "rows": [(c, c.days_left(today), -c.days_left(today)) for c in countdowns(agencies, year)],
        "can_start": set(
            permissions.agencies_for(request.user, Action.HANDLE).values_list("pk", flat=True)
        ),
        "can_combine": combining_agencies(request.user),
        "published_reports": is_analyst(request.user),
    }
    return render(request, "annualreports/index.html", context)


def combining_agencies(user) -> set[int]:
    """Agencies with units below them whose combined report the user may compile."""
    allowed = permissions.agencies_for(user, Action.HANDLE) | permissions.agencies_for(
        user, Action.SUPERVISE
    )
    return set(allowed.filter(children__isnull=False).values_list("pk", flat=True).distinct())


def _year(text: str | None, default: int) -> int:
    return params.number(text, 2008, 2100) or default


def working_copy(request, year: int) -> AnnualReport | None:
    return AnnualReport.objects.filter(agency=request.agency, year=year).first()


@login_required
@agency_required(Action.VIEW)
def report_page(request, year: int):
    report = working_copy(request, year)
    if report is None:
        can_start = permissions.can(request.user, Action.HANDLE, request.agency)
        can_combine = request.agency.pk in combining_agencies(request.user)
        context = {"agency": request.agency, "year": year, "can_start": can_start,
                   "can_combine": can_combine}  # fmt: skip
        return render(request, "annualreports/not_started.html", context)
    document = report.as_report()
    previous = version_of_year(report.agency, year - 1)
    result = run_rulebook(document, previous.as_report() if previous else None)
    explained = {
        id(e.finding): e.lines
        for e in explain_cross_year(report.agency, year, list(result.findings), previous)
    }
    code = request.agency.code
    link = lambda key: reverse("annual-report-cell", args=[code, year, key])  # noqa: E731
    built = build_document(document)
    context = {
        "report": report,
        "tables": [
            (section, [mark_safe(table_for_page(grid, link)) for grid in section.grids])
            for section in built.sections
            if section.grids
        ],
        "findings": [
            (finding, explained.get(id(finding), []))
            for finding in sorted(result.findings, key=lambda f: list(Severity).index(f.severity))
        ],
        "sections_form": SectionsForm(initial=report.sections),
        "prose": headed_prose(report.sections, built.sections),
        "suggested": report.suggested_sections,
        "actions": actions_for(request.user, report),
        "versions": report.versions.select_related("entry", "published_by"),
        "events": report.events.select_related("actor"),
        "event_labels": {**EVENT_LABELS, **{a: t.label for a, t in TRANSITIONS.items()}},
        "formats": ["html", "docx", "pdf", "xlsx", "json"],
        "counted": report.origin in workflow.COUNTED,
        "inputs": subordinate_inputs(report.agency, year)
        if report.origin == Origin.AGGREGATED
        else None,
    }
    return render(request, "annualreports/report.html", context)


def headed_prose(texts: dict[str, str], sections) -> list[tuple[str, str]]:
    """Each written section under its heading (一、总体情况), not its bare numeral."""
    headings = {section.numeral: section.heading for section in sections}
    return [(headings.get(numeral, numeral), text) for numeral, text in texts.items()]


def table_for_page(grid, link) -> str:
    return without_inline_widths(table_html(grid, link=link))


def actions_for(user, report: AnnualReport) -> list:
    return [
        (transition, NoteForm(prefix=transition.action))
        for transition in available_transitions(report.state)
        if transition.action not in {"edit", "compile"}
        and (transition.action != "correct" or report.origin in workflow.COUNTED)
        and workflow.allowed(user, transition, report)
    ]


@login_required
@require_POST
@agency_required(Action.VIEW)
def start(request, year: int):
    combined = request.POST.get("combined") == "1"
    try:
        workflow.start(request.agency, year, request.user, combined=combined)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    except PermissionDenied:
        messages.error(request, _("Your role does not allow this step."))
    return redirect("annual-report", request.agency.code, year)


@login_required
@require_POST
@agency_required(Action.VIEW)
def perform_action(request, year: int, action: str):
    report = working_copy(request, year)
    if report is None or action not in TRANSITIONS:
        raise Http404
    if action == "edit":
        form = SectionsForm(request.POST)
        params = lambda data: {"sections": data}  # noqa: E731
    else:
        form = NoteForm(request.POST, prefix=action)
        params = lambda data: {"note": data.get("note", "")}  # noqa: E731
    take_step(request, form, lambda data: workflow.perform(
        report, action, request.user, **params(data)), workflow.WorkflowError)  # fmt: skip
    return redirect("annual-report", request.agency.code, year)


@login_required
@agency_required(Action.VIEW)
def draft_file(request, year: int, fmt: str):
    """The working copy rendered as it stands (marked as a draft in its file name)."""
    report = working_copy(request, year)
    if report is None or fmt not in {*MEDIA_TYPES, "json"}:
        raise Http404
    document = report.as_report()
    if fmt == "json":
        body, media = document.to_json().encode("utf-8"), "application/json"
    else:
        body, media = render_report(document, fmt), MEDIA_TYPES[fmt]
    response = HttpResponse(body, content_type=media)
    if fmt == "html":  # a whole document with its own style, shown in the browser
        serve_frozen_document(response)
    name = f"{report.title}（{report.get_state_display()}）.{fmt}"
    response["Content-Disposition"] = content_disposition_header(fmt != "html", name)
    return response


@login_required
@agency_required(Action.VIEW)
def cell(request, year: int, key: str):
    report = working_copy(request, year)
    generation = GENERATIONS[report.generation] if report else None
    if generation is None or key not in generation.cells:
        raise Http404
    try:
        found = records_behind(request.agency, year, key)
    except KeyError:
        raise Http404 from None
    context = {
        "report": report,
        "key": key,
        "label": generation.cells[key].label,
        "figure": report.cells.get(key),
        "drilldown": found,
        "records": found.records[:500],
        "count": found.records.count(),
        "year_end": date(year, 12, 31),  # a case counts by its result on that day
        "pending_label": PENDING_LABEL,
    }
    counted = found.source is not Source.FIGURE
    if counted and context["count"] != context["figure"] and report.state != "draft":
        messages.info(request, _("The records have changed since the report was submitted."))
    return render(request, "annualreports/cell.html", context)
