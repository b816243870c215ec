"""Staff pages of the docket: the list with its filters and counts, registering a case,
the case page (details, documents, the decision, history) and editing the details.

Staff of the respondent agency handle its cases; supervisors read their subtree's; any
other case answers 404, as if it did not exist."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.appeals import workflow
from gongkai.web.appeals.counting import section_four_cells
from gongkai.web.appeals.docket import Filters, counts_by_kind, listed
from gongkai.web.appeals.forms import STEP_FORMS, AppealForm, step_form
from gongkai.web.appeals.models import Appeal
from gongkai.web.appeals.section_four import CELLS, COLUMNS, KINDS, TOTAL
from gongkai.web.appeals.states import available_steps
from gongkai.web.core import params


def visible_appeals(user):
    return permissions.scope(Appeal.objects.select_related("agency"), user, Action.VIEW)


def case_for(user, pk: int) -> Appeal:
    return get_object_or_404(visible_appeals(user), pk=pk)


def attempt(form, perform: Callable[[dict], Appeal]) -> Appeal | None:
    """Validate the form and take the step; on refusal, put the reasons on the form."""
    if not form.is_valid():
        return None
    try:
        return perform(form.cleaned_data)
    except workflow.WorkflowError as error:
        form.add_error(None, str(error))
    except ValidationError as error:
        by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for field, errors in by_field.items():
            form.add_error(field if field in form.fields else None, errors)
    return None


@login_required
def docket(request):
    filters = Filters.from_query(request.GET)
    visible = visible_appeals(request.user)
    cases = listed(visible, filters, timezone.localdate()).order_by("-filed_on", "-id")
    kept = {k: v for k, v in request.GET.items() if k != "page" and v}
    context = {
        "page": Paginator(cases, 50).get_page(request.GET.get("page")),
        "filters": filters,
        "query": urlencode(kept),
        "kinds": list(KINDS.items()),
        "outcomes": [(k, v) for k, v in COLUMNS.items() if k != TOTAL],
        "columns": list(COLUMNS.items()),
        "agencies": permissions.agencies_for(request.user),
        "years": sorted({d.year for d in visible.dates("filed_on", "year")}, reverse=True),
        "counts": [(KINDS[kind], n) for kind, n in counts_by_kind(cases).items()],
        "section_four": section_four_rows(visible, filters) if filters.year else None,
        "may_register": permissions.agencies_for(request.user, Action.HANDLE).exists(),
    }
    return render(request, "appeals/docket.html", context)


def section_four_rows(visible, filters: Filters) -> list[tuple[str, list[tuple[int, str]]]]:
    """The year's section 四 for the agencies listed: each figure with the query of its
    cases (the docket filtered to that cell)."""
    scoped = visible.filter(agency_id=filters.agency_id) if filters.agency_id else visible
    cells = section_four_cells(scoped, filters.year)
    base = {"year": filters.year} | ({"agency": filters.agency_id} if filters.agency_id else {})
    return [
        (label, [
            (cells[CELLS[kind, column]], urlencode(base | {"kind": kind, "outcome": column}))
            for column in COLUMNS
        ])
        for kind, label in KINDS.items()
    ]  # fmt: skip


@login_required
def new_appeal(request):
    agencies = permissions.agencies_for(request.user, Action.HANDLE)
    if not agencies.exists():
        raise PermissionDenied
    agency = agencies.filter(
        pk=params.number(request.POST.get("agency") or request.GET.get("agency"))
    ).first()
    agency = agency or agencies.first()
    form = AppealForm(request.POST or None, agency=agency)
    if request.method == "POST" and (case := attempt(form, lambda data: workflow.register(
            agency, form.case_fields(), request.user, data["applications"]))):  # fmt: skip
        messages.success(request, _("Case %(number)s registered.") % {"number": case.number})
        return redirect("appeal-case", pk=case.pk)
    context = {"form": form, "agencies": agencies, "agency": agency}
    return render(request, "appeals/edit.html", context)


@login_required
def edit_appeal(request, pk: int):
    case = case_for(request.user, pk)
    permissions.require(request.user, Action.HANDLE, case.agency)
    form = AppealForm(request.POST or None, agency=case.agency, instance=Appeal.objects.get(pk=pk))
    if request.method == "POST" and attempt(form, lambda data: workflow.perform(
            case, "edit", request.user, fields=form.case_fields(),
            applications=data["applications"])):  # fmt: skip
        messages.success(request, _("Done."))
        return redirect("appeal-case", pk=case.pk)
    return render(request, "appeals/edit.html", {"form": form, "case": case})


@login_required
def case_page(request, pk: int):
    return render_case(request, case_for(request.user, pk))


def render_case(request, case: Appeal, bound: dict | None = None):
    may_handle = permissions.can(request.user, Action.HANDLE, case.agency)
    steps = [
        (step, (bound or {}).get(step.action) or step_form(step.action, case=case))
        for step in available_steps(case)
        if may_handle and step.action in STEP_FORMS
    ]
    context = {
        "case": case,
        "may_handle": may_handle,
        "steps": steps,
        "applications": case.applications.all(),
        "documents": case.documents.all(),
        "lawsuits": case.lawsuits.all(),
        "events": case.events.select_related("actor"),
    }
    return render(request, "appeals/case.html", context)


@login_required
@require_POST
def take_step(request, pk: int, action: str):
    case = case_for(request.user, pk)
    if action not in STEP_FORMS:
        raise Http404
    form = step_form(action, request.POST, request.FILES)
    if attempt(form, lambda data: workflow.perform(case, action, request.user, **data)):
        messages.success(request, _("Done."))
        return redirect("appeal-case", pk=case.pk)
    return render_case(request, case, {action: form})


@login_required
def document_file(request, pk: int, document_id: int):
    case = case_for(request.user, pk)
    document = get_object_or_404(case.documents, pk=document_id)
    response = FileResponse(document.file.open("rb"), content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(True, document.name)
    return response
