"""PDFs with a text layer → lines, page by page, tables and prose in reading order.

PDFium (pypdfium2) gives every character with its box and every drawn path with its bounds,
at about the cost of `pdftotext -layout`; pdfminer, which pdfplumber parses with, took ten
times that. A table is found from its ruling lines the way pdfplumber finds one (pdf_grid.py):
each cell's characters become that cell's text, a merged cell's later rows are skipped (None,
like a rowspan in HTML), and a wrapped cell is joined. Text inside a table's box is not
repeated as prose.
"""

import bisect

import pypdfium2 as pdfium

from gongkai.report.parse import pdf_grid
from gongkai.report.parse.limits import MAX_PDF_PAGES, TooCostly, check_time
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.pdf_chars import Char, by_middle, page_chars, text_lines
from gongkai.report.parse.readers import UnreadableSource, non_empty, row_line


def outside(chars: list[Char], boxes: list[tuple]) -> list[Char]:
    """The characters (sorted by middle height) whose middle lies in no table's height."""
    middles = [(c.top + c.bottom) / 2 for c in chars]
    keep = [True] * len(chars)
    for _, top, _, bottom in boxes:
        for index in range(bisect.bisect_left(middles, top), bisect.bisect_right(middles, bottom)):
            keep[index] = False
    return [char for char, kept in zip(chars, keep, strict=True) if kept]


def page_lines(page, number: int, first_table: int) -> list[tuple[float, SourceLine]]:
    height = page.get_height()
    chars = by_middle(page_chars(page, height))
    tables = pdf_grid.page_tables(page, height)
    placed: list[tuple[float, SourceLine]] = []
    for index, table in enumerate(tables, first_table):
        for row_number, (top, row) in enumerate(pdf_grid.extract(table, chars), 1):
            cells = [cell for cell in row if cell is not None]
            where = {"page": number, "table": index, "row": row_number}
            placed.append((top + row_number * 1e-3, row_line(cells, where)))
    boxes = [pdf_grid.bbox(table) for table in tables]
    for top, text in text_lines(outside(chars, boxes)):
        placed.append((top, SourceLine(text, {"page": number, "top": round(top, 1)})))
    return sorted(placed, key=lambda pair: pair[0])


def open_document(data: bytes) -> pdfium.PdfDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise UnreadableSource(f"not a readable PDF: {error}") from None
    if len(pdf) > MAX_PDF_PAGES:
        pdf.close()
        raise TooCostly(f"PDF 超过 {MAX_PDF_PAGES} 页 / more than {MAX_PDF_PAGES} pages")
    return pdf


def pdf_lines(stream) -> list[SourceLine]:
    data = stream.read() if hasattr(stream, "read") else bytes(stream)
    pdf = open_document(data)
    lines: list[SourceLine] = []
    try:
        tables = 1
        for number in range(1, len(pdf) + 1):
            check_time()
            page = pdf[number - 1]
            placed = page_lines(page, number, tables)
            page.close()  # keeps memory flat on long documents
            tables += len({line.where.get("table") for _, line in placed} - {None})
            lines.extend(line for _, line in placed)
    except (TooCostly, UnreadableSource):
        raise
    except Exception as error:  # PDFium fails in many ways on damaged or encrypted files
        raise UnreadableSource(f"damaged or encrypted PDF: {error}") from None
    finally:
        pdf.close()
    if not lines:
        raise UnreadableSource("the PDF has no text layer (a scan?): OCR it first")
    return non_empty(iter(lines))
