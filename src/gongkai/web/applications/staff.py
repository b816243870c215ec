"""Staff pages: the inbox of the user's agencies, the case page with its next legal steps,
and entry of applications received on paper, by fax or in person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gongkai.letters import MEDIA_TYPES
from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.applications import deadlines, letters, queues, signoff, waiting, workflow
from gongkai.web.applications.action_forms import action_form, action_params
from gongkai.web.applications.forms import StaffEntryForm
from gongkai.web.applications.models import Application, DecisionDraft
from gongkai.web.applications.states import CLOCK_RUNNING, State, available_transitions
from gongkai.web.applications.waiting import WAITS
from gongkai.web.core import params
from gongkai.web.core.steps import take_step
from gongkai.web.privacy.access import record_view

VIEW_LABELS = [
    ("open", gettext_lazy("Open")),
    ("due_soon", gettext_lazy("Due within a week")),
    ("overdue", gettext_lazy("Overdue")),
    ("sign_off", gettext_lazy("In sign-off")),
    ("waiting", gettext_lazy("Waiting (no answer deadline)")),
    ("waiting_passed", gettext_lazy("Waiting time passed")),
    ("closed", gettext_lazy("Answered and closed")),
    ("late", gettext_lazy("Answered late this year")),
    ("all", gettext_lazy("All")),
]
VIEW_ALIASES = {"paused": "waiting"}  # the name of the view before it listed 补正 too
# The date that matters next: the answer deadline, or the end of the waiting time.
NEXT_DATE = Coalesce("due_on", "waiting_until")


def visible_cases(user):
    return permissions.scope(Application.objects.select_related("agency"), user, Action.VIEW)


@login_required
def inbox(request):
    view = request.GET.get("view", "open")
    view = VIEW_ALIASES.get(view, view)
    today = timezone.localdate()
    views = queues.views(today)
    view = view if view in views else "open"
    cases = visible_cases(request.user).filter(views[view])
    if (state := request.GET.get("state")) in State.values:
        cases = cases.filter(state=state)
    agency = permissions.agencies_for(request.user).filter(
        code=request.GET.get("agency", "").strip()).first()  # fmt: skip
    if agency is not None:  # one agency's cases: the links of the workbench and supervision
        cases = cases.filter(agency=agency)
    if query := request.GET.get("q", "").strip():
        cases = cases.filter(
            Q(number__icontains=query)
            | Q(name__icontains=query)
            | Q(description__icontains=query)
            | Q(query_code=query.upper())
        )
    newest_first = view in {"closed", "late", "all"}
    cases = cases.order_by("-id") if newest_first else cases.order_by(NEXT_DATE, "id")
    page = Paginator(cases, 50).get_page(request.GET.get("page"))
    for case in page:
        case.wait = WAITS.get(case.state)
    context = {
        "page": page,
        "view": view,
        "agency": agency,
        "query": query,
        "today": today,
        "view_labels": VIEW_LABELS,
        "states": State.choices,
        "state": request.GET.get("state", ""),
        "clock_running": [str(state) for state in CLOCK_RUNNING],
        "can_register": permissions.agencies_for(request.user, Action.HANDLE).exists(),
    }
    return render(request, "applications/inbox.html", context)


def case_for(user, pk: int, action: Action = Action.VIEW) -> Application:
    return get_object_or_404(permissions.scope(Application.objects.all(), user, action), pk=pk)


@login_required
def case_page(request, pk: int):
    case = case_for(request.user, pk)
    record_view(case, request.user, "案件页面")
    actions = [
        (transition, action_form(transition.action, initial=initial_values(case, transition)))
        for transition in available_transitions(State(case.state))
        if signoff.may_take(case, transition, request.user)
        and waiting.offered(case, transition.action, timezone.localdate())
    ]
    clock = waiting.clock_of(case)
    context = {
        "case": case,
        "events": case.events.select_related("actor"),
        "letters": case.letters.select_related("signed_by"),
        "attachments": case.attachments.all(),
        "actions": actions,
        "explanation": deadlines.explanation(case),
        "clock": clock,
        "draft": signoff.current_draft(case),
    }
    return render(request, "applications/case.html", context)


def initial_values(case: Application, transition) -> dict | None:
    """A draft returned for revision fills the next draft's form."""
    if transition.action != "draft_decision":
        return None
    returned = case.decision_drafts.filter(status=DecisionDraft.Status.RETURNED).last()
    return returned.params if returned else None


@login_required
def draft_letter(request, pk: int, fmt: str):
    """The draft 答复书 of a case in sign-off, as it will read (numbered at issue)."""
    case = case_for(request.user, pk)
    draft = signoff.current_draft(case)
    if draft is None or fmt not in MEDIA_TYPES or fmt == "html":
        raise Http404
    record_view(case, request.user, "答复书草稿")
    response = HttpResponse(signoff.render_draft(case, draft, fmt), content_type=MEDIA_TYPES[fmt])
    filename = f"{case.number}答复书草稿.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


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
