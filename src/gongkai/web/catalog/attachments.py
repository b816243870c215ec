"""Files published with an entry; their text is extracted so that search finds it."""

import io

from gongkai.report.parse import limits
from gongkai.report.parse.readers import read_bytes
from gongkai.web.applications.uploads import SIGNATURES, checked
from gongkai.web.catalog.models.entries import EntryAttachment

XLSX = (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ALLOWED = SIGNATURES | {".xlsx": XLSX}
MAX_TEXT = 1_000_000  # characters of a file indexed for search; a real document has fewer
MAX_PDF_PAGES = 200
EXTRACT_SECONDS = 20.0  # the upload waits for it


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
    """The words of a document, for search; images and unreadable files give none. Read
    within the parser's limits (a zip bomb, a PDF whose streams inflate too far or a file
    that takes too long gives none), and at most MAX_TEXT characters."""
    reader = TEXT_READERS.get(extension)
    if reader is None:
        return ""
    try:
        with limits.time_limit(EXTRACT_SECONDS):
            return reader(data)[:MAX_TEXT]
    except limits.UnreadableSource:  # TooCostly included
        return ""
    except Exception:  # a damaged file is still published; it is just not searchable
        return ""


def word_text(data: bytes) -> str:
    return "\n".join(line.text for line in read_bytes(data, ".docx"))


def pdf_text(data: bytes) -> str:
    import pdfplumber

    limits.refuse_pdf_bomb(data)
    pages, size = [], 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages[:MAX_PDF_PAGES]:
            limits.check_time()
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            page.flush_cache()
            if size > MAX_TEXT:
                break
    return "\n".join(pages)


def excel_text(data: bytes) -> str:
    from openpyxl import load_workbook

    limits.open_archive(data, "Excel")  # declared sizes first: openpyxl inflates as it reads
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    words, size = [], 0
    for sheet in book:
        for number, row in enumerate(sheet.iter_rows(values_only=True)):
            if number % 1000 == 0:
                limits.check_time()
            texts = [str(cell) for cell in row if cell is not None]
            words.extend(texts)
            size += sum(map(len, texts))
            if size > MAX_TEXT:
                return " ".join(words)
    return " ".join(words)


TEXT_READERS = {".docx": word_text, ".pdf": pdf_text, ".xlsx": excel_text}
