"""Staff pages that bring an agency's earlier published reports onto the platform: upload the
document, see what was read and what the rules say, confirm (or cancel); or type the
official table in, with the rules checked as one types."""

from functools import wraps
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.report import Finding, Report, Severity
from gongkai.report.formats import FIRST_REPORTING_YEAR, generation_for_year
from gongkai.report.render.document import build_document
from gongkai.report.render.html import table_html
from gongkai.web.annualreports import imports
from gongkai.web.annualreports.import_forms import (
    ConfirmForm,
    TypedReportForm,
    UploadForm,
    typed_tables,
)
from gongkai.web.annualreports.imports import (
    ImportDraft,
    ImportRefused,
    UnreadableDocument,
    importing_agencies,
)
from gongkai.web.annualreports.models import Origin
from gongkai.web.core import params
from gongkai.web.core.csp import without_inline_widths

PENDING = "annual-report-imports"  # session: sha256 of a staged file -> its name and agency
HELD_PER_SESSION = 10
SEVERITY_ORDER = list(Severity)
SEVERITY_LABELS = {
    Severity.ERROR: gettext_lazy("Error"),
    Severity.WARNING: gettext_lazy("Warning"),
    Severity.INFO: gettext_lazy("Note"),
}


def import_agency_required(view):
    """Resolve the `code` URL argument to an agency the user may import for, or 404 (as
    `agency_required` does: other agencies cannot be told from ones that do not exist)."""

    @wraps(view)
    def wrapper(request, code: str, *args, **kwargs):
        agency = importing_agencies(request.user).filter(code=code).first()
        if agency is None:
            raise Http404
        request.agency = agency
        return view(request, *args, **kwargs)

    return wrapper


# --- what the pages show ----------------------------------------------------------------


def finding_rows(findings: list[Finding]) -> list[dict]:
    """Findings worst first, each in the user's language."""
    language = "en" if (get_language() or "").startswith("en") else "zh"
    ordered = sorted(findings, key=lambda f: SEVERITY_ORDER.index(f.severity))
    return [
        {
            "rule": f.rule,
            "severity": str(f.severity),
            "label": str(SEVERITY_LABELS[f.severity]),
            "message": f.message(language),
            "cells": list(f.cells),
        }
        for f in ordered
    ]


def report_tables(document: Report) -> list[tuple[str, list[str]]]:
    """The official tables as the report renderer draws them."""
    return [
        (section.heading, [mark_safe(without_inline_widths(table_html(g))) for g in section.grids])
        for section in build_document(document).sections
        if section.grids
    ]


def add_problems(form, draft: ImportDraft) -> None:
    for field, problem in draft.problems().items():
        if field in form.fields and not form.has_error(field):
            form.add_error(field, problem)


def stored_message(request, stored: imports.Stored) -> None:
    names = {"year": stored.report.year, "number": stored.version.number}
    if stored.created:
        messages.success(request, _("The report for %(year)s is stored as published "
                                    "(version %(number)s).") % names)  # fmt: skip
    else:
        messages.info(request, _("The platform already holds this report for %(year)s "
                                 "(version %(number)s): nothing was changed.") % names)  # fmt: skip


# --- importing the published document ------------------------------------------------------


@login_required
@import_agency_required
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None,
                      initial={"year": params.year(request.GET.get("year"))})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        data, name = uploaded.read(), Path(uploaded.name).name
        try:
            draft = imports.draft_from_document(
                request.agency, data, name, form.cleaned_data["year"]
            )
        except UnreadableDocument as error:
            form.add_error("file", str(error))
        else:
            return confirmation(request, draft, confirm_form(hold(request, data, name), draft))
    last_year = timezone.localdate().year - 1
    context = {"agency": request.agency, "form": form,
               "type_years": range(last_year, FIRST_REPORTING_YEAR - 1, -1)}  # fmt: skip
    return render(request, "annualreports/import_upload.html", context)


def hold(request, data: bytes, name: str) -> str:
    """Stage the file; the session keeps its name and agency (the user's last few uploads)."""
    digest = imports.stage(data)
    pending = dict(list(request.session.get(PENDING, {}).items())[-(HELD_PER_SESSION - 1) :])
    pending[digest] = {"name": name, "agency": request.agency.pk}
    request.session[PENDING] = pending
    return digest


def held_file(request, digest: str) -> tuple[bytes, str] | None:
    """The staged file this user uploaded for this agency, and its name."""
    held = request.session.get(PENDING, {}).get(digest)
    if not held or held["agency"] != request.agency.pk:
        return None
    data = imports.staged(digest)
    return (data, held["name"]) if data is not None else None


def forget(request, digest: str) -> None:
    pending = request.session.get(PENDING, {})
    if pending.pop(digest, None) is not None:
        request.session[PENDING] = pending
        imports.unstage(digest)


def confirm_form(digest: str, draft: ImportDraft) -> ConfirmForm:
    """Bound to what the checks ran with, so that what is missing shows as field errors."""
    on = draft.document.published_on
    form = ConfirmForm({"file": digest, "checked_year": draft.year, "year": draft.year,
                        "published_on": on.isoformat() if on else ""})  # fmt: skip
    form.is_valid()
    return form


