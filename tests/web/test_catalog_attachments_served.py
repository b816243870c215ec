"""Published attachments are served to the public by a view that checks the entry is public
and proactively disclosed, with the staff views' download headers: a file of a draft, a
withdrawn entry or one disclosed on application answers 404, as does a file asked for under
another entry."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from tests.web.test_catalog_pages import entry

from gongkai.web.catalog.models.entries import EntryAttachment

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_BYTES = b"%PDF-1.4\n% a published budget\n"


def attach(owner, name: str, content: bytes, content_type: str) -> EntryAttachment:
    upload = SimpleUploadedFile(name, content, content_type)
    return EntryAttachment.objects.create(entry=owner, file=upload, name=name, size=len(content),
                                          content_type=content_type)  # fmt: skip


def url(attachment: EntryAttachment, entry_id: int | None = None) -> str:
    return f"/catalog/entries/{entry_id or attachment.entry_id}/files/{attachment.pk}/"


def test_a_published_file_is_served_as_uploaded(client, finance):
    budget = entry(finance, "2026年县级预算公开")
    pdf = attach(budget, "预算表.pdf", PDF_BYTES, "application/pdf")
    word = attach(budget, "说明.docx", b"PK\x03\x04 a word file", WORD)
    shown = client.get(url(pdf))
    assert shown.status_code == 200 and b"".join(shown.streaming_content) == PDF_BYTES
    assert shown["Content-Type"] == "application/pdf"
    assert shown["Content-Disposition"].startswith("inline")
    downloaded = client.get(url(word))
    assert downloaded["Content-Disposition"].startswith("attachment")
    assert "filename*=utf-8''%E8%AF%B4%E6%98%8E.docx" in downloaded["Content-Disposition"]
    assert f'href="{url(pdf)}"' in client.get(f"/catalog/entries/{budget.pk}/").text


@pytest.mark.parametrize("hidden", [{"state": "draft"}, {"state": "withdrawn"},
                                    {"disclosure_mode": "on_request"}])  # fmt: skip
def test_a_file_of_an_entry_the_public_may_not_read_answers_404(client, finance, hidden):
    owner = entry(finance, "内部文件", **hidden)
    assert client.get(url(attach(owner, "表.pdf", PDF_BYTES, "application/pdf"))).status_code == 404


def test_a_file_asked_for_under_another_entry_answers_404(client, finance):
    draft = entry(finance, "草稿", state="draft")
    public = entry(finance, "已公开")
    hidden = attach(draft, "草稿.pdf", PDF_BYTES, "application/pdf")
    assert client.get(url(hidden, entry_id=public.pk)).status_code == 404
