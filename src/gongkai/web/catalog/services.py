"""Creating and editing entries (drafts), and each agency's approval chain."""

from django.db import transaction

from gongkai.web.catalog.models.entries import ApprovalStep, Entry, EntryState
from gongkai.web.catalog.workflow import WorkflowError, record, snapshot

DEFAULT_CHAIN = [("科室负责人", "reviewer"), ("主要领导", "head")]


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
