"""Defect 4: a file added to a published entry went public at once, with no 保密审查, no
approval and no event. Files now go into drafts only, each addition recorded, and reach the
public through the entry's review like the rest of it."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.web.catalog import services, workflow
from gongkai.web.catalog.models.entries import Entry, EntryAttachment

PDF = b"%PDF-1.4\n% a scanned page\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(name="附件.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def entry_of(finance, state: str, **extra) -> Entry:
    return Entry.objects.create(agency=finance, title="青山县财政局2026年预算公开",
                                generated_on=date(2026, 11, 2), state=state, **extra)  # fmt: skip


def test_a_file_posted_to_a_published_entry_is_refused_and_never_public(client, finance, alice):
    entry = entry_of(finance, "published", index_no="x/2026-00001", published_on=date(2026, 11, 3))
    client.force_login(alice)
    response = client.post(f"/work/catalog/{entry.pk}/files/", {"files": [upload()]}, follow=True)
    assert "只有草稿可以添加文件" in response.content.decode()
    assert not EntryAttachment.objects.exists() and not entry.events.exists()
    assert "附件.pdf" not in client.get(f"/catalog/entries/{entry.pk}/").content.decode()


@pytest.mark.parametrize("state", ["in_review", "in_approval", "withdrawn"])
def test_an_entry_under_review_or_withdrawn_takes_no_file(finance, alice, state):
    entry = entry_of(finance, state)
    with pytest.raises(workflow.WorkflowError):
        services.attach_files(entry, alice, [upload()])
    assert not EntryAttachment.objects.exists()


def test_the_page_offers_the_upload_on_drafts_only(client, finance, alice):
    draft, published = entry_of(finance, "draft"), entry_of(finance, "published", index_no="x/1")
    client.force_login(alice)
    assert f"/work/catalog/{draft.pk}/files/" in client.get(f"/work/catalog/{draft.pk}/").text
    assert "/files/" not in client.get(f"/work/catalog/{published.pk}/").text


def test_a_file_added_to_a_draft_is_recorded_and_published_with_its_review(
    client, finance, alice, erin
):
    services.ensure_chain(finance, [("主要领导", "head")])
    entry = entry_of(finance, "draft")
    client.force_login(alice)
    client.post(f"/work/catalog/{entry.pk}/files/", {"files": [upload("预算表.pdf")]})
    event = entry.events.get()
    assert (event.action, event.actor, event.comment) == ("attach", alice, "预算表.pdf")
    assert "已添加文件" in client.get(f"/work/catalog/{entry.pk}/").text
    assert client.get(f"/catalog/entries/{entry.pk}/").status_code == 404  # not public yet
    workflow.perform(entry, "submit", alice)
    workflow.perform(entry, "review", erin, passed=True, disclosure_mode="proactive")
    entry = workflow.perform(entry, "approve", erin)
    assert entry.state == "published"
    assert "预算表.pdf" in client.get(f"/catalog/entries/{entry.pk}/").text
