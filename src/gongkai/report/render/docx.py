"""A report as a Word document: A4, government typography, real tables with merged cells.

Layout after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm, title in 方正小标宋简体
二号, first-level headings in 黑体 三号, body in 仿宋_GB2312 三号 on a fixed 28 pt line. Word
picks a font by its East-Asian name (`w:eastAsia`), so every run style names one explicitly;
the font table tells Word and LibreOffice what to substitute when a font is missing.
"""

import io

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.table import _Cell

from gongkai.report.model import Report
from gongkai.report.render.document import Document, DocumentSection, build_document
from gongkai.report.render.layout import Grid, GridCell, Part

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"

# Missing-font substitutes (w:altName) and the GB2312 charset, so a machine without the
# government fonts still picks a Chinese face of the same kind.
FONT_TABLE = {
    TITLE_FONT: ("宋体", "roman"),
    HEADING_FONT: ("SimHei", "modern"),
    BODY_FONT: ("仿宋", "modern"),
    TABLE_FONT: ("SimSun", "auto"),
}
GB2312_CHARSET = "86"

PAGE = {"width": 210, "height": 297, "top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = PAGE["width"] - PAGE["left"] - PAGE["right"]
WIDE_TABLE_COLUMNS = 8  # beyond this, tables use 小五 instead of 五号


def render_docx(report: Report) -> bytes:
    word = word_document(build_document(report))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def word_document(document: Document) -> WordDocument:
    word = new_document()
    set_up_page(word)
    set_up_styles(word)
    add_font_table_entries(word)
    word.core_properties.title = document.title
    word.core_properties.language = "zh-CN"
    add_title(word, document)
    for section in document.sections:
        add_section(word, section)
    add_signature(word, document)
    return word


def add_title(word: WordDocument, document: Document) -> None:
    paragraph = word.add_paragraph(style="Title")
    for number, line in enumerate(document.title_lines):
        run = paragraph.add_run(line)
        if number + 1 < len(document.title_lines):
            run.add_break()


def set_up_page(word: WordDocument) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE["width"]), Mm(PAGE["height"])
    section.top_margin, section.bottom_margin = Mm(PAGE["top"]), Mm(PAGE["bottom"])
    section.left_margin, section.right_margin = Mm(PAGE["left"]), Mm(PAGE["right"])


def set_fonts(style_or_run, east_asian: str, size: float, bold: bool = False) -> None:
    """Name the font for every script; theme fonts would override explicit names, so they go."""
    font = style_or_run.font
    font.name, font.size, font.bold = LATIN_FONT, Pt(size), bold
    font.color.rgb = RGBColor(0, 0, 0)
    fonts = style_or_run.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), LATIN_FONT)


def set_up_styles(word: WordDocument) -> None:
    styles = word.styles
    normal = styles["Normal"]
    set_fonts(normal, BODY_FONT, 16)
    body = normal.paragraph_format
    body.line_spacing_rule, body.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28)
    body.first_line_indent, body.space_before, body.space_after = Pt(32), Pt(0), Pt(0)
    title = styles["Title"]
    set_fonts(title, TITLE_FONT, 22)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    title.paragraph_format.space_after = Pt(24)
    remove_border(title)
    heading = styles["Heading 1"]
    set_fonts(heading, HEADING_FONT, 16)
    heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(6), Pt(0)
    heading.paragraph_format.first_line_indent = Pt(32)
    caption = styles["Caption"]
    set_fonts(caption, HEADING_FONT, 12)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = Pt(0)
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.keep_with_next = True


def remove_border(style) -> None:
    """The default template underlines its Title style with a blue rule."""
    properties = style.element.pPr
    border = properties.find(qn("w:pBdr")) if properties is not None else None
    if border is not None:
        properties.remove(border)


def add_font_table_entries(word: WordDocument) -> None:
    fonts_part = next(
        (p for p in word.part.package.parts if p.partname == "/word/fontTable.xml"), None
    )
    if fonts_part is None:
        return
    from lxml import etree

    root = etree.fromstring(fonts_part.blob)
    for name, (substitute, family) in FONT_TABLE.items():
        font = etree.SubElement(root, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(font, qn("w:altName"), {qn("w:val"): substitute})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): GB2312_CHARSET})
        etree.SubElement(font, qn("w:family"), {qn("w:val"): family})
    fonts_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def add_section(word: WordDocument, section: DocumentSection) -> None:
    word.add_paragraph(section.heading, style="Heading 1")
    for text in section.paragraphs:
        word.add_paragraph(text)
    for grid in section.grids:
        if grid.key not in section.hide_captions:
            word.add_paragraph(grid.caption, style="Caption")
        add_table(word, grid)


def add_table(word: WordDocument, grid: Grid) -> WordTable:
    table = word.add_table(rows=grid.height, cols=grid.width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = grid.widths(TEXT_WIDTH_MM)
    for index, column in enumerate(table.columns):
        column.width = Mm(widths[index])
    size = 9 if grid.width > WIDE_TABLE_COLUMNS else 10.5
    # Taken before merging: `table.cell()` re-reads the whole table on every call. Merging
    # keeps the left-most <w:tc> of every row a merged cell covers, so these stay valid.
    cells = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    for cell in grid.cells:
        target = cells[cell.row][cell.column]
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(
                cells[cell.row + cell.rowspan - 1][cell.column + cell.colspan - 1]
            )
        fill_cell(target, cell, size)
        # Word sizes each <w:tc> by its own width: a merged one needs the sum of its columns.
        width = Mm(sum(widths[cell.column : cell.column + cell.colspan]))
        for row in range(cell.row, cell.row + cell.rowspan):
            cells[row][cell.column].width = width
    for number, row in enumerate(table.rows):
        mark_row(row, header=number < grid.header_rows)
    word.add_paragraph()  # Word joins adjacent tables; a paragraph keeps them apart
    return table


def fill_cell(target: _Cell, cell: GridCell, size: float) -> None:
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = target.paragraphs[0]
    layout = paragraph.paragraph_format
    layout.first_line_indent = Pt(0)
    layout.left_indent = Pt(size * cell.depth) if cell.part is not Part.VALUE else Pt(0)
    layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    left_aligned = cell.part in (Part.ROW_HEADER, Part.ROW_GROUP) and cell.rowspan == 1
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left_aligned else WD_ALIGN_PARAGRAPH.CENTER
    if cell.text:
        run = paragraph.add_run(cell.text)
        bold = cell.part in (Part.COLUMN_HEADER, Part.COLUMN_GROUP) or (cell.part is Part.ROW_GROUP)
        set_fonts(run, TABLE_FONT, size, bold=bold)


def mark_row(row, header: bool) -> None:
    """Rows never break across pages; header rows repeat on every page the table spans."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def add_signature(word: WordDocument, document: Document) -> None:
    lines = [text for text in (document.agency, document.signature_date) if text]
    for number, text in enumerate(lines):
        paragraph = word.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = Pt(0)
        if number == 0:
            paragraph.paragraph_format.space_before = Pt(28)
