"""A catalogue entry's 有效性 follows the registry of 规章 / 行政规范性文件.

When a document linked to an entry (`NormativeDocument.entry`) is repealed or lapses — a 废止
or 失效 `NormativeEvent` — the entry becomes 废止 / 失效 as of that event's date. When the event
is removed, or the document unlinked or deleted, the entry gets back the 有效性 it had before
the registry changed it (unless someone has changed it since). Every change is a step of the
entry's history ("registry_ended" / "registry_restored") naming the document, with the user
when known: the admin says who through `acting_as`. Signals on the registry's models apply it
whatever code changed the registry (connected by CatalogConfig.ready).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from gongkai.web.catalog.models.entries import Entry, EntryEvent, Validity
from gongkai.web.catalog.models.registry import (
    ENDING_EVENTS,
    EventKind,
    NormativeDocument,
    NormativeEvent,
)

ENDED, RESTORED = "registry_ended", "registry_restored"
VALIDITY = {EventKind.REPEALED: Validity.REPEALED, EventKind.LAPSED: Validity.EXPIRED}
FIELDS = ("validity", "validity_changed_on")
BEFORE, AFTER = 0, 1

_actor: ContextVar = ContextVar("registry_actor", default=None)


@contextmanager
def acting_as(user) -> Iterator[None]:
    """Registry changes made inside are recorded in entries' histories as `user`'s."""
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)


def follow_registry(entry_id: int | None) -> None:
    """Bring the entry's 有效性 in line with the documents linked to it."""
    if entry_id is None:
        return
    with transaction.atomic():
        entry = Entry.objects.select_for_update().filter(pk=entry_id).first()
        if entry is None:
            return
        ending = ending_event(entry)
        if ending is not None:
            values = (VALIDITY[EventKind(ending.kind)], ending.on)
            change(entry, values, ENDED, ending_note(ending))
        elif (values := values_before_registry(entry)) is not None:
            change(entry, values, RESTORED, "")


def ending_event(entry: Entry) -> NormativeEvent | None:
    """The earliest 废止 / 失效 of the documents linked to the entry."""
    return (
        NormativeEvent.objects.filter(document__entry=entry, kind__in=ENDING_EVENTS)
        .select_related("document")
        .order_by("on", "id")
        .first()
    )


def ending_note(event: NormativeEvent) -> str:
    document = event.document
    number = f"（{document.doc_no}）" if document.doc_no else ""
    by = f"，依据{event.doc_no}" if event.doc_no else ""
    return f"《{document.title}》{number}于{event.on:%Y-%m-%d}{event.get_kind_display()}{by}"


def values_before_registry(entry: Entry) -> tuple | None:
    """What the entry had before the registry's current changes, or None if there are none
    to undo (never changed, already restored, or changed by someone since)."""
    streak = []
    for event in entry.events.filter(action__in=[ENDED, RESTORED]).order_by("-at", "-id"):
        if event.action == RESTORED:
            break
        streak.append(event)
    if not streak or current(entry) != side(streak[0].changes, AFTER):
        return None
    return side(streak[-1].changes, BEFORE)


def current(entry: Entry) -> tuple[str, date | None]:
    return entry.validity, entry.validity_changed_on


def side(changes: dict, which: int) -> tuple[str, date | None]:
    """The values before (0) or after (1) a change recorded by change()."""
    validity, on = (changes[name][which] for name in FIELDS)
    return validity, date.fromisoformat(on) if on else None


def change(entry: Entry, values: tuple[str, date], action: str, note: str) -> None:
    before = current(entry)
    if before == values:
        return
    entry.validity, entry.validity_changed_on = values
    entry.save(update_fields=[*FIELDS, "updated_at"])
    # Both fields, changed or not: undoing the change needs what they were.
    changes = {name: [json_value(old), json_value(new)]
               for name, old, new in zip(FIELDS, before, values, strict=True)}  # fmt: skip
    EntryEvent.objects.create(entry=entry, actor=_actor.get(), action=action,
                              from_state=entry.state, to_state=entry.state, changes=changes,
                              comment=note)  # fmt: skip


def json_value(value):
    return value.isoformat() if isinstance(value, date) else value


# -- signals --------------------------------------------------------------------------------


def linked_entry(document_id: int) -> int | None:
    documents = NormativeDocument.objects.filter(pk=document_id)
    return documents.values_list("entry_id", flat=True).first()


@receiver(post_save, sender=NormativeEvent, dispatch_uid="catalog-validity-event-saved")
@receiver(post_delete, sender=NormativeEvent, dispatch_uid="catalog-validity-event-deleted")
def event_changed(sender, instance: NormativeEvent, raw: bool = False, **kwargs) -> None:
    if not raw:
        follow_registry(linked_entry(instance.document_id))


@receiver(pre_save, sender=NormativeDocument, dispatch_uid="catalog-validity-document-saving")
def document_saving(sender, instance: NormativeDocument, raw: bool = False, **kwargs) -> None:
    instance._validity_old_entry = linked_entry(instance.pk) if instance.pk else None


@receiver(post_save, sender=NormativeDocument, dispatch_uid="catalog-validity-document-saved")
def document_saved(sender, instance: NormativeDocument, raw: bool = False, **kwargs) -> None:
    old = getattr(instance, "_validity_old_entry", None)
    if raw or old == instance.entry_id:
        return
    follow_registry(old)
    follow_registry(instance.entry_id)


@receiver(post_delete, sender=NormativeDocument, dispatch_uid="catalog-validity-document-gone")
def document_deleted(sender, instance: NormativeDocument, **kwargs) -> None:
    follow_registry(instance.entry_id)
