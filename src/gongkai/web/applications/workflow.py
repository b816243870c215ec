"""The one engine that changes applications: submit, then perform actions from states.py.

Each change runs in one transaction with the case row locked, refuses what the state or the
user's role does not allow (with a message the user can act on), recomputes the deadline and
appends an Event with before/after values. Nothing else writes to an application.
"""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.statute.clock import correction_notice_due, regime_for
from gongkai.statute.fees import FeeMethod, processing_fee
from gongkai.web.agencies import permissions
from gongkai.web.applications import letters, signoff, tokens, waiting
from gongkai.web.applications.deadlines import refresh_deadline
from gongkai.web.applications.errors import WorkflowError
from gongkai.web.applications.models import (
    Application,
    Attachment,
    ClockPause,
    Event,
    NumberCounter,
)
from gongkai.web.applications.states import CLOSING_OUTCOMES, OPEN_STATES, TRANSITIONS
from gongkai.web.core import history
from gongkai.web.privacy.masking import APPLICANT_FIELDS, masked
from gongkai.web.workcalendar.calendar import current_calendar

TRACKED = [f.name for f in Application._meta.fields if f.name not in {"id", "submitted_at"}]


def snapshot(application: Application) -> dict:
    """The tracked fields for the history, personal data masked: the history is append-only,
    so what it holds outlives the retention period (privacy/retention.py) — it keeps masked
    values only, and the application's own fields hold the data until it is purged."""
    return masked(history.snapshot(application, TRACKED), APPLICANT_FIELDS)


def next_number(agency, year: int) -> str:
    """The agency's next case number of the year, e.g. 2026-0007, under a row lock."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                counter, _created = NumberCounter.objects.get_or_create(agency=agency, year=year)
            break
        except IntegrityError:  # another request created the counter first
            continue
    counter = NumberCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{year}-{counter.last:04d}"


def submit(agency, fields: dict, actor=None, token: str | None = None, files=()) -> Application:
    """Register a new application. A retry under the same submission token returns the first
    one; another submission under it raises tokens.TokenRefused."""
    token = tokens.usable(token)
    if existing := tokens.earlier_submission(token, agency, fields):
        return existing
    try:
        with transaction.atomic():
            application = _create(agency, fields, actor, token)
            for upload in files:
                Attachment.objects.create(application=application, file=upload,
                                          name=upload.name[:200], size=upload.size,
                                          content_type=upload.content_type)  # fmt: skip
            return application
    except IntegrityError:  # the same token, submitted at the same moment
        if existing := tokens.earlier_submission(token, agency, fields):
            return existing
        raise


def _create(agency, fields: dict, actor, token: str | None) -> Application:
    received_on = fields["received_on"]
    application = Application(agency=agency, submission_token=token, **fields)
    application.first_received_on = received_on
    application.number = next_number(agency, received_on.year)
    refresh_deadline(application)
    application.save()
    actor = actor if actor and actor.is_authenticated else None
    changes = history.differences({}, snapshot(application))
    changes |= issue_letter(application, "submit", {}, received_on, actor)
    Event.objects.create(application=application, actor=actor, action="submit",
                         to_state=application.state, changes=changes)  # fmt: skip
    return application


def perform(application: Application, action: str, actor, **params) -> Application:
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise WorkflowError(_("Unknown action: %(action)s") % {"action": action})
    with transaction.atomic():
        case = Application.objects.select_for_update().get(pk=application.pk)
        if case.state not in transition.sources:
            raise WorkflowError(
                _("“%(action)s” is not possible while the case is “%(state)s”.")
                % {"action": transition.label, "state": case.get_state_display()}
            )
        if actor is not None:
            check_allowed(case, transition, actor)
        before, today = snapshot(case), action_date(case, params)
        note = EFFECTS[action](case, params | {"actor": actor}, today) or ""
        if transition.target is not None:
            case.state = transition.target
        if action in CLOSING_OUTCOMES:
            case.outcome, case.closed_on = CLOSING_OUTCOMES[action], today
            end_open_pauses(case, today)
            signoff.void(case)
        if case.state in OPEN_STATES:
            refresh_deadline(case)
        case.save()
        changes = history.differences(before, snapshot(case)) | issue_letter(
            case, action, params, today, actor
        )
        Event.objects.create(application=case, actor=actor, action=action,
                             from_state=before["state"], to_state=case.state, changes=changes,
                             note=join_notes(params.get("note"), note))  # fmt: skip
    return case


def check_allowed(case: Application, transition, actor) -> None:
    """The role's grant (roles.py), then the rules of the agency's sign-off chain."""
    if transition.permission is not None and not permissions.can(
        actor, transition.permission, case.agency
    ):
        raise PermissionDenied
    if (reason := signoff.refusal(case, transition.action, actor)) is not None:
        raise WorkflowError(reason)


def join_notes(*notes: str | None) -> str:
    """What staff wrote, then what the platform observed (a late notice, a fee breakdown)."""
    return "\n".join(note.strip() for note in notes if note and note.strip())


def issue_letter(case, action: str, params: dict, today: date, actor) -> dict:
    """The letter this step sends, if any; its number goes into the history."""
    kind = letters.letter_kind(action, params)
    if kind is None:
        return {}
    try:
        letter = letters.issue(case, kind, today, letter_params(case, action, params, today), actor,
                               signer=signoff.signer(case, action, actor))  # fmt: skip
    except letters.LetterIncomplete as error:
        raise WorkflowError(str(error)) from None
    return {"letter": [None, letter.number]}


def letter_params(case, action: str, params: dict, today: date) -> dict:
    """What the step's form gave, named as the letter names it."""
    note = (params.get("note") or "").strip()
    if action == "request_correction":
        items = [line.strip() for line in note.splitlines() if line.strip()]
        return {"correction_items": items, "correction_due": case.waiting_until}
    if action == "extend":
        return {"extension_reason": note}
    if action == "send_fee_notice":
        payment = params.get("payment_method") or letters.DEFAULT_PAYMENT
        return {"fee_method": case.fee_method, "fee_quantity": case.fee_quantity,
                "payment_method": payment}  # fmt: skip
    if action == "decide":
        return signoff.letter_params(params)
    if action == "issue":
        return signoff.letter_params(signoff.last_issued(case).params)
    return params


