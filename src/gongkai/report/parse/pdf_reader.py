"""PDFs with a text layer → lines, page by page, tables and prose in reading order.

pdfplumber returns merged cells as None (skipped, like a rowspan in HTML) and wrapped cells
with newlines (joined). Text inside a table's box is not repeated as prose.
"""

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError

from gongkai.report.parse.limits import MAX_PDF_PAGES, TooCostly, check_time
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.readers import UnreadableSource, non_empty, row_line


def inside(line: dict, boxes: list[tuple]) -> bool:
    middle = (line["top"] + line["bottom"]) / 2
    return any(top <= middle <= bottom for (_, top, _, bottom) in boxes)


def page_lines(page, number: int, first_table: int) -> list[tuple[float, SourceLine]]:
    found = page.find_tables()
    placed: list[tuple[float, SourceLine]] = []
    for index, table in enumerate(found, first_table):
        for row_number, row in enumerate(table.extract(), 1):
            cells = [cell for cell in row if cell is not None]
            where = {"page": number, "table": index, "row": row_number}
            placed.append((table.bbox[1] + row_number * 1e-3, row_line(cells, where)))
    boxes = [table.bbox for table in found]
    for line in page.extract_text_lines(return_chars=False):
        if not inside(line, boxes):
            where = {"page": number, "top": round(line["top"], 1)}
            placed.append((line["top"], SourceLine(line["text"], where)))
    return sorted(placed, key=lambda pair: pair[0])


def pdf_lines(stream) -> list[SourceLine]:
    lines: list[SourceLine] = []
    try:
        with pdfplumber.open(stream) as pdf:
            tables = 1
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise TooCostly(f"PDF 超过 {MAX_PDF_PAGES} 页 / more than {MAX_PDF_PAGES} pages")
            for number, page in enumerate(pdf.pages, 1):
                check_time()
                placed = page_lines(page, number, tables)
                tables += len({line.where.get("table") for _, line in placed} - {None})
                lines.extend(line for _, line in placed)
                page.flush_cache()  # keeps memory flat on long documents
    except TooCostly:
        raise
    except PDFSyntaxError as error:
        raise UnreadableSource(f"not a readable PDF: {error}") from None
    except Exception as error:  # pdfminer raises many kinds for damaged or encrypted files
        raise UnreadableSource(f"damaged or encrypted PDF: {error}") from None
    if not lines:
        raise UnreadableSource("the PDF has no text layer (a scan?): OCR it first")
    return non_empty(iter(lines))
