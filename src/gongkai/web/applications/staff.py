"""Staff pages: the inbox of the user's agencies, the case page with its next legal steps,
and entry of applications received on paper, by fax or in person."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gongkai.letters import MEDIA_TYPES
from gongkai.statute.explain import explain
from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.applications import letters, workflow
from gongkai.web.applications.action_forms import action_form, action_params
from gongkai.web.applications.deadlines import deadline_of
from gongkai.web.applications.forms import StaffEntryForm
from gongkai.web.applications.models import Application
from gongkai.web.applications.states import OPEN_STATES, PAUSED_STATES, State, available_transitions
from gongkai.web.core import params
from gongkai.web.core.steps import take_step
from gongkai.web.privacy.access import record_view

DUE_SOON_DAYS = 7  # calendar days: "due within a week"
VIEW_LABELS = [
    ("open", gettext_lazy("Open")),
    ("due_soon", gettext_lazy("Due within a week")),
    ("overdue", gettext_lazy("Overdue")),
    ("paused", gettext_lazy("Paused")),
    ("closed", gettext_lazy("Answered and closed")),
    ("all", gettext_lazy("All")),
]
VIEWS = {
    "open": lambda today: Q(state__in=OPEN_STATES),
    "due_soon": lambda today: Q(state__in=OPEN_STATES,
                                due_on__range=(today, today + timedelta(DUE_SOON_DAYS))),
    "overdue": lambda today: Q(state__in=OPEN_STATES, due_on__lt=today),
    "paused": lambda today: Q(state__in=PAUSED_STATES),
    "closed": lambda today: Q(state__in=[State.DECIDED, State.CLOSED]),
    "all": lambda today: Q(),
}  # fmt: skip


def visible_cases(user):
    return permissions.scope(Application.objects.select_related("agency"), user, Action.VIEW)


@login_required
def inbox(request):
    view = request.GET.get("view", "open")
    today = timezone.localdate()
    cases = visible_cases(request.user).filter(VIEWS.get(view, VIEWS["open"])(today))
    if (state := request.GET.get("state")) in State.values:
        cases = cases.filter(state=state)
    if query := request.GET.get("q", "").strip():
        cases = cases.filter(
            Q(number__icontains=query)
            | Q(name__icontains=query)
            | Q(description__icontains=query)
            | Q(query_code=query.upper())
        )
    newest_first = view in {"closed", "all"}
    cases = cases.order_by("-id") if newest_first else cases.order_by("due_on", "id")
    page = Paginator(cases, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "view": view,
        "query": query,
        "today": today,
        "view_labels": VIEW_LABELS,
        "states": State.choices,
        "state": request.GET.get("state", ""),
        "open_states": [str(state) for state in OPEN_STATES],
    }
    return render(request, "applications/inbox.html", context)


def case_for(user, pk: int, action: Action = Action.VIEW) -> Application:
    return get_object_or_404(permissions.scope(Application.objects.all(), user, action), pk=pk)


@login_required
def case_page(request, pk: int):
    case = case_for(request.user, pk)
    record_view(case, request.user, "案件页面")
    actions = [
        (transition, action_form(transition.action))
        for transition in available_transitions(State(case.state))
        if permissions.can(request.user, transition.permission, case.agency)
    ]
    context = {
        "case": case,
        "events": case.events.select_related("actor"),
        "letters": case.letters.all(),
        "attachments": case.attachments.all(),
        "actions": actions,
        "explanation": explain(deadline_of(case)) if case.state in OPEN_STATES else None,
    }
    return render(request, "applications/case.html", context)


@login_required
def letter_file(request, pk: int, letter_id: int, fmt: str):
    """A letter of the case as PDF or DOCX (staff of the handling agency only)."""
    case = case_for(request.user, pk)
    letter = get_object_or_404(case.letters, pk=letter_id)
    if fmt not in MEDIA_TYPES or fmt == "html":
        raise Http404
    record_view(case, request.user, f"文书 {letter.number}")
    response = HttpResponse(letters.rendered(letter, fmt), content_type=MEDIA_TYPES[fmt])
    filename = f"{letter.number}{letter.title}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def attachment_file(request, pk: int, attachment_id: int):
    case = case_for(request.user, pk)
    attachment = get_object_or_404(case.attachments, pk=attachment_id)
    record_view(case, request.user, f"附件 {attachment.pk}")
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition_header(True, attachment.name)
    return response


@login_required
@require_POST
def perform_action(request, pk: int, action: str):
    case = case_for(request.user, pk)
    form = action_form(action, request.POST)
    take_step(request, form, lambda data: workflow.perform(
        case, action, request.user, **action_params(form)), workflow.WorkflowError)  # fmt: skip
    return redirect("application-case", pk=case.pk)


@login_required
def new_case(request):
    agencies = permissions.agencies_for(request.user, Action.HANDLE)
    if not agencies.exists():
        raise PermissionDenied
    agency = agencies.filter(
        pk=params.number(request.POST.get("agency") or request.GET.get("agency"))
    ).first()
    agency = agency or agencies.first()
    form = StaffEntryForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        case = workflow.submit(agency, form.application_fields(), actor=request.user,
                               files=form.cleaned_data["attachments"])  # fmt: skip
        messages.success(request, _("Application %(number)s registered.") % {"number": case.number})
        return redirect("application-case", pk=case.pk)
    context = {"form": form, "agencies": agencies, "agency": agency}
    return render(request, "applications/new.html", context)
