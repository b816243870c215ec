"""The one layout engine: a statutory table of a report as a grid of cells with spans.

Every renderer (HTML, DOCX, XLSX; PDF through HTML) draws the same `Grid`, so the merged
header cells of the official formats (申请人情况 / 法人或其他组织; 行政复议 / 行政诉讼 /
未经复议直接起诉 / 复议后起诉; the numbered sub-rows of （三）…（六）) are decided once, here,
from the formats data. Rows the report does not have (key absent) are not printed; a blank
cell (None) is printed empty, never as 0.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from gongkai.report.formats import Column, Kind, Row, Table
from gongkai.report.model import CellValue, ExtraRow, Report
from gongkai.report.render.table_shapes import (
    BANNER_STUB_HEADER,
    EXTRA_SECTION_SEPARATOR,
    NO_FIGURE,
    STATISTICS_HEADERS,
    TRANSPOSED,
)


class Part(StrEnum):
    NOTE = "note"  # the 勾稽关系 note in the matrix's corner
    COLUMN_HEADER = "column_header"  # heads one column (th scope=col)
    COLUMN_GROUP = "column_group"  # heads several columns (th scope=colgroup)
    ROW_HEADER = "row_header"  # the label of one data row (th scope=row)
    ROW_GROUP = "row_group"  # a label over several rows, or a heading row (th scope=rowgroup)
    UNIT = "unit"
    VALUE = "value"
    MARK = "mark"  # — where a heading row takes no figure


@dataclass(frozen=True)
class GridCell:
    part: Part
    text: str
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    key: str | None = None  # the canonical cell key of a VALUE cell
    value: CellValue = None  # the figure itself, for formats that store numbers (XLSX)
    depth: int = 0  # nesting of a row label, for indentation in flat lists

    @property
    def is_header(self) -> bool:
        return self.part not in (Part.UNIT, Part.VALUE, Part.MARK, Part.NOTE)


@dataclass(frozen=True)
class Grid:
    key: str
    caption: str
    width: int
    height: int
    header_rows: int
    cells: tuple[GridCell, ...]
    units: dict[str, str] = field(default_factory=dict)  # cell key -> unit, for XLSX
    weights: tuple[float, ...] = ()  # relative column widths

    def widths(self, total: float) -> list[float]:
        """Column widths that share `total` (mm, %, characters) by the columns' weights."""
        weights = self.weights or (1.0,) * self.width
        return [total * weight / sum(weights) for weight in weights]

    def rows(self) -> list[list[GridCell]]:
        """Cells grouped by the row they start in, left to right (HTML and XLSX order)."""
        rows: list[list[GridCell]] = [[] for _ in range(self.height)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.column)):
            rows[cell.row].append(cell)
        return rows

    @property
    def value_cells(self) -> list[GridCell]:
        return [cell for cell in self.cells if cell.part is Part.VALUE]


def format_value(value: CellValue, unit_suffix: str = "") -> str:
    """A figure as printed: blank stays blank, decimals keep every digit they were given."""
    if value is None:
        return ""
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return text + unit_suffix


# --- which rows a report prints ---------------------------------------------------------


def printed_rows(rows: Iterable[Row], present: "RowTest") -> tuple[Row, ...]:
    """The row tree pruned to what the report has. A keyed row the report lacks is dropped,
    but its children that the report has move up in its place (seed 000 prints 专职/兼职人员数
    without their parent row)."""
    result: list[Row] = []
    for row in rows:
        children = printed_rows(row.children, present)
        if row.key is not None and not present(row):
            result.extend(children)
        elif row.key is not None or children:
            result.append(replace(row, children=children))
    return tuple(result)


class RowTest:
    """Whether the report has a row of a table: any of its cells is present (even blank)."""

    def __init__(self, table: Table, report: Report) -> None:
        self.table, self.report = table, report

    def __call__(self, row: Row) -> bool:
        return any(self.report.has(self.table.cell_key(row, c)) for c in self.table.columns)


def leaf_count(row: Row) -> int:
    return sum(leaf_count(child) for child in row.children) if row.children else 1


def tree_depth(rows: tuple[Row, ...]) -> int:
    return max((1 + tree_depth(row.children) for row in rows), default=0)


# --- tables with a label column on the left (B/C sections 二 and 三) ------------------------


