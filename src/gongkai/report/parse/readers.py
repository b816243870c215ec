"""Published reports in any file format → SourceLine lists.

Tables become one line per row with cells joined by " | " (blank cells kept, so a blank stays
a blank); prose becomes one line per paragraph. That is also the shape in which copied-and-
pasted reports reach us, so one line parser serves every format.
"""

import codecs
import io
import re
from collections.abc import Iterator
from pathlib import Path

from gongkai.report.parse.encoding import decode_report
from gongkai.report.parse.limits import (
    MAX_LINES,
    TooCostly,
    UnreadableSource,
    refuse_oversized,
    refuse_pdf_bomb,
    refuse_size,
    time_limit,
)
from gongkai.report.parse.lines import TABLE_CELL_SEPARATOR, SourceLine

UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
__all__ = ["UnreadableSource", "read_bytes", "read_report"]


def clean_cell(text: str) -> str:
    # Wrapped cell text: Chinese words continue across the break, so it is joined without a
    # space; other whitespace collapses to one space.
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s*\n\s*(?=[\u4e00-\u9fff])", "", text)
    return SPACES.sub(" ", text.replace("\n", " ")).strip()


def row_line(cells: list[str], where: dict) -> SourceLine:
    return SourceLine(TABLE_CELL_SEPARATOR.join(clean_cell(cell) for cell in cells), where)


def refuse_binary(data: bytes) -> None:
    """Text and HTML hold no NUL byte (UTF-16 aside, which starts with its byte-order mark)."""
    if b"\x00" in data[:65536] and not data.startswith(UTF16_MARKS):
        raise UnreadableSource("二进制文件，不是文本或网页 / a binary file, not text or HTML")


def read_text(data: bytes) -> list[SourceLine]:
    refuse_binary(data)
    text = decode_report(data)
    return [SourceLine(line, {"line": n}) for n, line in enumerate(text.splitlines(), 1)]


def read_report(path: str | Path) -> list[SourceLine]:
    path = Path(path)
    try:
        refuse_size(path.stat().st_size)  # an oversized file is not even read
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableSource(f"{path}: {error.strerror or error}") from None
    return read_bytes(data, path.suffix.lower())


def read_bytes(data: bytes, suffix: str) -> list[SourceLine]:
    """The file's lines, within the limits of limits.py (size, inflation, time, lines)."""
    refuse_oversized(data)
    reader = READERS.get(suffix) or READERS[sniff(data)]
    if not data.strip():
        raise UnreadableSource("empty file")
    with time_limit():
        lines = reader(data)
    if len(lines) > MAX_LINES:
        raise TooCostly(f"文件超过 {MAX_LINES} 行，不是年度报告 / more than {MAX_LINES} lines")
    return lines


def sniff(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    head = data[:2048].lower()
    return ".html" if b"<html" in head or b"<table" in head or b"<body" in head else ".txt"


def read_html(data: bytes) -> list[SourceLine]:
    from gongkai.report.parse.html_reader import html_lines

    refuse_binary(data)
    return html_lines(decode_report(data))


def read_docx(data: bytes) -> list[SourceLine]:
    from gongkai.report.parse.docx_reader import docx_lines

    return docx_lines(data)


def read_pdf(data: bytes) -> list[SourceLine]:
    from gongkai.report.parse.pdf_reader import pdf_lines

    refuse_pdf_bomb(data)
    return pdf_lines(io.BytesIO(data))


READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".shtml": read_html,
    ".xhtml": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}


def non_empty(lines: Iterator[SourceLine]) -> list[SourceLine]:
    return [line for line in lines if line.text.strip(" |")]
