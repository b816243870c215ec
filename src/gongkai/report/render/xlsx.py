"""A report as an Excel workbook: one sheet per statutory table, drawn from the same grids as
the other formats, and a flat sheet (key, label, value, unit) for supervisors who collect
figures from many agencies. Figures are numbers, not text; a blank cell stays empty; a 万元
amount keeps the decimals it was given.
"""

import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.report.model import CellValue, Report
from gongkai.report.render.document import Document, build_document
from gongkai.report.render.layout import Grid, GridCell, Part

FLAT_SHEET = "数据清单"
FLAT_HEADERS = ("key", "label", "value", "unit")
INFO_SHEET = "报告信息"
FONT_NAME = "宋体"
SHEET_NAME_LIMIT = 31  # Excel's limit
FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
TABLE_WIDTH_CHARS = 110  # the width all columns of a table sheet share, in characters
THIN = Side(style="thin", color="000000")
RULED = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def render_xlsx(report: Report) -> bytes:
    document = build_document(report)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for grid in document.grids:
        table_sheet(workbook, grid, document)
    flat_sheet(workbook.create_sheet(FLAT_SHEET), report)
    info_sheet(workbook.create_sheet(INFO_SHEET), report, document)
    workbook.properties.title = document.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_name(caption: str, taken: list[str]) -> str:
    base = FORBIDDEN_IN_SHEET_NAMES.sub("_", caption)[:SHEET_NAME_LIMIT] or "表"
    name, number = base, 2
    while name in taken:
        suffix = f"({number})"
        name, number = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    return name


def table_sheet(workbook: Workbook, grid: Grid, document: Document) -> Worksheet:
    """Row 1: the report title; row 2: the table caption; the grid from row 3."""
    sheet = workbook.create_sheet(sheet_name(grid.caption, workbook.sheetnames))
    for row, text, size in ((1, document.title, 14), (2, grid.caption, 12)):
        sheet.cell(row, 1, text).font = Font(name=FONT_NAME, size=size, bold=True)
        sheet.cell(row, 1).alignment = Alignment(horizontal="center")
        if grid.width > 1:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=grid.width)
    for cell in grid.cells:
        write_cell(sheet, cell, top=3)
    for index, width in enumerate(grid.widths(TABLE_WIDTH_CHARS), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(width, 8)
    sheet.freeze_panes = sheet.cell(3 + grid.header_rows, 1)
    return sheet


def write_cell(sheet: Worksheet, cell: GridCell, top: int) -> None:
    row, column = top + cell.row, 1 + cell.column
    target = sheet.cell(row, column)
    target.value = cell.value if cell.part is Part.VALUE else (cell.text or None)
    if cell.part is Part.VALUE and cell.value is not None:
        target.number_format = number_format(cell.value)
    bold = cell.part in (Part.COLUMN_HEADER, Part.COLUMN_GROUP, Part.ROW_GROUP)
    target.font = Font(name=FONT_NAME, size=10.5, bold=bold)
    left = cell.part in (Part.ROW_HEADER, Part.ROW_GROUP) and cell.rowspan == 1
    target.alignment = Alignment(
        horizontal="left" if left else "center",
        vertical="center",
        wrap_text=True,
        indent=cell.depth if left else 0,
    )
    for r in range(row, row + cell.rowspan):
        for c in range(column, column + cell.colspan):
            sheet.cell(r, c).border = RULED
    if cell.rowspan > 1 or cell.colspan > 1:
        sheet.merge_cells(
            start_row=row,
            start_column=column,
            end_row=row + cell.rowspan - 1,
            end_column=column + cell.colspan - 1,
        )


def number_format(value: CellValue) -> str:
    """Integers as integers; a Decimal shows exactly the places it has (26.0480 → 0.0000)."""
    if isinstance(value, Decimal):
        places = max(-value.as_tuple().exponent, 0)  # type: ignore[operator]
        return "0." + "0" * places if places else "0"
    return "0"


def flat_sheet(sheet: Worksheet, report: Report) -> None:
    """Every cell of the report in format order, then the extra rows (no key)."""
    sheet.append(FLAT_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    specs = report.format.cells
    for key in [k for k in specs if report.has(k)] + [k for k in report.cells if k not in specs]:
        spec = specs.get(key)
        label = spec.label if spec else key
        add_flat_row(sheet, key, label, report.value(key), spec.unit if spec else None)
    for extra in report.extra:
        label = " > ".join(part for part in (extra.section, extra.label) if part)
        add_flat_row(sheet, None, label, extra.value, extra.unit)
    for letter, width in zip("ABCD", (36, 80, 14, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def add_flat_row(
    sheet: Worksheet, key: str | None, label: str, value: CellValue, unit: str | None
) -> None:
    sheet.append((key, label, value, unit))
    if value is not None:
        sheet.cell(sheet.max_row, 3).number_format = number_format(value)


def info_sheet(sheet: Worksheet, report: Report, document: Document) -> None:
    rows = (
        ("标题", document.title),
        ("单位", report.agency),
        ("年度", report.year),
        ("格式", f"{report.generation}（{report.format.document}）"),
        ("发布日期", report.published_on.isoformat() if report.published_on else None),
    )
    for row in rows:
        sheet.append(row)
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 60
