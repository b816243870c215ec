"""The life of a catalogue entry as data: draft → 保密审查 → approval chain → published.

第十七条 requires the confidentiality review; the approval chain is each agency's own
(ApprovalStep rows). `workflow.py` is the one engine that applies these transitions.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.roles import Action
from gongkai.web.catalog.models.entries import EntryState

S = EntryState


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset[str]
    permission: Action | None  # None: the approval step's own role decides


def transition(action, label, sources, permission) -> Transition:
    return Transition(action, label, frozenset(sources), permission)


TRANSITIONS = {
    t.action: t
    for t in (
        transition("submit", _("Send for confidentiality review"), {S.DRAFT}, Action.HANDLE),
        transition("review", _("Record the confidentiality review"), {S.IN_REVIEW}, Action.REVIEW),
        transition("approve", _("Approve"), {S.IN_APPROVAL}, None),
        transition("return", _("Return for revision"), {S.IN_REVIEW, S.IN_APPROVAL}, None),
        transition("withdraw", _("Withdraw from publication"), {S.PUBLISHED}, Action.APPROVE),
        transition("change_validity", _("Mark as expired or repealed"), {S.PUBLISHED},
                   Action.APPROVE),
    )
}  # fmt: skip

# Events that are not workflow actions.
EVENT_LABELS = {
    "create": _("Drafted"),
    "edit": _("Edited"),
    "publish": _("Published"),
    "supersede": _("Superseded by a newer version"),
    "channel": _("Published on another channel"),
    "attach": _("Files attached"),
    "import": _("Imported from the previous catalogue"),
    "registry_ended": _("Validity changed: the document was repealed or lapsed"),
    "registry_restored": _("Validity restored: the registry no longer records an end"),
}
