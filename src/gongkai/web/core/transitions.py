"""A step of a workflow declared as data: which states it starts from, the state it leads to,
and the action (roles.py) a person needs to take it. The applications' and the annual
reports' states.py list their steps with `transition()`; each app's workflow.py applies them.
"""

from dataclasses import dataclass

from gongkai.web.agencies.roles import Action


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset[str]
    target: str | None  # None: the state does not change
    permission: Action | None  # None: the workflow's own rule decides (a sign-off step's role)


def transition(
    action, label, sources, target, permission: Action | None = Action.HANDLE
) -> Transition:
    return Transition(action, label, frozenset(sources), target, permission)


def available(transitions: dict[str, Transition], state: str) -> list[Transition]:
    """The steps that may be taken from `state`, in the order they are declared."""
    return [t for t in transitions.values() if state in t.sources]
