"""The PDFium reader reads every PDF of the corpora line for line as pdfplumber (pdfminer and its
table finder, which the parser used before: ten times slower) reads it."""

import io
import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.pdf_reader import pdf_lines
from gongkai.report.parse.readers import non_empty, row_line

HERE = Path(__file__).parent
PDFS = sorted(HERE.glob("corpus/*.pdf")) + sorted(HERE.glob("damage/*.pdf"))


def plumber_lines(data: bytes) -> list[str]:
    """What the pdfplumber reader gave: table rows by cell, prose lines outside the tables."""
    lines = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            found = page.find_tables()
            placed = []
            for table in found:
                for number, row in enumerate(table.extract(), 1):
                    cells = [cell for cell in row if cell is not None]
                    placed.append((table.bbox[1] + number * 1e-3, row_line(cells, {}).text))
            boxes = [table.bbox for table in found]
            for line in page.extract_text_lines(return_chars=False):
                middle = (line["top"] + line["bottom"]) / 2
                if not any(top <= middle <= bottom for (_, top, _, bottom) in boxes):
                    placed.append((line["top"], line["text"]))
            lines += [text for _, text in sorted(placed, key=lambda pair: pair[0])]
    return [line.text for line in non_empty(iter(SourceLine(t, {}) for t in lines))]


def test_the_corpora_hold_pdfs_of_every_generation():
    assert {path.name[2] for path in PDFS} >= {"A", "B", "C"}


def figures_by_line(lines: list[str]) -> list[list[str]]:
    return [re.findall(r"\d+(?:\.\d+)?", line) for line in lines]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_a_pdf_reads_as_pdfplumber_reads_it(path):
    """Same lines, same figures on each line, same characters. PDFium and pdfminer measure a
    glyph's height from slightly different font metrics, so a character lying on the border
    of two table rows (the "）" of a label wrapped in a merged cell) may land in the other row:
    that is all the difference allowed."""
    data = path.read_bytes()
    ours, theirs = [line.text for line in pdf_lines(io.BytesIO(data))], plumber_lines(data)
    assert len(ours) == len(theirs)
    assert figures_by_line(ours) == figures_by_line(theirs)
    assert Counter("".join(ours).replace(" ", "")) == Counter("".join(theirs).replace(" ", ""))
    same = sum(a == b for a, b in zip(ours, theirs, strict=True))
    assert same >= 0.97 * len(ours)


def test_table_rows_keep_their_page_table_and_row():
    lines = pdf_lines(io.BytesIO((HERE / "corpus" / "r2B2019_print.pdf").read_bytes()))
    rows = [line.where for line in lines if "table" in line.where]
    assert rows and rows[0] == {"page": 1, "table": 1, "row": 1}
    assert all(set(where) == {"page", "table", "row"} for where in rows)


def page_as_form(path: Path, scale: float, dx: float, dy: float) -> bytes:
    """A new PDF whose page shows `path`'s first page as a form XObject, scaled and moved
    (how N-up printing and some PDF exporters place a page)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    source, target = pdfium.PdfDocument(str(path)), pdfium.PdfDocument.new()
    xobject = pdfium_c.FPDF_NewXObjectFromPage(target.raw, source.raw, 0)
    page = target.new_page(595, 842)
    form = pdfium_c.FPDF_NewFormObjectFromXObject(xobject)
    pdfium_c.FPDFPageObj_Transform(form, scale, 0, 0, scale, dx, dy)
    pdfium_c.FPDFPage_InsertObject(page.raw, form)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    target.save(out)
    return out.getvalue()


def test_a_table_inside_a_scaled_form_is_found_where_the_form_places_it():
    data = page_as_form(HERE / "corpus" / "r2B2019_print.pdf", 0.8, 40, 60)
    lines = pdf_lines(io.BytesIO(data))
    assert [line.text for line in lines] == plumber_lines(data)
    assert sum("table" in line.where for line in lines) >= 10


def grid_drawn_as_one_path(rows: list[list[str]], widths: list[int], size: float = 10) -> bytes:
    """A PDF whose table grid is one path of many lines (as Word and many exporters draw it),
    with the cells' text in Helvetica."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    xs = [60 + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [700 - 20 * i for i in range(len(rows) + 1)]
    path = pdfium_c.FPDFPageObj_CreateNewPath(xs[0], ys[0])
    for y in ys:
        pdfium_c.FPDFPath_MoveTo(path, xs[0], y)
        pdfium_c.FPDFPath_LineTo(path, xs[-1], y)
    for x in xs:
        pdfium_c.FPDFPath_MoveTo(path, x, ys[0])
        pdfium_c.FPDFPath_LineTo(path, x, ys[-1])
    pdfium_c.FPDFPath_SetDrawMode(path, 0, 1)
    pdfium_c.FPDFPage_InsertObject(page.raw, path)
    font = pdfium_c.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, font, size)
            wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
            pdfium_c.FPDFText_SetText(obj, ctypes.cast(wide, pdfium_c.FPDF_WIDESTRING))
            pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, xs[k] + 4, ys[r] - 14)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_grid_drawn_as_one_path_is_a_table():
    data = grid_drawn_as_one_path(
        [["new", "1", "2", "3"], ["carried", "4", "5", "9"]], [90, 40, 40, 40]
    )
    lines = pdf_lines(io.BytesIO(data))
    assert [(line.text, line.where.get("row")) for line in lines] == [
        ("new | 1 | 2 | 3", 1),
        ("carried | 4 | 5 | 9", 2),
    ]
    assert [line.text for line in lines] == plumber_lines(data)


def test_a_character_with_an_oversized_box_keeps_its_ink_box():
    """PDFium's font-metric box of some glyphs covers half the page (vertical text in WPS
    exports); past HUGE points the glyph's ink box stands in for it."""
    import pypdfium2 as pdfium

    from gongkai.report.parse.pdf_chars import HUGE, page_chars

    for size, oversized in ((10, False), (120, True)):
        pdf = pdfium.PdfDocument(grid_drawn_as_one_path([["8"]], [40], size=size))
        page = pdf[0]
        text = page.get_textpage()
        loose, ink = text.get_charbox(0, loose=True), text.get_charbox(0)
        assert (max(loose[2] - loose[0], loose[3] - loose[1]) > HUGE) is oversized
        (char,) = page_chars(page, page.get_height())
        expected = ink if oversized else loose
        left, right = expected[0], expected[2]
        assert (round(char.x0, 2), round(char.x1, 2)) == (round(left, 2), round(right, 2))
        pdf.close()
