"""An agency's sign-off chain for answers, and the drafts that go through it.

The 答复书 is the agency's act. Agencies have it drafted by the OGI office's clerk, checked
(审核) and signed (签发) by whom they name, and only then issued. Each agency's chain is data
(DecisionStep rows, like the catalogue's ApprovalStep): default 审核 (reviewer) → 签发 (head).
An agency without steps issues in one step ("decide"), and so may the holder of the role of a
one-step chain. A draft keeps a copy of the chain it started with, so that changing the
chain does not move a draft under way; nobody takes two steps of one draft (four eyes). The
answer period runs until the issue, and the answer date is the issue date.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.letters import MissingField, compose, render_letter
from gongkai.statute.outcomes import DECISIONS, GRANTED_KINDS
from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Role
from gongkai.web.applications import letters
from gongkai.web.applications.errors import WorkflowError
from gongkai.web.applications.models import Application, DecisionDraft, DecisionStep
from gongkai.web.applications.states import State

DEFAULT_CHAIN = [("审核", Role.REVIEWER), ("签发", Role.HEAD)]
MAX_STEPS = 5
DRAFT_NUMBER = "（签发后编号）"  # a draft letter has no number until it is issued
Draft = DecisionDraft.Status


def chain(agency) -> list[DecisionStep]:
    return list(DecisionStep.objects.filter(agency=agency).order_by("position"))


def ensure_decision_chain(agency, steps=DEFAULT_CHAIN) -> list[DecisionStep]:
    """The agency's chain, created with `steps` if it has none."""
    if not DecisionStep.objects.filter(agency=agency).exists():
        return set_chain(agency, steps)
    return chain(agency)


@transaction.atomic
def set_chain(agency, steps) -> list[DecisionStep]:
    """Replace the agency's chain by `steps` ((label, role) pairs; none: issue in one step)."""
    DecisionStep.objects.filter(agency=agency).delete()
    for position, (label, role) in enumerate(steps):
        DecisionStep.objects.create(agency=agency, position=position, label=label, role=role)
    return chain(agency)


def current_draft(case: Application) -> DecisionDraft | None:
    under_way = case.decision_drafts.filter(status__in=[Draft.IN_SIGN_OFF, Draft.SIGNED])
    return under_way.order_by("-pk").first()


def holds(user, role: str, agency) -> bool:
    return user.is_superuser or role in permissions.roles_at(user, agency)


def took_part(draft: DecisionDraft, user) -> bool:
    signed = {signature["user"] for signature in draft.signatures}
    return user.pk == draft.drafted_by_id or user.pk in signed


def chain_text(steps) -> str:
    return " → ".join(step.label for step in steps)


# --- who may take which step --------------------------------------------------------------------


def refusal(case: Application, action: str, user) -> str | None:
    """Why the chain does not let `user` take `action` on `case` now, or None."""
    rule = RULES.get(action)
    return rule(case, user) if rule else None


def may_take(case: Application, transition, user) -> bool:
    """The step's grant (roles.py) and the chain's rules: what the case page offers."""
    if transition.permission is not None and not permissions.can(
        user, transition.permission, case.agency
    ):
        return False
    return refusal(case, transition.action, user) is None


def one_step_refusal(case: Application, user) -> str | None:
    steps = chain(case.agency)
    if not steps or (len(steps) == 1 and holds(user, steps[0].role, case.agency)):
        return None
    return _("This agency's answers are signed off (%(chain)s): draft the answer for sign-off.") % {
        "chain": chain_text(steps)
    }


def draft_refusal(case: Application, user) -> str | None:
    if not chain(case.agency):
        return _("This agency issues its answers in one step: decide and answer.")
    if one_step_refusal(case, user) is None:
        return _("You sign this agency's answers: decide and answer in one step.")
    return None


def sign_refusal(case: Application, user) -> str | None:
    draft = current_draft(case)
    if draft is None or draft.position >= len(draft.steps):
        return _("No draft awaits a sign-off step.")
    label, role = draft.steps[draft.position]
    if not holds(user, role, case.agency):
        return _("The draft awaits “%(step)s”, which your role does not take.") % {"step": label}
    if took_part(draft, user):
        return _("You have already taken part in this draft: someone else takes “%(step)s”.") % {
            "step": label
        }
    return None


def return_refusal(case: Application, user) -> str | None:
    draft = current_draft(case)
    if draft is None or draft.position >= len(draft.steps):
        return _("No draft awaits a sign-off step.")
    label, role = draft.steps[draft.position]
    if not holds(user, role, case.agency):
        return _("The draft awaits “%(step)s”, which your role does not take.") % {"step": label}
    return None


RULES = {
    "decide": one_step_refusal,
    "draft_decision": draft_refusal,
    "approve_draft": sign_refusal,
    "return_draft": return_refusal,
}


# --- the decision and its letter --------------------------------------------------------------


