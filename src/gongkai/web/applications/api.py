"""JSON API for applications: public submission and tracking, and staff endpoints.

Submission validates with the very same form as the web page, so the rules cannot drift;
errors come back per field, in Chinese.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from gongkai.web.agencies.models import Agency
from gongkai.web.applications import tokens, workflow
from gongkai.web.applications.action_forms import action_form, action_params
from gongkai.web.applications.forms import (
    COMMON_FIELDS,
    ApplicationForm,
    online_application_fields,
)
from gongkai.web.applications.models import Application
from gongkai.web.applications.query_code import normalised as normalised_code
from gongkai.web.applications.ratelimit import allow_submission
from gongkai.web.applications.results import public_result
from gongkai.web.applications.staff import NEXT_DATE, visible_cases
from gongkai.web.applications.states import OPEN_STATES, TRANSITIONS
from gongkai.web.applications.waiting import WAITS

router = Router(tags=["applications"])
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000  # beyond any agency's cases; a larger one would overflow the database


class ApplicationIn(Schema):
    agency_code: str
    applicant_type: str
    name: str
    identity_type: str = ""
    identity_number: str = ""
    org_code: str = ""
    representative: str = ""
    contact_person: str = ""
    phone: str
    email: str = ""
    address: str = ""
    postal_code: str = ""
    description: str
    form_requested: str
    delivery: str
    submission_token: str | None = Field(
        None,
        max_length=tokens.MAX_LENGTH,
        description="重试时原样再次提交：只保存一份申请；已用于另一份申请的令牌被拒绝（409）",
    )


class Receipt(Schema):
    query_code: str
    number: str
    received_on: date
    due_date: date
    due_date_provisional: bool


class Errors(Schema):
    errors: dict[str, list[str]]


class LetterSent(Schema):
    title: str
    number: str
    issued_on: date


class CaseStatus(Schema):
    query_code: str
    number: str
    agency: str
    state: str
    state_label: str
    received_on: date
    due_date: date | None = Field(
        description="答复期限；等待补正、征求意见或缴费期间没有答复期限（null）"
    )
    due_date_provisional: bool
    waiting_for: str | None = Field(
        None, description="等待的事项：补正后的申请、被征求意见方的意见或缴费"
    )
    waiting_since: date | None = None
    waiting_until: date | None = Field(None, description="补正期限、征求意见的答复期限或缴费期限")
    decided_on: date | None
    closed_on: date | None
    result: str | None = Field(None, description="办理结果（答复或办结后）：予以公开、部分公开……")
    result_explained: str | None = Field(None, description="办理结果的说明")
    letters: list[LetterSent] = Field(
        default_factory=list,
        description="向申请人发出的文书（在查询页面输入电话或证件号码的最后四位后下载）",
    )


class ActionIn(Schema):
    """The fields an action asks for (see the case page); the others are ignored."""

    on: date | None = None
    note: str | None = None
    reason: str | None = None
    outcome: str | None = None
    granted_kind: str | None = None
    days: int | None = None
    kind: str | None = None
    party: str | None = None
    method: str | None = None
    quantity: int | None = None
    variant: str | None = None
    interest: str | None = None
    correction_due: date | None = None
    provided_content: str | None = None
    withheld_content: str | None = None
    provision_method: str | None = None
    access_method: str | None = None
    legal_basis: str | None = None
    responsible_agency: str | None = None
    previous_reply: str | None = None
    publication: str | None = None


class CaseOut(CaseStatus):
    id: int
    applicant_type: str
    name: str
    description: str
    outcome: str


def failure(status: int, field: str, *messages: str) -> Status:
    return Status(status, {"errors": {field: list(messages)}})


def form_failure(form) -> Status:
    return Status(400, {"errors": {field: list(errors) for field, errors in form.errors.items()}})


def receipt_of(case: Application) -> dict:
    return {"query_code": case.query_code, "number": case.number,
            "received_on": case.received_on, "due_date": case.due_on,
            "due_date_provisional": case.due_provisional}  # fmt: skip


def status_of(case: Application) -> dict:
    open_case = case.state in OPEN_STATES
    wait = WAITS.get(case.state)
    return waiting_of(case, wait) | {
        "query_code": case.query_code, "number": case.number, "agency": case.agency.name,
        "state": case.state, "state_label": str(case.get_state_display()),
        "received_on": case.received_on, "due_date": case.due_on if open_case else None,
        "due_date_provisional": open_case and case.due_provisional,
        "decided_on": case.decided_on, "closed_on": case.closed_on,
    }  # fmt: skip


def waiting_of(case: Application, wait) -> dict:
    if wait is None:
        return {}
    return {"waiting_for": str(wait.awaited), "waiting_since": case.waiting_since,
            "waiting_until": case.waiting_until}  # fmt: skip


@router.post("", response={201: Receipt, 400: Errors, 409: Errors, 429: Errors}, auth=None,
             summary="Submit a disclosure application")  # fmt: skip
def submit_application(request, payload: ApplicationIn):
    agency = Agency.objects.filter(code=payload.agency_code).first()
    if agency is None:
        return failure(400, "agency_code", "没有这个机关。")
    form = ApplicationForm(payload.dict(include=set(COMMON_FIELDS)))
    if not form.is_valid():
        return form_failure(form)
    if not allow_submission(request):
        return failure(429, "__all__", "提交过于频繁，请稍后再试。")
    fields = online_application_fields(form.cleaned_data)
    try:
        case = workflow.submit(agency, fields, token=payload.submission_token)
    except tokens.TokenRefused as error:
        return failure(409, "submission_token", str(error))
    return Status(201, receipt_of(case))


@router.get("/track/{query_code}", response=CaseStatus, auth=None,
            summary="Where an application stands (no personal data)")  # fmt: skip
def track_application(request, query_code: str):
    case = get_object_or_404(Application.objects.select_related("agency"),
                             query_code=normalised_code(query_code))  # fmt: skip
    return status_of(case) | public_result(case)


@router.get("", response=list[CaseOut], auth=django_auth, summary="Cases of my agencies")
def list_applications(
    request,
    state: str | None = Query(None, max_length=24),
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    cases = visible_cases(request.user).order_by(NEXT_DATE, "id")
    if state:
        cases = cases.filter(state=state)
    return [case_out(case) for case in cases[offset : offset + limit]]


def case_out(case: Application) -> dict:
    return status_of(case) | {"id": case.pk, "applicant_type": case.applicant_type,
                              "name": case.name, "description": case.description,
                              "outcome": case.outcome}  # fmt: skip


@router.post("/{case_id}/actions/{action}", response={200: CaseOut, 400: Errors, 403: Errors},
             auth=django_auth, summary="Take a step of the procedure")  # fmt: skip
def act(request, case_id: int, action: str, payload: ActionIn):
    case = get_object_or_404(visible_cases(request.user), pk=case_id)
    if action not in TRANSITIONS:
        return failure(400, "action", f"未知操作：{action}")
    given = payload.dict(exclude_none=True)
    form = action_form(action, {f"{action}-{name}": value for name, value in given.items()})
    if not form.is_valid():
        return form_failure(form)
    try:
        case = workflow.perform(case, action, request.user, **action_params(form))
    except workflow.WorkflowError as error:
        return failure(400, "__all__", str(error))
    except PermissionDenied:
        return failure(403, "__all__", "您的角色无权进行此项操作。")
    return Status(200, case_out(case))
