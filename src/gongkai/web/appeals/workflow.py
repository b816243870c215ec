"""The one engine that changes reconsideration and litigation cases: register a case, then
take the steps of states.py (edit, record the decision, correct it, add a document).

Each step runs in one transaction with the case row locked, is refused unless the user's
role allows it at the case's agency (agencies/permissions.py) and the case's stage opens
it, checks the result with validation.py, and appends one AppealEvent with the values
before and after. Nothing else writes to a case.
"""

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gongkai.web.agencies import permissions
from gongkai.web.appeals.models import (
    DOCUMENT_KINDS,
    Appeal,
    AppealCounter,
    AppealDocument,
    AppealEvent,
)
from gongkai.web.appeals.section_four import CORRECTED, NUMBER_SERIES, OUTCOMES
from gongkai.web.appeals.states import STEPS, Stage, stage_of
from gongkai.web.appeals.validation import validate
from gongkai.web.applications.uploads import checked
from gongkai.web.core import history
from gongkai.web.privacy.masking import masked, person_name

TRACKED = [f.name for f in Appeal._meta.concrete_fields if f.name not in {"id", "created_at"}]
# What "edit the details" may change: not the agency or number, nor the decision (which has
# steps of its own, so that a correction always states its reason).
EDITABLE = frozenset({"kind", "prior_review", "appellant", "filed_on", "body", "body_case_no",
                      "summary", "entry", "matter"})  # fmt: skip


class WorkflowError(Exception):
    """A step the case's stage does not allow now; the message says why."""


def snapshot(appeal: Appeal) -> dict:
    # The appellant's name masked, as in the applications' history (privacy/masking.py).
    values = masked(history.snapshot(appeal, TRACKED), {"appellant": person_name})
    numbers = appeal.applications.values_list("number", flat=True) if appeal.pk else []
    return values | {"applications": sorted(numbers)}


def record(appeal: Appeal, actor, action: str, before: dict, note: str = "", extra=None):
    changes = history.differences(before, snapshot(appeal)) | (extra or {})
    return AppealEvent.objects.create(appeal=appeal, actor=actor, action=action,
                                      changes=changes, note=(note or "").strip())  # fmt: skip


def next_number(agency, year: int, series: str) -> str:
    """The agency's next number in the series of the year, e.g. 2025-复03, under a row lock."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                counter, _created = AppealCounter.objects.get_or_create(
                    agency=agency, year=year, series=series
                )
            break
        except IntegrityError:  # another request created the counter first
            continue
    counter = AppealCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{year}-{series}{counter.last:02d}"


def register(agency, fields: dict, actor, applications: Iterable = ()) -> Appeal:
    """Register a case filed against `agency`; `fields` are the model's (no decision)."""
    permissions.require(actor, STEPS["register"].permission, agency)
    applications = list(applications)
    with transaction.atomic():
        appeal = Appeal(agency=agency, **fields)
        validate(appeal, applications)
        appeal.number = next_number(agency, appeal.filed_on.year, NUMBER_SERIES[appeal.kind])
        appeal.save()
        appeal.applications.set(applications)
        record(appeal, actor, "register", {})
    return appeal


def perform(appeal: Appeal, action: str, actor, **params) -> Appeal:
    """Take step `action` on the case; raises PermissionDenied, WorkflowError (not in this
    stage) or ValidationError (per field) and then changes nothing."""
    step = STEPS.get(action)
    if step is None or action not in EFFECTS:
        raise WorkflowError(_("Unknown action: %(action)s") % {"action": action})
    with transaction.atomic():
        case = Appeal.objects.select_for_update().get(pk=appeal.pk)
        permissions.require(actor, step.permission, case.agency)
        if stage_of(case) not in step.stages:
            raise WorkflowError(str(REFUSALS[stage_of(case)]))
        before = snapshot(case)
        extra = EFFECTS[action](case, params, actor)
        case.save()
        record(case, actor, action, before, params.get("reason") or params.get("note"), extra)
    return case


REFUSALS = {
    Stage.PENDING: _("No decision has been recorded in this case yet."),
    Stage.DECIDED: _("The decision is already recorded; correct it, giving the reason."),
}


def edit(case: Appeal, params: dict, actor) -> dict:
    fields = params.get("fields", {})
    if unknown := set(fields) - EDITABLE:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    if NUMBER_SERIES[fields.get("kind", case.kind)] != NUMBER_SERIES[case.kind]:
        raise ValidationError({"kind": _("A reconsideration cannot become a lawsuit or the "
                                         "other way round: register the other case.")})  # fmt: skip
    for name, value in fields.items():
        setattr(case, name, value)
    applications = params.get("applications")
    chosen = list(case.applications.all() if applications is None else applications)
    validate(case, chosen)
    case.applications.set(chosen)
    return {}


def decide(case: Appeal, params: dict, actor) -> dict:
    set_decision(case, params)
    return {}


def correct_decision(case: Appeal, params: dict, actor) -> dict:
    # The earlier values stay in the history; the reason says why they were wrong.
    if not (params.get("reason") or "").strip():
        raise ValidationError({"reason": _("Say why the recorded decision is corrected.")})
    set_decision(case, params)
    return {}


def set_decision(case: Appeal, params: dict) -> None:
    outcome = params.get("outcome") or ""
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": _("Choose the outcome: upheld, corrected or other.")})
    case.outcome, case.decided_on = outcome, params.get("decided_on")
    case.corrected_what = (params.get("corrected_what") or "") if outcome == CORRECTED else ""
    validate(case)


def add_document(case: Appeal, params: dict, actor) -> dict:
    if params.get("kind") not in dict(DOCUMENT_KINDS):
        raise ValidationError({"kind": _("Choose the kind of document.")})
    if not params.get("file"):
        raise ValidationError({"file": _("Choose the file to add.")})
    try:
        upload = checked(params["file"])  # the applications' type, size and scanner checks
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    document = AppealDocument.objects.create(
        appeal=case, kind=params["kind"], file=upload, name=upload.name[:200],
        size=upload.size, content_type=upload.content_type, uploaded_by=actor,
    )  # fmt: skip
    return {"document": [None, f"{document.get_kind_display()}：{document.name}"]}


EFFECTS: dict[str, Callable[[Appeal, dict, object], dict]] = {
    "edit": edit,
    "decide": decide,
    "correct_decision": correct_decision,
    "add_document": add_document,
}
assert set(EFFECTS) == set(STEPS) - {"register"}, "every step needs an effect"
