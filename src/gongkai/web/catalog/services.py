"""Creating and editing entries (drafts), and each agency's approval chain."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai.web.catalog.models.entries import ApprovalStep, Entry, EntryState
from gongkai.web.catalog.workflow import WorkflowError, record, snapshot

DEFAULT_CHAIN = [("科室负责人", "reviewer"), ("主要领导", "head")]
ATTACH_TO_DRAFTS_ONLY = _(
    "Files can be added to drafts only: a file added now would be public without its "
    "confidentiality review. Draft a new version of the document and send it for review."
)


def ensure_chain(agency, steps=DEFAULT_CHAIN) -> list[ApprovalStep]:
    """The agency's approval chain, created with the default steps if it has none."""
    if not agency.approval_steps.exists():
        for position, (label, role) in enumerate(steps):
            ApprovalStep.objects.create(agency=agency, position=position, label=label, role=role)
    return list(agency.approval_steps.all())


@transaction.atomic
def create_draft(agency, actor, **fields) -> Entry:
    entry = Entry.objects.create(agency=agency, created_by=actor, **fields)
    record(entry, actor, "create", {})
    return entry


@transaction.atomic
def edit_draft(entry: Entry, actor, **fields) -> Entry:
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.state != EntryState.DRAFT:
        raise WorkflowError("只有草稿可以修改；已发布的信息请发布新版本。")
    before = snapshot(entry) | {name: str(getattr(entry, name)) for name in fields}
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.full_clean()
    entry.save()
    record(entry, actor, "edit", before)
    return entry


@transaction.atomic
def publish_approved(
    agency, actor, files=(), replaces: Entry | None = None, on=None, **fields
) -> Entry:
    """Publish at once an entry whose content another workflow has reviewed and approved
    (an annual report approved by the agency's head, 条例第四十九条), with its files.

    `files` are (name, bytes, content type); `on` is the day of publication when it was
    recorded afterwards (default today). The entry it `replaces` — an earlier version of
    the same document — stays in the catalogue, marked superseded and pointing to this one.
    """
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.web.catalog.attachments import add_attachment
    from gongkai.web.catalog.workflow import publish

    entry = Entry.objects.create(agency=agency, created_by=actor, **fields)
    record(entry, actor, "create", {})
    before = snapshot(entry)
    publish(entry, on)
    entry.save()
    for name, data, content_type in files:
        add_attachment(entry, SimpleUploadedFile(name, data, content_type))
    record(entry, actor, "publish", before)
    if replaces is not None:
        supersede(replaces, entry, actor)
    return entry


def attach_files(entry: Entry, actor, uploads) -> list:
    """Add files to a draft, recording an event that names them.

    Only a draft takes files: what is published has passed 保密审查 and approval with the
    files it had (条例第十七条), so a file added to a published entry, or to one under review
    or approval, would reach the public unreviewed. A published document that needs another
    file is published again as a new draft through the same review. Raises WorkflowError
    for an entry that is not a draft, django.forms.ValidationError for a refused file."""
    from gongkai.web.catalog.attachments import add_attachment

    with transaction.atomic():
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        if entry.state != EntryState.DRAFT:
            raise WorkflowError(ATTACH_TO_DRAFTS_ONLY)
        before = snapshot(entry)
        added = [add_attachment(entry, upload) for upload in uploads]
        if added:
            names = "、".join(item.name for item in added)
            record(entry, actor, "attach", before, names)
    return added


def supersede(old: Entry, new: Entry, actor) -> None:
    old = Entry.objects.select_for_update().get(pk=old.pk)
    before = snapshot(old)
    old.state, old.superseded_by = EntryState.SUPERSEDED, new
    old.save(update_fields=["state", "superseded_by", "updated_at"])
    record(old, actor, "supersede", before, comment=new.index_no or "")
