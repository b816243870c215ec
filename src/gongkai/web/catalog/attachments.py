"""Files published with an entry; their text is extracted so that search finds it."""

import io

from gongkai.web.applications.uploads import SIGNATURES, checked
from gongkai.web.catalog.models.entries import EntryAttachment

XLSX = (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ALLOWED = SIGNATURES | {".xlsx": XLSX}


def add_attachment(entry, upload) -> EntryAttachment:
    """Raises django.forms.ValidationError (in the user's language) for a refused file."""
    upload = checked(upload, ALLOWED)
    data = upload.read()
    upload.seek(0)
    extension = upload.name[upload.name.rfind(".") :].lower()
    return EntryAttachment.objects.create(entry=entry, file=upload, name=upload.name[:200],
                                          size=upload.size, content_type=upload.content_type,
                                          text=extract_text(extension, data))  # fmt: skip


def extract_text(extension: str, data: bytes) -> str:
    """The words of a document, for search; images and unreadable files give none."""
    try:
        if extension == ".pdf":
            import pdfplumber

            with pdfplumber.open(io.BytesIO(data)) as pdf:
                return "\n".join(page.extract_text() or "" for page in pdf.pages[:200])
        if extension == ".docx":
            from docx import Document

            return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        if extension == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            cells = (c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row)
            return " ".join(str(c) for c in cells if c is not None)
    except Exception:  # a damaged file is still published; it is just not searchable
        return ""
    return ""
