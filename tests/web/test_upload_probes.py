"""Uploads probed (issue 14): files too large, files of another kind under a right name, zip
bombs, file names with paths and control characters, CSV in GB18030 and UTF-16. Every
refusal is a clear Chinese message and stores nothing; what is accepted is stored safely.
Defect 3: a 212 KB DOCX attachment whose text inflated to 60 MB cost the server 62 s and
0.9 GB — now it is refused at once, in bounded memory."""

import io
import re
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from gongkai.web.applications.forms import ApplicationForm
from gongkai.web.applications.uploads import MAX_BYTES
from gongkai.web.catalog.models.entries import Entry, EntryAttachment
from gongkai.web.catalog.models.registry import YearlyFigure

PDF = b"%PDF-1.4\n%probe\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
PARAGRAPH = (
    b"<w:p><w:r><w:t>" + "附件：2026年县级部门预算表。".encode() * 20 + b"</w:t></w:r></w:p>"
)


def word(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def word_bomb(megabytes: int) -> bytes:
    """A real Word file whose document.xml inflates to `megabytes` MB of paragraphs."""
    out = io.BytesIO()
    chunk = PARAGRAPH * ((1 << 20) // len(PARAGRAPH) + 1)
    with (
        zipfile.ZipFile(io.BytesIO(word("预算"))) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in original.infolist():
            if item.filename != "word/document.xml":
                bomb.writestr(item, original.read(item.filename))
                continue
            head, tail = original.read(item.filename).split(b"<w:body>")
            with bomb.open("word/document.xml", "w", force_zip64=True) as stream:
                stream.write(head + b"<w:body>")
                for _ in range(megabytes):
                    stream.write(chunk)
                stream.write(tail)
    return out.getvalue()


def excel() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["预算", 12])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def peak_rss_mb() -> float:
    return int(re.search(r"VmHWM:\s*(\d+)", Path("/proc/self/status").read_text())[1]) / 1024


def reset_peak_rss() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # Linux: VmHWM starts again from VmRSS


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def draft(finance):
    return Entry.objects.create(agency=finance, title="2026年县级部门预算", state="draft",
                                generated_on=date(2026, 11, 16))  # fmt: skip


def attach(client, entry, upload) -> str:
    """The entry's page after the upload (a refusal is a message on it)."""
    response = client.post(f"/work/catalog/{entry.pk}/files/", {"files": [upload]}, follow=True)
    return response.content.decode()


def test_a_docx_bomb_attachment_is_refused_at_once_in_bounded_memory(client, alice, draft, media):
    bomb = word_bomb(60)  # as in the defect: 60 MB of paragraphs
    assert len(bomb) < 1024 * 1024
    client.force_login(alice)
    reset_peak_rss()
    before, started = peak_rss_mb(), time.process_time()
    html = attach(client, draft, SimpleUploadedFile("预算表.docx", bomb))
    assert time.process_time() - started < 2  # CPU seconds (the machine may be busy)
    assert peak_rss_mb() - before < 100
    assert "压缩炸弹" in html and not EntryAttachment.objects.exists()


def test_a_real_word_attachment_is_still_searchable(client, alice, draft, media):
    client.force_login(alice)
    attach(client, draft, SimpleUploadedFile("预算表.docx", word("附件：2026年县级部门预算表")))
    assert "县级部门预算表" in draft.attachments.get().text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("照片.png", PDF, "不是真正的PNG文件"),  # a PDF under an image's name
        ("报告.pdf", b"<html><script>alert(1)</script></html>", "不是真正的PDF文件"),
        ("申请.docx", excel(), "不是真正的DOCX文件"),  # a workbook renamed .docx
        ("申请.docx", b"PK\x03\x04 not a zip at all", "不是真正的DOCX文件"),
        ("程序.exe", b"MZ\x90\x00", "只能上传"),
        ("没有扩展名", PDF, "只能上传"),
        ("大文件.pdf", PDF + b"0" * MAX_BYTES, "超过10MB"),
    ],
)  # fmt: skip
def test_a_file_of_the_wrong_kind_or_size_is_refused_with_a_message(
    client, alice, draft, media, name, data, message
):
    client.force_login(alice)
    html = attach(client, draft, SimpleUploadedFile(name, data))
    assert message in html
    assert not EntryAttachment.objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [("申请书.docx", word("申请")), ("身份证.png", PNG), ("bomb.docx", word_bomb(30))],
)
def test_the_applications_form_checks_its_attachments_the_same_way(name, data):
    form = ApplicationForm(data={}, files={"attachments": SimpleUploadedFile(name, data)})
    field = form.fields["attachments"]
    if name == "bomb.docx":
        with pytest.raises(forms.ValidationError, match="压缩炸弹"):
            field.clean([SimpleUploadedFile(name, data)])
    else:
        assert [upload.name for upload in field.clean([SimpleUploadedFile(name, data)])] == [name]


@pytest.mark.parametrize(
    "name",
    ["../../../etc/passwd.pdf", "..\\..\\windows\\system.pdf", "/etc/cron.d/x.pdf",
     "预算\x0b表\x00.pdf", "<script>alert(1)</script>.pdf", "‮fdp.exe.pdf"],
)  # fmt: skip
def test_a_file_name_cannot_reach_outside_the_upload_folder(client, alice, review, media, name):
    client.force_login(alice)
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    form = {"add_document-kind": "decision", "add_document-file": upload}
    assert client.post(f"/work/appeals/{review.pk}/add_document/", form).status_code == 302
    document = review.documents.get()
    stored = Path(document.file.path).resolve()
    assert stored.is_relative_to(Path(media).resolve()) and stored.read_bytes() == PDF
    assert not re.search(r"[\x00-\x1f]", document.name) and "/" not in document.name
    page = client.get(f"/work/appeals/{review.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    download = client.get(f"/work/appeals/{review.pk}/documents/{document.pk}/")
    assert (
        "\n" not in download["Content-Disposition"]
        and "\x00" not in download["Content-Disposition"]
    )


@pytest.fixture
def review(finance, alice):
    from gongkai.web.appeals import workflow

    fields = {"kind": "review", "appellant": "王小明", "filed_on": date(2025, 3, 3),
              "body": "青山县人民政府", "matter": "对部分公开答复不服"}  # fmt: skip
    return workflow.register(finance, fields, alice, [])


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_yearly_figures_in_csv_of_any_common_encoding_are_read(client, dave, finance, encoding):
    client.force_login(dave)
    separator = "\t" if encoding == "utf-16" else ","  # Excel's "Unicode text" uses tabs
    rows = [
        ["机关代码", "年度", "指标", "数值"],
        [finance.code, "2024", "s2.licensing.decisions", "12"],
    ]
    text = "\r\n".join(separator.join(row) for row in rows) + "\r\n"
    upload = SimpleUploadedFile("figures.csv", text.encode(encoding))
    html = client.post("/work/catalog/figures/import/", {"file": upload}).content.decode()
    assert "新增 1 项" in html
    assert YearlyFigure.objects.get().value == 12


def test_an_excel_bomb_of_figures_is_refused_with_a_message(client, dave):
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(excel())) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in original.infolist():
            bomb.writestr(item, original.read(item.filename))
        with bomb.open("xl/sharedStrings2.xml", "w", force_zip64=True) as stream:
            for _ in range(200):
                stream.write(b"<si><t>x</t></si>" * 65536)
    client.force_login(dave)
    upload = SimpleUploadedFile("figures.xlsx", out.getvalue())
    html = client.post("/work/catalog/figures/import/", {"file": upload}).content.decode()
    assert "压缩炸弹" in html and not YearlyFigure.objects.exists()