def confirmation(request, draft: ImportDraft, form: ConfirmForm, status: int = 200):
    add_problems(form, draft)
    found = imports.standing(draft)
    context = {
        "agency": request.agency,
        "draft": draft,
        "read": draft.read,
        "form": form,
        "standing": found,
        "tables": report_tables(draft.document),
        "findings": finding_rows(draft.document.findings),
        "has_errors": draft.result.has_errors,
    }
    return render(request, "annualreports/import_confirm.html", context, status=status)


@login_required
@require_POST
@import_agency_required
def confirm(request):
    digest = request.POST.get("file", "")
    if "cancel" in request.POST:
        forget(request, digest)
        messages.info(request, _("Nothing was imported."))
        return redirect("annual-report-import", request.agency.code)
    held = held_file(request, digest)
    if held is None:
        messages.error(request, _("Nothing is waiting to be imported: upload the file again."))
        return redirect("annual-report-import", request.agency.code)
    form = ConfirmForm(request.POST)
    valid = form.is_valid()
    data = form.cleaned_data if valid else {}
    try:
        draft = imports.draft_from_document(request.agency, *held, data.get("year"),
                                            data.get("published_on"))  # fmt: skip
    except UnreadableDocument as error:
        forget(request, digest)
        messages.error(request, str(error))
        return redirect("annual-report-import", request.agency.code)
    if not valid:
        return confirmation(request, draft, form, status=400)
    if "recheck" in request.POST or form.year_changed():
        messages.info(request, _("Checked again for %(year)s: look at the findings, then "
                                 "confirm.") % {"year": draft.year})  # fmt: skip
        return confirmation(request, draft, confirm_form(digest, draft))
    return store_document(request, draft, form, digest)


def store_document(request, draft: ImportDraft, form: ConfirmForm, digest: str):
    try:
        stored = imports.store(draft, request.user)
    except ImportRefused as error:
        messages.error(request, str(error))
        return confirmation(request, draft, form, status=400)
    forget(request, digest)
    stored_message(request, stored)
    return redirect("annual-report", request.agency.code, stored.report.year)


# --- typing the official table in ----------------------------------------------------------


def typed_form(request, year: int) -> TypedReportForm:
    generation = generation_for_year(year).code
    if request.method == "POST":
        form = TypedReportForm(request.POST, generation=generation)
        form.is_valid()
        return form
    return TypedReportForm(generation=generation, initial=on_the_platform(request.agency, year))


def on_the_platform(agency, year: int) -> dict:
    """What the platform holds for an imported or typed year, to start from."""
    report = agency.annual_reports.filter(year=year).first()
    if report is None or report.origin not in (Origin.IMPORTED, Origin.TYPED):
        return {}
    latest = report.latest_version()
    dated = {"published_on": latest.published_on} if latest else {}
    return {**report.cells, **report.sections, **dated}


def typed_draft(request, year: int, form: TypedReportForm) -> ImportDraft:
    return imports.draft_from_table(request.agency, year, form.figures(), form.sections(),
                                    form.publication_date())  # fmt: skip


def known_year(year: int) -> None:
    if imports.year_problem(year):
        raise Http404


@login_required
@import_agency_required
def typed(request, year: int):
    known_year(year)
    form = typed_form(request, year)
    draft = typed_draft(request, year, form)
    if request.method == "POST" and "store" in request.POST:
        response = store_typed(request, form, draft)
        if response is not None:
            return response
    context = {
        "agency": request.agency,
        "year": year,
        "form": form,
        "draft": draft,
        "standing": imports.standing(draft),
        "tables": typed_tables(form, year),
        "findings": finding_rows(draft.document.findings) if any_figure(draft) else None,
        "has_errors": draft.result.has_errors,
    }
    return render(
        request, "annualreports/import_typed.html", context, status=400 if form.errors else 200
    )


def any_figure(draft: ImportDraft) -> bool:
    return any(value is not None for value in draft.document.cells.values())


def store_typed(request, form: TypedReportForm, draft: ImportDraft):
    """Store, or None when the page must be shown again (its errors say why)."""
    add_problems(form, draft)
    if draft.result.has_errors and not form.cleaned_data.get("confirm_errors"):
        form.add_error("confirm_errors", _("The rules find errors in these figures. Correct "
                                           "them, or tick this box if the published report "
                                           "itself has them."))  # fmt: skip
    if form.errors:
        return None
    try:
        stored = imports.store(draft, request.user)
    except ImportRefused as error:
        messages.error(request, str(error))
        return None
    stored_message(request, stored)
    return redirect("annual-report", request.agency.code, stored.report.year)


@login_required
@require_POST
@import_agency_required
def typed_check(request, year: int):
    """The rulebook's findings on the figures typed so far, as JSON (the page's live checks)."""
    known_year(year)
    form = typed_form(request, year)
    draft = typed_draft(request, year, form)
    return JsonResponse(
        {
            "findings": finding_rows(draft.document.findings),
            "has_errors": draft.result.has_errors,
            "invalid": {key: [str(e) for e in errors] for key, errors in form.errors.items()},
        },
        json_dumps_params={"ensure_ascii": False},
    )