class _Builder:
    def __init__(self) -> None:
        self.cells: list[GridCell] = []
        self.units: dict[str, str] = {}

    def add(self, part: Part, text: str, row: int, column: int, **spans: int) -> None:
        self.cells.append(GridCell(part, text, row, column, **spans))

    def value(self, report: Report, key: str, row: int, column: int, of: Column) -> None:
        value = report.value(key)
        text = format_value(value, unit_suffix(of))
        self.cells.append(GridCell(Part.VALUE, text, row, column, key=key, value=value))
        if of.unit:
            self.units[key] = of.unit

    def grid(self, table: Table, header_rows: int, weights: tuple[float, ...]) -> Grid:
        height = max(c.row + c.rowspan for c in self.cells)
        width = max(c.column + c.colspan for c in self.cells)
        return Grid(
            key=table.key,
            caption=table.title,
            width=width,
            height=height,
            header_rows=header_rows,
            cells=tuple(self.cells),
            units=self.units,
            weights=weights,
        )


def column_header_rows(table: Table) -> int:
    return 2 if any(column.group for column in table.columns) else 1


def add_column_headers(builder: _Builder, columns: tuple[Column, ...], top: int, left: int) -> None:
    """One header cell per column; a group label (法人或其他组织) spans its columns above them."""
    depth = 2 if any(column.group for column in columns) else 1
    index = 0
    while index < len(columns):
        column = columns[index]
        if column.group is None:
            builder.add(Part.COLUMN_HEADER, column.label, top, left + index, rowspan=depth)
            index += 1
            continue
        run = list(columns[index:])
        run = run[: next((i for i, c in enumerate(run) if c.group != column.group), len(run))]
        builder.add(Part.COLUMN_GROUP, column.group, top, left + index, colspan=len(run))
        for offset, member in enumerate(run):
            builder.add(Part.COLUMN_HEADER, member.label, top + 1, left + index + offset)
        index += len(run)


def stub_grid(table: Table, report: Report) -> Grid | None:
    """A table whose rows are labelled on the left: group labels span their numbered sub-rows,
    and a row with no sub-rows widens to fill the label columns (the official matrix)."""
    rows = printed_rows(table.rows, RowTest(table, report))
    if not rows:
        return None
    builder, stub = _Builder(), tree_depth(rows)
    header = column_header_rows(table)
    if table.key in BANNER_STUB_HEADER:
        builder.add(Part.NOTE, table.note, 0, 0, rowspan=header + 1, colspan=stub)
        builder.add(Part.COLUMN_GROUP, table.stub_header, 0, stub, colspan=len(table.columns))
        header += 1
    else:
        builder.add(Part.COLUMN_HEADER, table.stub_header, 0, 0, rowspan=header, colspan=stub)
    add_column_headers(builder, table.columns, header - column_header_rows(table), stub)
    place_stub_rows(builder, table, report, rows, header, 0, stub)
    return builder.grid(table, header, stub_weights(stub) + (1.0,) * len(table.columns))


def stub_weights(stub: int) -> tuple[float, ...]:
    """Label columns: the innermost holds the long labels, the outer ones only group names."""
    return (1.0,) * (stub - 1) + (2.0 if stub == 1 else 2.6,)


def place_stub_rows(
    builder: _Builder,
    table: Table,
    report: Report,
    rows: tuple[Row, ...],
    top: int,
    depth: int,
    stub: int,
) -> int:
    """Place rows from grid row `top` at label column `depth`; returns the next free row."""
    for row in rows:
        if row.children:
            builder.add(Part.ROW_GROUP, row.label, top, depth, rowspan=leaf_count(row))
            top = place_stub_rows(builder, table, report, row.children, top, depth + 1, stub)
            continue
        builder.add(Part.ROW_HEADER, row.label, top, depth, colspan=stub - depth)
        for index, column in enumerate(table.columns):
            key = table.cell_key(row, column)
            builder.value(report, key, top, stub + index, column)
        top += 1
    return top


# --- the appeals table: rows printed as column headers (§2.3) ------------------------------


def transposed_grid(table: Table, report: Report) -> Grid | None:
    rows = printed_rows(table.rows, RowTest(table, report))
    if not rows:
        return None
    builder = _Builder()
    header = tree_depth(rows) + 1  # the outcome labels take the last header row
    place_transposed(builder, table, report, rows, 0, 0, header)
    return builder.grid(table, header, ())


def place_transposed(
    builder: _Builder,
    table: Table,
    report: Report,
    rows: tuple[Row, ...],
    depth: int,
    left: int,
    header: int,
) -> int:
    width = len(table.columns)
    for row in rows:
        if row.children:
            span = leaf_count(row) * width
            builder.add(Part.COLUMN_GROUP, row.label, depth, left, colspan=span)
            left = place_transposed(builder, table, report, row.children, depth + 1, left, header)
            continue
        builder.add(
            Part.COLUMN_GROUP, row.label, depth, left, rowspan=header - 1 - depth, colspan=width
        )
        for index, column in enumerate(table.columns):
            builder.add(Part.COLUMN_HEADER, column.label, header - 1, left + index)
            builder.value(report, table.cell_key(row, column), header, left + index, column)
        left += width
    return left


