"""The life of a disclosure application as data: states, and the actions that move it.

条例第三十条至第三十四条 and the fee rules define the steps; `workflow.py` is the one engine
that applies them. An action not listed for a state is refused. An answer is drafted, goes
through the agency's sign-off chain (signoff.py: 审核 → 签发, as the agency configures it) and
is then issued; an agency without a chain issues in one step ("decide").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.roles import Action
from gongkai.web.core.transitions import Transition, available, transition


class State(models.TextChoices):
    RECEIVED = "received", _("Being handled")
    AWAITING_CORRECTION = "awaiting_correction", _("Awaiting correction")
    CONSULTING = "consulting", _("Consultation (clock paused)")
    AWAITING_PAYMENT = "awaiting_payment", _("Awaiting fee payment (clock paused)")
    IN_SIGN_OFF = "in_sign_off", _("Answer drafted, in sign-off")
    SIGNED = "signed", _("Answer signed, to be issued")
    DECIDED = "decided", _("Answered")
    CLOSED = "closed", _("Closed")


# The answer period runs (第三十三条) while the agency works on the case, its draft answer
# being signed off included: the answer date is the day the answer is issued.
CLOCK_RUNNING = frozenset({State.RECEIVED, State.IN_SIGN_OFF, State.SIGNED})
# Waiting for someone else, with a time limit of its own (waiting.py). There is no answer
# deadline meanwhile: 补正 starts the period again from the corrected application (第三十条);
# consultation and the fee window are not counted (第三十三条第三款).
WAITING_STATES = frozenset({State.AWAITING_CORRECTION, State.CONSULTING,
                            State.AWAITING_PAYMENT})  # fmt: skip
PAUSED_STATES = frozenset({State.CONSULTING, State.AWAITING_PAYMENT})
OPEN_STATES = CLOCK_RUNNING | WAITING_STATES
SIGN_OFF_STATES = frozenset({State.IN_SIGN_OFF, State.SIGNED})


TRANSITIONS = {
    t.action: t
    for t in (
        # 第三十条: one notice, within 7 working days of receipt.
        transition("request_correction", _("Request a correction"), {State.RECEIVED},
                   State.AWAITING_CORRECTION),
        # 第三十条: the answer period runs from the receipt of the corrected application.
        transition("receive_correction", _("Record the corrected application"),
                   {State.AWAITING_CORRECTION}, State.RECEIVED),
        transition("abandon_correction", _("Close: not corrected in time"),
                   {State.AWAITING_CORRECTION}, State.CLOSED),
        # 第三十二条、第三十四条: consultation time is not counted (第三十三条第三款).
        transition("start_consultation", _("Consult a third party or agency"), {State.RECEIVED},
                   State.CONSULTING),
        transition("end_consultation", _("End the consultation"), {State.CONSULTING},
                   State.RECEIVED),
        # 第三十三条第二款: approved by the head of the OGI office.
        transition("extend", _("Extend the deadline"),
                   {State.RECEIVED, State.CONSULTING, *SIGN_OFF_STATES}, None, Action.APPROVE),
        transition("send_fee_notice", _("Send a fee notice"), {State.RECEIVED},
                   State.AWAITING_PAYMENT),
        transition("record_payment", _("Record the payment"), {State.AWAITING_PAYMENT},
                   State.RECEIVED),
        transition("abandon_payment", _("Close: fee not paid in time"), {State.AWAITING_PAYMENT},
                   State.CLOSED),
        # One step: where the agency has no sign-off chain, or the signer of a one-step chain.
        transition("decide", _("Decide and answer"), {State.RECEIVED}, State.DECIDED,
                   Action.REVIEW),
        # The agency's sign-off chain (signoff.py): the clerk drafts the decision and its
        # letter, each step's role checks or signs (签发), then the letter is issued. The
        # clock keeps running until the issue. None: the current step's role decides.
        transition("draft_decision", _("Draft the answer for sign-off"), {State.RECEIVED},
                   State.IN_SIGN_OFF),
        transition("approve_draft", _("Approve the draft"), {State.IN_SIGN_OFF}, None, None),
        transition("return_draft", _("Return the draft for revision"), {State.IN_SIGN_OFF},
                   State.RECEIVED, None),
        transition("issue", _("Issue the signed answer"), {State.SIGNED}, State.DECIDED),
        transition("close", _("Close the case"), {State.DECIDED}, State.CLOSED),
        transition("withdraw", _("Close: withdrawn by the applicant"), OPEN_STATES,
                   State.CLOSED),
    )
}  # fmt: skip

# Closing without a decision puts the case in one of the （六）其他处理 rows.
CLOSING_OUTCOMES = {
    "abandon_correction": "other.no_correction",
    "abandon_payment": "other.no_fee",
    "withdraw": "other.other",
}


# Events that are not actions of a person.
EVENT_LABELS = {
    "submit": _("Application received"),
    "recalculate": _("Deadline recalculated"),
    "view_personal_data": _("Personal data viewed"),
    "export_personal_data": _("Personal data exported for the applicant"),
    "purge_applicant_details": _("Personal data masked: retention period ended"),
    "purge_applicant_attachments": _("Attachments deleted: retention period ended"),
    "waiting_passed": _("Waiting time passed"),
    "applicant_notified": _("Applicant notified by e-mail"),  # applicant_mail.py
    "applicant_downloaded": _("Letter downloaded by the applicant"),  # public.py
    "from_mailbox": _("Turned from a mailbox question"),  # mailbox/conversion.py
}


def available_transitions(state: State) -> list[Transition]:
    return available(TRANSITIONS, state)
