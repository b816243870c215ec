"""The one place an interpretation changes: drafted, edited, published, withdrawn — each
change checked against the agency's permissions and recorded in its history."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.catalog.models.entries import DisclosureMode, EntryState
from gongkai.web.interpretations.models import Interpretation, State, promised_working_days
from gongkai.web.interpretations.timeliness import due_on, late_working_days
from gongkai.web.workcalendar.calendar import current_calendar

# Drafting is casework; publishing goes out in the agency's name, after a reviewer's look.
PERMISSIONS = {"create": Action.HANDLE, "edit": Action.HANDLE, "publish": Action.REVIEW,
               "withdraw": Action.REVIEW}  # fmt: skip

EVENT_LABELS = {
    "create": gettext_lazy("Drafted"),
    "edit": gettext_lazy("Edited"),
    "schedule": gettext_lazy("Approved: goes out with the document"),
    "publish": gettext_lazy("Published"),
    "withdraw": gettext_lazy("Withdrawn from publication"),
}


class WorkflowError(Exception):
    """A step the interpretation's state does not allow now (the message says why)."""


def record(interpretation: Interpretation, actor, action: str, note: str = "") -> None:
    interpretation.events.create(actor=actor, action=action, note=note)


@transaction.atomic
def create(agency, actor, **fields) -> Interpretation:
    permissions.require(actor, PERMISSIONS["create"], agency)
    interpretation = Interpretation(agency=agency, created_by=actor, **fields)
    interpretation.full_clean()
    interpretation.save()
    record(interpretation, actor, "create")
    return interpretation


def locked(interpretation: Interpretation) -> Interpretation:
    return Interpretation.objects.select_for_update().get(pk=interpretation.pk)


@transaction.atomic
def edit(interpretation: Interpretation, actor, **fields) -> Interpretation:
    permissions.require(actor, PERMISSIONS["edit"], interpretation.agency)
    current = locked(interpretation)
    if current.state != State.DRAFT:
        raise WorkflowError(_("Only a draft can be edited; withdraw it and write a new one."))
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    for name, value in fields.items():
        setattr(current, name, value)
    current.full_clean()
    current.save()
    record(current, actor, "edit", "、".join(changed))
    return current


# A document on its way to publication: an interpretation approved now goes out with it.
COMING = frozenset({EntryState.DRAFT, EntryState.IN_REVIEW, EntryState.IN_APPROVAL})


@transaction.atomic
def publish(interpretation: Interpretation, actor, on: date | None = None) -> Interpretation:
    """Publish on `on` (today); an interpretation of a document not yet public waits for it
    and goes out the day the document does (同步发布)."""
    permissions.require(actor, PERMISSIONS["publish"], interpretation.agency)
    current = locked(interpretation)
    if current.state != State.DRAFT:
        raise WorkflowError(_("Only a draft can be published."))
    on, entry = on or timezone.localdate(), current.entry
    if entry is not None and entry.state in COMING:
        current.state = State.READY
        current.save()
        record(current, actor, "schedule")
        return current
    if entry is not None and (entry.state != EntryState.PUBLISHED or entry.published_on > on):
        raise WorkflowError(_("The document is not public: its interpretation cannot be."))
    make_public(current, on)
    record(current, actor, "publish")
    return current


def make_public(interpretation: Interpretation, on: date) -> None:
    interpretation.state, interpretation.published_on = State.PUBLISHED, on
    entry = interpretation.entry
    if entry is not None:
        calendar = current_calendar()
        due = due_on(entry.published_on, promised_working_days(entry.agency), calendar)
        interpretation.late_working_days = late_working_days(due, on, calendar)
    interpretation.save()


def publish_with_document(sender, instance, **kwargs) -> None:
    """post_save of a catalogue entry: once it is public, so are the interpretations that
    waited for it — in the same transaction as its publication."""
    withheld = instance.disclosure_mode == DisclosureMode.WITHHELD
    if instance.state != EntryState.PUBLISHED or withheld:
        return
    with transaction.atomic():  # an entry may be saved outside one (imports, scripts)
        waiting = Interpretation.objects.select_for_update().filter(
            entry=instance, state=State.READY
        )
        for interpretation in waiting:
            make_public(interpretation, instance.published_on)
            record(interpretation, None, "publish", _("Published with the document."))


@transaction.atomic
def withdraw(interpretation: Interpretation, actor, reason: str) -> Interpretation:
    permissions.require(actor, PERMISSIONS["withdraw"], interpretation.agency)
    current = locked(interpretation)
    if current.state not in (State.PUBLISHED, State.READY):
        raise WorkflowError(_("Only a published interpretation can be withdrawn."))
    if not reason.strip():
        raise WorkflowError(_("Say why it is withdrawn."))
    current.state = State.WITHDRAWN
    current.save()
    record(current, actor, "withdraw", reason)
    return current