def decision_fields(params: dict) -> dict:
    """The case's fields an answer sets, from the decision form; refused if incomplete."""
    outcome = params.get("outcome")
    if outcome not in DECISIONS:
        raise WorkflowError(_("Choose one of the decisions of the annual report."))
    granted_kind = params.get("granted_kind", "")
    if outcome == "granted" and granted_kind not in GRANTED_KINDS:
        raise WorkflowError(_("Say whether the information was provided or already public."))
    return {"outcome": outcome, "granted_kind": granted_kind if outcome == "granted" else "",
            "decision_reason": params.get("reason", ""),
            "on_the_spot": bool(params.get("on_the_spot"))}  # fmt: skip


def answer(case: Application, params: dict, today: date) -> None:
    """Set the answer on the case: the day of issue is the answer date (第三十三条)."""
    for name, value in decision_fields(params).items():
        setattr(case, name, value)
    case.decided_on = today


def letter_params(params: dict) -> dict:
    """The decision form's values, named as the 答复书 names them."""
    fields = decision_fields(params)
    variant = fields["granted_kind"] or params.get("variant") or (
        "not_exist" if fields["outcome"] == "unable.not_held" else "")  # fmt: skip
    return params | {"decision": fields["outcome"], "variant": variant,
                     "reasons": params.get("reason", "")}  # fmt: skip


def draft_letter_data(case: Application, draft_params: dict, on: date) -> dict:
    """What the draft 答复书 says, as the letter will say it, without its number."""
    data = letters.snapshot(case, "decision", on, letter_params(draft_params))
    data["case"]["number"] = DRAFT_NUMBER
    return data


def check_letter(case: Application, draft_params: dict, on: date) -> None:
    try:
        compose(
            "decision", letters.context_of(draft_letter_data(case, draft_params, on), "decision")
        )
    except MissingField as error:
        raise WorkflowError(str(error)) from None


def render_draft(case: Application, draft: DecisionDraft, fmt: str) -> bytes:
    data = draft_letter_data(case, draft.params, draft.drafted_on)
    return render_letter("decision", letters.context_of(data, "decision"), fmt)


# --- the steps (workflow.EFFECTS) ---------------------------------------------------------------

STORED_PARAMS = frozenset({"actor", "on", "note"})  # the step's own, not the answer's


def start_draft(case: Application, params: dict, today: date) -> str:
    """The clerk drafts the answer; the chain as it stands now is the draft's."""
    answer_params = {k: v for k, v in params.items() if k not in STORED_PARAMS}
    decision_fields(answer_params)
    check_letter(case, answer_params, today)
    steps = [[step.label, step.role] for step in chain(case.agency)]
    if not steps:
        raise WorkflowError(_("This agency issues its answers in one step: decide and answer."))
    actor = params.get("actor")
    created = DecisionDraft.objects.create(
        application=case, outcome=answer_params["outcome"], params=letters.jsonable(answer_params),
        steps=steps, drafted_by=actor, drafted_on=today)  # fmt: skip
    point_at(case, created)
    return _("Sign-off: %(chain)s") % {"chain": " → ".join(label for label, _role in steps)}


def approve_step(case: Application, params: dict, today: date) -> str:
    draft = current_draft(case)
    label = draft.steps[draft.position][0]
    actor = params.get("actor")
    signature = {"step": label, "user": getattr(actor, "pk", None), "on": today.isoformat(),
                 "name": actor.get_full_name() if actor else ""}  # fmt: skip
    draft.signatures = [*draft.signatures, signature]
    draft.position += 1
    if draft.position >= len(draft.steps):
        draft.status, draft.signed_by = Draft.SIGNED, actor
        case.state = State.SIGNED
    draft.save(update_fields=["signatures", "position", "status", "signed_by"])
    point_at(case, draft)
    return label


def return_for_revision(case: Application, params: dict, today: date) -> str:
    draft = current_draft(case)
    label = draft.steps[draft.position][0]
    draft.status = Draft.RETURNED
    draft.save(update_fields=["status"])
    case.sign_off_step = case.sign_off_role = ""
    return label


def issue_signed(case: Application, params: dict, today: date) -> str:
    """The signed answer goes out: the case is answered today, the letter numbered today."""
    draft = current_draft(case)
    answer(case, draft.params, today)
    draft.status = Draft.ISSUED
    draft.save(update_fields=["status"])
    case.sign_off_step = case.sign_off_role = ""
    return ""


def void(case: Application) -> None:
    """The case closed while a draft was under way (withdrawn): the draft is not issued."""
    case.decision_drafts.filter(status__in=[Draft.IN_SIGN_OFF, Draft.SIGNED]).update(
        status=Draft.VOID
    )
    case.sign_off_step = case.sign_off_role = ""


def point_at(case: Application, draft: DecisionDraft) -> None:
    """The case shows the step its draft awaits, and the role that takes it."""
    if draft.position < len(draft.steps):
        case.sign_off_step, case.sign_off_role = draft.steps[draft.position]
    else:
        case.sign_off_step, case.sign_off_role = "", ""


def last_issued(case: Application) -> DecisionDraft | None:
    return case.decision_drafts.filter(status=Draft.ISSUED).order_by("-pk").first()


def signer(case: Application, action: str, actor):
    """签发人 of the letter this step issues: who decided in one step, or who signed the
    draft's last step."""
    if action == "decide":
        return actor
    if action == "issue":
        issued = last_issued(case)
        return issued.signed_by if issued else None
    return None
