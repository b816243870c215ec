"""Staff pages of the catalogue: the dashboard, drafting, each entry's next steps, and the
imports (yearly figures; an agency's old 目录)."""

import uuid
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.catalog import services, workflow
from gongkai.web.catalog.forms import ACTION_FORMS, ChannelForm, EntryForm, LegacyImportForm
from gongkai.web.catalog.imports import import_yearly_figures
from gongkai.web.catalog.legacy_import import (
    Defaults,
    check_legacy_catalog,
    import_legacy_catalog,
)
from gongkai.web.catalog.models.entries import Entry, EntryState, FormCategory, SubjectCategory
from gongkai.web.catalog.states import TRANSITIONS
from gongkai.web.catalog.timeliness import publication_due
from gongkai.web.core import params
from gongkai.web.core.steps import form_errors, take_step
from gongkai.web.workcalendar.calendar import current_calendar


def visible_entries(user):
    return permissions.scope(Entry.objects.select_related("agency"), user, Action.VIEW)


def entry_for(user, pk: int) -> Entry:
    return get_object_or_404(visible_entries(user), pk=pk)


@login_required
def dashboard(request):
    entries = visible_entries(request.user)
    year = timezone.localdate().year
    drafts = entries.filter(state=EntryState.DRAFT).order_by("generated_on")
    calendar = current_calendar()
    context = {
        "drafts": [(entry, publication_due(entry.generated_on, calendar)) for entry in drafts],
        "in_progress": entries.filter(state__in=[EntryState.IN_REVIEW, EntryState.IN_APPROVAL]),
        "late": entries.filter(state=EntryState.PUBLISHED, published_on__year=year,
                               late_working_days__gt=0).order_by("-late_working_days"),
        "published": entries.filter(state=EntryState.PUBLISHED).order_by("-published_on")[:20],
        "year": year,
        "today": timezone.localdate(),
        # Only the buttons the user's roles may follow (no page that answers 403).
        "may_draft": permissions.agencies_for(request.user, Action.HANDLE).exists(),
        "may_import": permissions.agencies_for(request.user, Action.MANAGE).exists(),
    }  # fmt: skip
    return render(request, "catalog/staff/dashboard.html", context)


@login_required
def new_entry(request):
    agencies = permissions.agencies_for(request.user, Action.HANDLE)
    if not agencies.exists():
        raise PermissionDenied
    agency = agencies.filter(
        pk=params.number(request.POST.get("agency") or request.GET.get("agency"))
    ).first()
    agency = agency or agencies.first()
    form = EntryForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        services.ensure_chain(agency)
        entry = services.create_draft(agency, request.user, **form.cleaned_data)
        return redirect("catalog-staff-entry", pk=entry.pk)
    context = {"form": form, "agencies": agencies, "agency": agency}
    return render(request, "catalog/staff/edit.html", context)