def action_date(case: Application, params: dict) -> date:
    """When the step happened: today unless staff record it late; never in the future."""
    on = params.get("on") or timezone.localdate()
    if on > timezone.localdate():
        raise WorkflowError(_("The date cannot be in the future."))
    if on < case.received_on and not params.get("allow_before_receipt"):
        raise WorkflowError(_("The date cannot be before the receipt date."))
    return on


def end_open_pauses(case: Application, day: date) -> None:
    case.pauses.filter(last_day__isnull=True).update(last_day=day)


def request_correction(case, params, today) -> str:
    # 第三十条: the notice is due within 7 working days of receipt; later ones are recorded.
    given = params.get("correction_due")
    if given is not None and given <= today:
        raise WorkflowError(_("The date to correct by must be after the day of the notice."))
    case.waiting_since = today
    case.waiting_until = given or waiting.correction_due(today, current_calendar())
    due = correction_notice_due(case.received_on)
    if today > due:
        return _("Correction requested after the 7-working-day limit of Article 30 (%(due)s).") % {
            "due": due.isoformat()
        }
    return ""


def receive_correction(case, params, today) -> str:
    # 第三十条: the answer period runs from the receipt of the corrected application.
    case.received_on = today
    return ""


def start_consultation(case, params, today) -> str:
    kind = params.get("kind", "third_party")
    if kind not in {"third_party", "agency"}:
        raise WorkflowError(_("Consult either a third party or another agency."))
    ClockPause.objects.create(application=case, kind=kind, first_day=today,
                              party=params.get("party", ""))  # fmt: skip
    case.waiting_since = today
    return ""


def end_consultation(case, params, today) -> str:
    end_open_pauses(case, today)
    return ""


def extend(case, params, today) -> str:
    days = int(params.get("days", 0))
    limit = regime_for(case.received_on).max_extension_days
    if case.extension_days:
        raise WorkflowError(_("The deadline has already been extended once."))
    if not 1 <= days <= limit:
        raise WorkflowError(_("An extension is 1 to %(limit)s working days.") % {"limit": limit})
    case.extension_days = days
    return ""


def send_fee_notice(case, params, today) -> str:
    method = FeeMethod(params.get("method", FeeMethod.PER_PAGE))
    fee = processing_fee(method, int(params.get("quantity", 0)))
    if fee.amount == 0:
        raise WorkflowError(_("The quantity is within the free allowance: no fee is due."))
    case.fee_method, case.fee_quantity, case.fee_amount = method.value, fee.quantity, fee.amount
    case.fee_notice_on = case.waiting_since = today
    ClockPause.objects.create(application=case, kind="fee", first_day=today)
    return "\n".join(fee.explain())


def record_payment(case, params, today) -> str:
    case.fee_paid_on = today
    end_open_pauses(case, today)
    return ""


def decide(case, params, today) -> str:
    """One-step issuing: the answer is decided, signed and issued at once (signoff.py)."""
    signoff.answer(case, params, today)
    return ""


def abandon(case, params, today) -> str:
    waiting.refuse_closing_early(case, today)
    return ""


def close(case, params, today) -> str:
    case.closed_on = today
    return ""


def nothing(case, params, today) -> str:
    return ""


EFFECTS: dict[str, Callable] = {
    "request_correction": request_correction,
    "receive_correction": receive_correction,
    "abandon_correction": abandon,
    "start_consultation": start_consultation,
    "end_consultation": end_consultation,
    "extend": extend,
    "send_fee_notice": send_fee_notice,
    "record_payment": record_payment,
    "abandon_payment": abandon,
    "decide": decide,
    "draft_decision": signoff.start_draft,
    "approve_draft": signoff.approve_step,
    "return_draft": signoff.return_for_revision,
    "issue": signoff.issue_signed,
    "close": close,
    "withdraw": nothing,
}
assert set(EFFECTS) == set(TRANSITIONS), "every transition needs an effect"
