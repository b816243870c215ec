"""What can be done to a reconsideration or litigation case, as data.

A case is pending until its decision is recorded, then decided; a recorded decision can be
corrected (with a reason) but not removed, so the history keeps every earlier value.
`workflow.py` is the one engine that applies these steps; a step not open in a case's stage
is refused.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.roles import Action


class Stage(StrEnum):
    PENDING = "pending"
    DECIDED = "decided"


@dataclass(frozen=True)
class Step:
    action: str
    label: str | Promise
    stages: frozenset[Stage]  # empty: the step creates the case
    permission: Action = Action.HANDLE


def step(action: str, label: Promise, *stages: Stage) -> Step:
    return Step(action, label, frozenset(stages))


STEPS: dict[str, Step] = {
    s.action: s
    for s in (
        step("register", _("Register the case")),
        step("edit", _("Edit the details"), Stage.PENDING, Stage.DECIDED),
        step("decide", _("Record the decision"), Stage.PENDING),
        step("correct_decision", _("Correct the recorded decision"), Stage.DECIDED),
        step("add_document", _("Add a document"), Stage.PENDING, Stage.DECIDED),
    )
}


def stage_of(appeal) -> Stage:
    return Stage.DECIDED if appeal.decided_on else Stage.PENDING


def available_steps(appeal) -> list[Step]:
    stage = stage_of(appeal)
    return [s for s in STEPS.values() if stage in s.stages]
