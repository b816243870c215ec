"""Staff pages: the documents still to interpret and the late ones, drafting, publishing and
withdrawing, and a year's counts."""

from functools import cache

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.catalog.models.entries import Entry
from gongkai.web.core import params
from gongkai.web.core.steps import take_step
from gongkai.web.interpretations import counting, workflow
from gongkai.web.interpretations.files import serve_file
from gongkai.web.interpretations.forms import InterpretationForm, withdraw_form
from gongkai.web.interpretations.models import (
    Interpretation,
    State,
    promised_working_days,
)
from gongkai.web.interpretations.timeliness import coverage, policy_documents
from gongkai.web.workcalendar.calendar import current_calendar

WITHDRAWABLE = frozenset({State.PUBLISHED, State.READY})


def visible(user):
    return permissions.scope(Interpretation.objects.select_related("agency", "entry"), user)


def interpretation_for(user, pk: int) -> Interpretation:
    return get_object_or_404(visible(user), pk=pk)


def chosen_year(request) -> int:
    this_year = timezone.localdate().year
    return params.number(request.GET.get("year"), 2008, this_year) or this_year


@login_required
def dashboard(request):
    year = chosen_year(request)
    agencies = permissions.agencies_for(request.user, Action.VIEW)
    days_of = cache(promised_working_days)  # one query per agency, not per document
    rows = coverage(policy_documents(agencies, year), days_of, current_calendar())
    today = timezone.localdate()
    records = visible(request.user)
    context = {
        "year": year, "today": today,
        "missing": [row for row in rows if row.missing],
        "late": [row for row in rows if row.late],
        "drafts": records.filter(state__in=[State.DRAFT, State.READY]).order_by("-updated_at"),
        "published": records.filter(state=State.PUBLISHED)[:20],
        "may_draft": permissions.agencies_for(request.user, Action.HANDLE).exists(),
    }  # fmt: skip
    return render(request, "interpretations/staff/dashboard.html", context)


def drafting_target(request):
    """The agency that drafts, and the document interpreted (None: a response)."""
    agencies = permissions.agencies_for(request.user, Action.HANDLE)
    if not agencies.exists():
        raise PermissionDenied
    entry_id = params.number(request.GET.get("entry"))
    if entry_id is None:
        chosen = params.number(request.POST.get("agency") or request.GET.get("agency"))
        return (agencies.filter(pk=chosen).first() or agencies.first()), None, agencies
    entry = get_object_or_404(Entry.objects.select_related("agency"), pk=entry_id)
    agency = drafting_agency(request.user, entry)
    if agency is None:
        raise Http404  # a document of an agency the user does not work for
    return agency, entry, None


def drafting_agency(user, entry: Entry):
    """The agency the user writes an interpretation of `entry` for: the document's own, or
    else one below it (谁起草谁解读); None if the user drafts for none of them."""
    below = permissions.agencies_for(user, Action.HANDLE).filter(
        path__contains=f"/{entry.agency_id}/"
    )
    return below.filter(pk=entry.agency_id).first() or below.order_by("path").first()


@login_required
def new(request):
    agency, entry, agencies = drafting_target(request)
    form = InterpretationForm(request.POST or None, request.FILES or None, agency=agency,
                              entry=entry)  # fmt: skip
    if request.method == "POST" and form.is_valid():
        fields = form.fields_to_save()
        interpretation = workflow.create(agency, request.user, entry=entry, **fields)
        return redirect("interpretation-staff-page", pk=interpretation.pk)
    context = {"form": form, "entry": entry, "agency": agency, "agencies": agencies}
    return render(request, "interpretations/staff/edit.html", context)


@login_required
def edit(request, pk: int):
    interpretation = interpretation_for(request.user, pk)
    permissions.require(request.user, Action.HANDLE, interpretation.agency)
    if interpretation.state != State.DRAFT:
        raise PermissionDenied
    form = InterpretationForm(request.POST or None, request.FILES or None,
                              instance=interpretation)  # fmt: skip
    if request.method == "POST" and form.is_valid():
        workflow.edit(interpretation, request.user, **form.fields_to_save())
        return redirect("interpretation-staff-page", pk=pk)
    context = {"form": form, "interpretation": interpretation,
               "entry": interpretation.entry}  # fmt: skip
    return render(request, "interpretations/staff/edit.html", context)


@login_required
def page(request, pk: int):
    interpretation = interpretation_for(request.user, pk)
    agency, state = interpretation.agency, interpretation.state
    may_review = permissions.can(request.user, Action.REVIEW, agency)
    context = {
        "interpretation": interpretation,
        "events": interpretation.events.select_related("actor"),
        "labels": workflow.EVENT_LABELS,
        "may_edit": state == State.DRAFT and permissions.can(request.user, Action.HANDLE, agency),
        "may_publish": state == State.DRAFT and may_review,
        "with_document": interpretation.entry is not None
        and interpretation.entry.state in workflow.COMING,
        "withdraw_form": withdraw_form() if state in WITHDRAWABLE and may_review else None,
    }  # fmt: skip
    return render(request, "interpretations/staff/page.html", context)


STEPS = {
    "publish": (forms.Form, lambda item, user, data: workflow.publish(item, user)),
    "withdraw": (withdraw_form,
                 lambda item, user, data: workflow.withdraw(item, user, data["reason"])),
}  # fmt: skip


@login_required
@require_POST
def take_action(request, pk: int, action: str):
    interpretation = interpretation_for(request.user, pk)
    if action not in STEPS:
        raise Http404
    make_form, perform = STEPS[action]
    step = lambda data: perform(interpretation, request.user, data)  # noqa: E731
    take_step(request, make_form(request.POST), step, workflow.WorkflowError)
    return redirect("interpretation-staff-page", pk=pk)


@login_required
def staff_file(request, pk: int, which: str):
    """The image or video of any interpretation the user may see, drafts included."""
    return serve_file(interpretation_for(request.user, pk), which)


@login_required
def counts(request):
    agencies = permissions.agencies_for(request.user, Action.VIEW)
    if not agencies.exists():
        raise PermissionDenied
    chosen = params.number(request.GET.get("agency"))
    agency = agencies.filter(pk=chosen).first() or agencies.first()
    year = chosen_year(request)
    figures = counting.year_counts(agency, year)
    context = {
        "agency": agency, "agencies": agencies, "year": year, "counts": figures,
        "rows": counting.generation_a_rows(figures),
        "this_year": timezone.localdate().year,
    }  # fmt: skip
    return render(request, "interpretations/staff/counts.html", context)
