"""JSON API of the docket (staff only, session authentication): list, detail, register,
record the decision. It validates with the same forms and workflow as the pages; errors
come back per field, in Chinese."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth

from gongkai.web.agencies import permissions
from gongkai.web.appeals import workflow
from gongkai.web.appeals.docket import Filters, listed
from gongkai.web.appeals.forms import AppealForm, DecisionForm
from gongkai.web.appeals.models import Appeal
from gongkai.web.appeals.staff import visible_appeals

router = Router(tags=["appeals"], auth=django_auth)


class AppealIn(Schema):
    agency_code: str
    kind: str  # review, direct or after_review (the rows of section 四)
    prior_review_id: int | None = None  # the reconsideration a lawsuit after_review follows
    appellant: str
    filed_on: date
    body: str
    body_case_no: str = ""
    application_numbers: list[str] = []
    entry_index_no: str = ""
    matter: str = ""
    summary: str = ""


class DecisionIn(Schema):
    outcome: str  # upheld, corrected or other
    decided_on: date
    corrected_what: str = ""
    note: str = ""


class Errors(Schema):
    errors: dict[str, list[str]]


class AppealOut(Schema):
    id: int
    number: str
    agency_code: str
    agency: str
    kind: str
    kind_label: str
    prior_review_id: int | None
    appellant: str
    filed_on: date
    body: str
    body_case_no: str
    decided_on: date | None
    outcome: str  # "" while pending
    outcome_label: str
    corrected_what: str
    summary: str
    matter: str
    application_numbers: list[str]
    entry_index_no: str | None


class EventOut(Schema):
    at: datetime
    actor: str | None
    action: str
    action_label: str
    changes: dict
    note: str


class DocumentOut(Schema):
    kind: str
    name: str
    size: int


class AppealDetail(AppealOut):
    documents: list[DocumentOut]
    history: list[EventOut]


def failure(status: int, errors: dict[str, list[str]]) -> Status:
    return Status(status, {"errors": errors})


OUT_FIELDS = ["id", "number", "kind", "prior_review_id", "appellant", "filed_on", "body",
              "body_case_no", "decided_on", "outcome", "corrected_what", "summary",
              "matter"]  # fmt: skip


def appeal_out(appeal: Appeal) -> dict:
    return {name: getattr(appeal, name) for name in OUT_FIELDS} | {
        "agency_code": appeal.agency.code, "agency": appeal.agency.name,
        "kind_label": appeal.get_kind_display(), "outcome_label": appeal.outcome_label,
        "application_numbers": [a.number for a in appeal.applications.all()],
        "entry_index_no": appeal.entry.index_no if appeal.entry_id else None,
    }  # fmt: skip


def appeal_detail(appeal: Appeal) -> dict:
    documents = [{"kind": d.kind, "name": d.name, "size": d.size} for d in appeal.documents.all()]
    history = [
        {"at": e.at, "actor": e.actor.get_full_name() if e.actor else None, "action": e.action,
         "action_label": e.action_label, "changes": e.changes, "note": e.note}
        for e in appeal.events.select_related("actor")
    ]  # fmt: skip
    return appeal_out(appeal) | {"documents": documents, "history": history}


@router.get("", response=list[AppealOut], summary="Cases of my agencies")
def list_appeals(request, year: int | None = Query(None, ge=2008, le=2200),
                 kind: str = Query("", max_length=20), outcome: str = Query("", max_length=20),
                 agency_code: str = Query("", max_length=18),
                 limit: int = Query(100, ge=1, le=500),
                 offset: int = Query(0, ge=0, le=1_000_000)):  # fmt: skip
    """Filters as on the docket page: with a year, the outcome (or `pending`) is the one of
    31 December of that year — the cases behind that figure of the annual report."""
    visible = visible_appeals(request.user).prefetch_related("applications")
    agency = permissions.agencies_for(request.user).filter(code=agency_code).first()
    filters = Filters.from_query({"year": str(year or ""), "kind": kind, "outcome": outcome,
                                  "agency": str(agency.pk) if agency else ""})  # fmt: skip
    if agency_code and agency is None:
        return []
    cases = listed(visible, filters, timezone.localdate()).order_by("-filed_on", "-id")
    return [appeal_out(case) for case in cases[offset : offset + limit]]


@router.get("/{appeal_id}", response=AppealDetail, summary="One case with its history")
def get_appeal(request, appeal_id: int):
    return appeal_detail(get_object_or_404(visible_appeals(request.user), pk=appeal_id))


@router.post("", response={201: AppealDetail, 400: Errors, 403: Errors},
             summary="Register a reconsideration or lawsuit")  # fmt: skip
def register_appeal(request, payload: AppealIn):
    agency = permissions.agencies_for(request.user).filter(code=payload.agency_code).first()
    if agency is None:
        return failure(400, {"agency_code": ["没有这个机关，或您无权查看。"]})
    form = AppealForm(form_data(payload), agency=agency)
    if not form.is_valid():
        return failure(400, {field: list(errors) for field, errors in form.errors.items()})
    try:
        case = workflow.register(agency, form.case_fields(), request.user,
                                 form.cleaned_data["applications"])  # fmt: skip
    except ValidationError as error:
        return failure(400, error.message_dict)
    except PermissionDenied:
        return failure(403, {"__all__": ["您的角色无权登记此机关的案件。"]})
    return Status(201, appeal_detail(case))


def form_data(payload: AppealIn) -> dict:
    """The API's names mapped onto the page's form."""
    return payload.dict(exclude={"agency_code", "prior_review_id", "application_numbers",
                                 "entry_index_no"}) | {
        "prior_review": payload.prior_review_id or "",
        "applications": " ".join(payload.application_numbers),
        "entry": payload.entry_index_no,
    }  # fmt: skip


@router.post("/{appeal_id}/decision", response={200: AppealDetail, 400: Errors, 403: Errors},
             summary="Record the decision of a pending case")  # fmt: skip
def record_decision(request, appeal_id: int, payload: DecisionIn):
    case = get_object_or_404(visible_appeals(request.user), pk=appeal_id)
    form = DecisionForm(payload.dict())
    if not form.is_valid():
        return failure(400, {field: list(errors) for field, errors in form.errors.items()})
    try:
        case = workflow.perform(case, "decide", request.user, **form.cleaned_data)
    except workflow.WorkflowError as error:
        return failure(400, {"__all__": [str(error)]})
    except ValidationError as error:
        return failure(400, error.message_dict)
    except PermissionDenied:
        return failure(403, {"__all__": ["您的角色无权更改此案件。"]})
    return Status(200, appeal_detail(case))
