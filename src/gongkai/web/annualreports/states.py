"""The life of an annual report as data: draft → submitted → approved by the head → published.

条例第四十九条 puts publication on the agency; its head (负责人) approves what is published.
A published report is frozen: a correction reopens the working copy with a stated reason and
publishes a new version. `workflow.py` is the one engine that applies these transitions.
"""

from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.roles import Action
from gongkai.web.annualreports.models import ReportState
from gongkai.web.core.transitions import Transition, available, transition

S = ReportState


TRANSITIONS = {
    t.action: t
    for t in (
        transition("compile", _("Count the figures again from the records"), {S.DRAFT}, None),
        transition("edit", _("Save the text"), {S.DRAFT}, None),
        transition("submit", _("Submit for approval"), {S.DRAFT}, S.SUBMITTED),
        transition("return", _("Return for revision"), {S.SUBMITTED}, S.DRAFT, Action.APPROVE),
        transition("approve", _("Approve and publish"), {S.SUBMITTED}, S.APPROVED,
                   Action.APPROVE),
        transition("correct", _("Correct the published report"), {S.PUBLISHED}, S.DRAFT,
                   Action.APPROVE),
    )
}  # fmt: skip

# Events that are not actions of a person on the working copy.
EVENT_LABELS = {
    "create": _("Report started"),
    "publish": _("Published"),
    "import": _("Imported a published report"),
}


def available_transitions(state: str) -> list[Transition]:
    return available(TRANSITIONS, state)
