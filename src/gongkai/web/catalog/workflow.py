"""The one engine that changes catalogue entries, like applications/workflow.py: one
transaction, the row locked, the transition and the role checked, an EntryEvent appended."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.statute.index_numbers import make_index_number
from gongkai.web.agencies import permissions
from gongkai.web.catalog.models.entries import (
    DisclosureMode,
    Entry,
    EntryEvent,
    EntryState,
    IndexCounter,
    Review,
    Validity,
)
from gongkai.web.catalog.states import TRANSITIONS
from gongkai.web.catalog.timeliness import late_working_days
from gongkai.web.core import history
from gongkai.web.workcalendar.calendar import current_calendar

TRACKED = ["state", "approval_position", "index_no", "published_on", "validity",
           "validity_changed_on", "disclosure_mode", "late_working_days"]  # fmt: skip


class WorkflowError(Exception):
    """A step the rules do not allow now; the message says why."""


def snapshot(entry: Entry) -> dict:
    return history.snapshot(entry, TRACKED)


def record(entry, actor, action, before: dict, comment: str = "") -> EntryEvent:
    return EntryEvent.objects.create(entry=entry, actor=actor, action=action,
                                     from_state=before.get("state", ""), to_state=entry.state,
                                     changes=history.differences(before, snapshot(entry)),
                                     comment=comment)  # fmt: skip


def chain(entry: Entry) -> list:
    return list(entry.agency.approval_steps.all())


def perform(entry: Entry, action: str, actor, **params) -> Entry:
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise WorkflowError(_("Unknown action: %(action)s") % {"action": action})
    with transaction.atomic():
        # The entry's row only: FOR UPDATE of the joined agency row too would block every
        # insert that refers to the agency (a bulk import's entries) and deadlock with it.
        entries = Entry.objects.select_for_update(of=("self",)).select_related("agency")
        entry = entries.get(pk=entry.pk)
        if entry.state not in transition.sources:
            raise WorkflowError(
                _("“%(action)s” is not possible while the entry is “%(state)s”.")
                % {"action": transition.label, "state": entry.get_state_display()}
            )
        check_permission(entry, transition, actor)
        before = snapshot(entry)
        action_name = EFFECTS[action](entry, actor, params) or action
        entry.save()
        record(entry, actor, action_name, before, params.get("comment", ""))
    return entry


def check_permission(entry: Entry, transition, actor) -> None:
    if transition.permission is not None:
        allowed = permissions.can(actor, transition.permission, entry.agency)
    else:  # the current approval step's role (or the reviewer, while in review)
        allowed = actor.is_superuser or current_role(entry) in permissions.roles_at(
            actor, entry.agency
        )
    if not allowed:
        raise PermissionDenied


def current_role(entry: Entry) -> str | None:
    if entry.state == EntryState.IN_REVIEW:
        return "reviewer"
    steps = chain(entry)
    return steps[entry.approval_position].role if entry.approval_position < len(steps) else None


def submit(entry, actor, params):
    entry.state = EntryState.IN_REVIEW


def review(entry, actor, params):
    # 第十七条: nothing is published before its confidentiality review.
    passed = bool(params.get("passed"))
    mode = params.get("disclosure_mode") or entry.disclosure_mode
    if params.get("involves_secrets") and mode == DisclosureMode.PROACTIVE:
        raise WorkflowError(_("Information involving state secrets cannot be made public."))
    Review.objects.create(entry=entry, reviewer=actor, passed=passed, disclosure_mode=mode,
                          involves_secrets=bool(params.get("involves_secrets")),
                          involves_third_party=bool(params.get("involves_third_party")),
                          comment=params.get("comment", ""))  # fmt: skip
    if not passed:
        entry.state = EntryState.DRAFT
        return "return"
    entry.disclosure_mode, entry.state, entry.approval_position = mode, EntryState.IN_APPROVAL, 0
    return advance(entry, actor) or "review"


def approve(entry, actor, params):
    entry.approval_position += 1
    return advance(entry, actor) or "approve"


def advance(entry, actor) -> str | None:
    """Publish once the last step of the chain has approved."""
    if entry.approval_position < len(chain(entry)):
        return None
    publish(entry)
    return "publish"


def publish(entry: Entry, on=None) -> None:
    """Publish today, or on the day another workflow recorded its approval (`on`)."""
    today = on or timezone.localdate()
    entry.state, entry.published_on = EntryState.PUBLISHED, today
    if not entry.index_no:
        entry.index_no = next_index_number(entry.agency, today.year)
    entry.late_working_days = late_working_days(entry.generated_on, today, current_calendar())


def next_index_number(agency, year: int) -> str:
    """The agency's next 索引号 of the year, unique under concurrent publication and never
    one that an imported entry already has (legacy_import.py)."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                IndexCounter.objects.get_or_create(agency=agency, year=year)
            break
        except IntegrityError:  # another publication created the counter first
            continue
    counter = IndexCounter.objects.select_for_update().get(agency=agency, year=year)
    number = None
    while number is None or Entry.objects.filter(index_no=number).exists():
        counter.last += 1
        number = make_index_number(agency.code, year, counter.last)
    counter.save(update_fields=["last"])
    return number


def return_for_revision(entry, actor, params):
    if not params.get("comment"):
        raise WorkflowError(_("Say what must be revised."))
    entry.state, entry.approval_position = EntryState.DRAFT, 0


def withdraw(entry, actor, params):
    entry.state = EntryState.WITHDRAWN


def change_validity(entry, actor, params):
    validity = params.get("validity")
    if validity not in {Validity.EXPIRED, Validity.REPEALED}:
        raise WorkflowError(_("Choose expired or repealed."))
    entry.validity = validity
    entry.validity_changed_on = params.get("on") or timezone.localdate()


EFFECTS = {
    "submit": submit,
    "review": review,
    "approve": approve,
    "return": return_for_revision,
    "withdraw": withdraw,
    "change_validity": change_validity,
}
assert set(EFFECTS) == set(TRANSITIONS), "every transition needs an effect"