@login_required
def edit_entry(request, pk: int):
    entry = entry_for(request.user, pk)
    permissions.require(request.user, Action.HANDLE, entry.agency)
    form = EntryForm(request.POST or None, instance=Entry.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_draft(entry, request.user, **form.cleaned_data)
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
        return redirect("catalog-staff-entry", pk=entry.pk)
    return render(request, "catalog/staff/edit.html", {"form": form, "entry": entry})


@login_required
def entry_page(request, pk: int):
    entry = entry_for(request.user, pk)
    actions = []
    for transition in TRANSITIONS.values():
        if entry.state in transition.sources and may(request.user, entry, transition):
            actions.append((transition, ACTION_FORMS[transition.action]()))
    context = {
        "entry": entry, "actions": actions, "steps": workflow.chain(entry),
        "events": entry.events.select_related("actor"), "reviews": entry.reviews.all(),
        "channel_form": ChannelForm(), "may_edit": entry.state == EntryState.DRAFT
        and permissions.can(request.user, Action.HANDLE, entry.agency),
    }  # fmt: skip
    return render(request, "catalog/staff/entry.html", context)


def may(user, entry, transition) -> bool:
    try:
        workflow.check_permission(entry, transition, user)
    except PermissionDenied:
        return False
    return True


@login_required
@require_POST
def perform_action(request, pk: int, action: str):
    entry = entry_for(request.user, pk)
    if action not in ACTION_FORMS:
        raise PermissionDenied
    form = ACTION_FORMS[action](request.POST)
    take_step(request, form, lambda data: workflow.perform(entry, action, request.user, **data),
              workflow.WorkflowError)  # fmt: skip
    return redirect("catalog-staff-entry", pk=entry.pk)


@login_required
@require_POST
def add_channel(request, pk: int):
    entry = entry_for(request.user, pk)
    permissions.require(request.user, Action.HANDLE, entry.agency)
    form = ChannelForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            publication = form.save(commit=False)
            publication.entry = entry
            publication.save()
            note = f"{publication.get_channel_display()} {publication.reference}"
            workflow.record(entry, request.user, "channel", workflow.snapshot(entry), note)
        messages.success(request, _("Done."))
    else:
        messages.error(request, form_errors(form))
    return redirect("catalog-staff-entry", pk=entry.pk)


@login_required
@require_POST
def upload(request, pk: int):
    entry = entry_for(request.user, pk)
    permissions.require(request.user, Action.HANDLE, entry.agency)
    try:
        services.attach_files(entry, request.user, request.FILES.getlist("files"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    return redirect("catalog-staff-entry", pk=entry.pk)


@login_required
def import_figures(request):
    """Yearly figures of section 二 from a CSV or XLSX file (机关, 年度, 指标, 数值)."""
    if not permissions.agencies_for(request.user, Action.MANAGE).exists():
        raise PermissionDenied
    result = None
    if request.method == "POST" and (upload := request.FILES.get("file")):
        result = import_yearly_figures(upload, request.user)
    return render(request, "catalog/staff/import.html", {"result": result})


PENDING_IMPORT = "catalog-legacy-import"  # session key: the checked file awaiting commit
HELD_FILES = "catalog/imports"
PREVIEW_ROWS = 50


@login_required
def import_catalogue(request):
    """An agency's old 目录 from its previous CMS: upload, check and preview, then commit."""
    agencies = permissions.agencies_for(request.user, Action.MANAGE)
    if not agencies.exists():
        raise PermissionDenied
    if request.method == "POST" and "commit" in request.POST:
        return commit_import(request, agencies)
    form = LegacyImportForm(request.POST or None, request.FILES or None, agencies=agencies)
    result = None
    if request.method == "POST" and form.is_valid():
        data, upload = form.cleaned_data, form.cleaned_data["file"]
        content = upload.read()
        defaults = Defaults(data["default_subject"], data["default_form"])
        result = check_legacy_catalog(content, upload.name, data["agency"], request.user, defaults)
        if result.ok:
            hold_import(request, content, result.file_name, data)
    return render_import(request, form, result)


def render_import(request, form, result):
    context = {"form": form, "result": result,
               "preview": result.entries[:PREVIEW_ROWS] if result else []}  # fmt: skip
    return render(request, "catalog/staff/legacy_import.html", context)


def hold_import(request, content: bytes, file_name: str, data: dict) -> None:
    """Keep the checked file until the user commits it (one per session)."""
    forget_import(request)
    sweep_held_files()
    path = default_storage.save(f"{HELD_FILES}/{uuid.uuid4().hex}", ContentFile(content))
    request.session[PENDING_IMPORT] = {
        "path": path, "name": file_name, "agency": data["agency"].pk,
        "subject": getattr(data["default_subject"], "pk", None),
        "form": getattr(data["default_form"], "pk", None),
    }  # fmt: skip


def sweep_held_files(older_than=timedelta(days=1)) -> None:
    """Files checked but never committed or cancelled (the session was abandoned)."""
    try:
        files = default_storage.listdir(HELD_FILES)[1]
    except FileNotFoundError:
        return
    for name in files:
        path = f"{HELD_FILES}/{name}"
        if default_storage.get_modified_time(path) < timezone.now() - older_than:
            default_storage.delete(path)


def forget_import(request) -> dict | None:
    pending = request.session.pop(PENDING_IMPORT, None)
    if pending and default_storage.exists(pending["path"]):
        default_storage.delete(pending["path"])
    return pending


def commit_import(request, agencies):
    pending = request.session.get(PENDING_IMPORT)
    if not pending or not default_storage.exists(pending["path"]):
        messages.error(request, _("Nothing is waiting to be imported: upload the file again."))
        return redirect("catalog-staff-legacy-import")
    with default_storage.open(pending["path"]) as held:
        content = held.read()
    forget_import(request)
    agency = get_object_or_404(agencies, pk=pending["agency"])
    defaults = Defaults(SubjectCategory.objects.filter(pk=pending["subject"]).first(),
                        FormCategory.objects.filter(pk=pending["form"]).first())  # fmt: skip
    result = import_legacy_catalog(content, pending["name"], agency, request.user, defaults)
    if not result.ok:  # the catalogue changed since the check
        return render_import(request, LegacyImportForm(agencies=agencies), result)
    messages.success(request, _("%(count)s entries imported from %(file)s.") % {
        "count": result.created, "file": result.file_name})  # fmt: skip
    return redirect("catalog-staff")
