"""Report documents: a Report as HTML, DOCX, PDF or XLSX in the official layout.

``render(report, "pdf") -> bytes`` for any generation (A, B, C). One layout engine
(`layout.py`) turns the formats data into grids of header and body cells with their spans;
`document.py` puts them into the report's outline; each format module only draws that.

- html: one self-contained page (inline CSS for screen and A4 print), semantic tables.
- docx: A4 Word document with real tables and merged cells, government typography.
- pdf: WeasyPrint on the HTML with the system's CJK fonts (Debian fonts-noto-cjk).
- xlsx: one sheet per statutory table and a flat sheet (key, label, value, unit).
"""

from collections.abc import Callable
from dataclasses import replace

from gongkai.plaintext import clean_tree
from gongkai.report.model import Report

FORMATS: tuple[str, ...] = ("html", "docx", "pdf", "xlsx")

MEDIA_TYPES: dict[str, str] = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _html(report: Report) -> bytes:
    from gongkai.report.render.html import render_html

    return render_html(report).encode("utf-8")


def _docx(report: Report) -> bytes:
    from gongkai.report.render.docx import render_docx

    return render_docx(report)


def _pdf(report: Report) -> bytes:
    from gongkai.report.render.pdf import render_pdf

    return render_pdf(report)


def _xlsx(report: Report) -> bytes:
    from gongkai.report.render.xlsx import render_xlsx

    return render_xlsx(report)


# Each writer is imported on first use: python-docx, openpyxl and WeasyPrint are heavy.
_WRITERS: dict[str, Callable[[Report], bytes]] = {
    "html": _html,
    "docx": _docx,
    "pdf": _pdf,
    "xlsx": _xlsx,
}


def render(report: Report, fmt: str) -> bytes:
    """The report as a document in `fmt` (one of FORMATS); ValueError for any other."""
    writer = _WRITERS.get(fmt.lower())
    if writer is None:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return writer(writable(report))


def writable(report: Report) -> Report:
    """The report with no character that XML (hence DOCX and XLSX) cannot hold: text pasted
    from Word brings \x0b, and a stored report must render whatever it holds. Only what a
    document shows is cleaned: no writer prints the parser's provenance and confidence or
    the findings, which are most of a parsed report (half its rendering time)."""
    shown = replace(report, provenance={}, confidence={}, findings=[])
    return Report.from_dict(clean_tree(shown.to_dict()))


__all__ = ["FORMATS", "MEDIA_TYPES", "render"]