# --- generation A: the flat 统计表, and extra rows ---------------------------------------

LIST_WEIGHTS = (6.0, 1.0, 1.4)  # 统计指标 | 单位 | 统计数


class _ListBuilder(_Builder):
    """A flat 统计指标 | 单位 | 统计数 list, one grid row per printed row."""

    def __init__(self) -> None:
        super().__init__()
        for column, label in enumerate(STATISTICS_HEADERS):
            self.add(Part.COLUMN_HEADER, label, 0, column)
        self.next_row = 1

    def heading(self, label: str, depth: int) -> None:
        self.cells.append(GridCell(Part.ROW_GROUP, label, self.next_row, 0, depth=depth))
        self.add(Part.MARK, NO_FIGURE, self.next_row, 1)
        self.add(Part.MARK, NO_FIGURE, self.next_row, 2)
        self.next_row += 1

    def figure(self, label: str, unit: str | None, depth: int, value: CellValue, key: str | None):
        self.cells.append(GridCell(Part.ROW_HEADER, label, self.next_row, 0, depth=depth))
        self.add(Part.UNIT, unit or "", self.next_row, 1)
        self.cells.append(
            GridCell(Part.VALUE, format_value(value), self.next_row, 2, key=key, value=value)
        )
        if key and unit:
            self.units[key] = unit
        self.next_row += 1


def list_rows(builder: _ListBuilder, table: Table, report: Report) -> None:
    for row, depth in _with_depth(printed_rows(table.rows, RowTest(table, report)), 0):
        if row.key is None:
            builder.heading(row.label, depth)
            continue
        key = table.cell_key(row, table.columns[0])
        builder.figure(row.label, row.unit, depth, report.value(key), key)


def _with_depth(rows: tuple[Row, ...], depth: int) -> Iterator[tuple[Row, int]]:
    for row in rows:
        yield row, depth
        yield from _with_depth(row.children, depth + 1)


def extra_rows(builder: _ListBuilder, extras: Iterable[ExtraRow], path_start: int = 0) -> None:
    """Extra rows under heading rows made from their section path, each heading printed once
    where the path changes; `path_start` skips the parts the surrounding section prints."""
    printed: tuple[str, ...] = ()
    for extra in extras:
        path = tuple(section_path(extra)[path_start:])
        keep = common_prefix(path, printed)
        for depth, label in enumerate(path[keep:], start=keep):
            builder.heading(label, depth)
        printed = path
        builder.figure(extra.label, extra.unit, len(path), extra.value, None)


def common_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    length = 0
    while length < min(len(a), len(b)) and a[length] == b[length]:
        length += 1
    return length


def section_path(extra: ExtraRow) -> list[str]:
    if not extra.section:
        return []
    return [part.strip() for part in extra.section.split(EXTRA_SECTION_SEPARATOR)]


def statistics_grid(
    tables: Iterable[Table], report: Report, caption: str, extras: Iterable[ExtraRow] = ()
) -> Grid | None:
    """Generation A: every block of the 统计表 in one list, the report's extra rows after."""
    builder = _ListBuilder()
    tables = tuple(tables)
    for table in tables:
        list_rows(builder, table, report)
    extra_rows(builder, extras)
    if builder.next_row == 1:
        return None
    key = tables[0].key if tables else "extra"
    return builder.grid(Table(key=key, caption=caption, columns=(), rows=()), 1, LIST_WEIGHTS)


def extras_grid(extras: Iterable[ExtraRow], caption: str, path_start: int) -> Grid | None:
    """Extra rows of a generation B/C report, as a small list in their section."""
    builder = _ListBuilder()
    extra_rows(builder, extras, path_start)
    if builder.next_row == 1:
        return None
    return builder.grid(Table(key="extra", caption=caption, columns=(), rows=()), 1, LIST_WEIGHTS)


def table_grid(table: Table, report: Report) -> Grid | None:
    """The grid of one statutory table of generation B or C, or None if none of it is in the
    report."""
    if table.key in TRANSPOSED:
        return transposed_grid(table, report)
    return stub_grid(table, report)


def unit_suffix(column: Column) -> str:
    """Amount columns whose header prints no unit (采购总金额) carry it in the cell."""
    if column.kind is Kind.DECIMAL and column.unit and column.unit not in column.label:
        return column.unit
    return ""


__all__ = [
    "Grid",
    "GridCell",
    "Part",
    "extras_grid",
    "format_value",
    "statistics_grid",
    "table_grid",
]
