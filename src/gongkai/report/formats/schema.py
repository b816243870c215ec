"""The shape of a report format: sections hold tables, tables hold rows and columns.

Every generation (A, B, C) is an instance of these types, declared as data in its own
module. A cell is the crossing of a data row and a value column; its canonical key is the
table prefix, the row key and the column key joined by dots (`s3.new.natural`), or just the
row key in the one-column lists of generation A (`requests.closed`).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Kind(StrEnum):
    """The value kind of a cell, as in the `kind` column of spec/cells.csv."""

    INT = "int"  # a count: non-negative integer
    SIGNED_INT = "signed_int"  # a change (本年增/减): may be negative
    DECIMAL = "decimal"  # an amount in 万元: non-negative decimal


class Role(StrEnum):
    DATA = "data"  # a row of figures
    HEADING = "heading"  # takes no figure in the official table (a variant may print one)
    GROUP = "group"  # spans numbered sub-rows and has no subtotal (Gen B/C （三）…（五）)
    TOTAL = "total"  # the total row of its table (Gen B/C （七）总计)


@dataclass(frozen=True)
class Column:
    key: str | None  # None: the single 统计数 column of a generation-A list
    label: str
    unit: str | None = None
    kind: Kind = Kind.INT
    group: str | None = None  # a spanning header with no column of its own (法人或其他组织)
    name_en: str = ""


@dataclass(frozen=True)
class Row:
    label: str  # verbatim, with its numeral, as in the official table
    key: str | None = None  # None: a label that never holds a figure
    short: str = ""  # how messages name the row (一, （三）1); default: the bare label
    role: Role = Role.DATA
    sub_item: bool = False  # a 其中 row: a part of its parent, not a sibling
    unit: str | None = None  # generation A: each row has its own unit
    kind: Kind | None = None
    variants: tuple[str, ...] = ()  # non-empty: the row exists only in these local variants
    children: tuple["Row", ...] = ()
    name_en: str = ""


@dataclass(frozen=True)
class CellSpec:
    """One canonical cell: what spec/cells.csv lists, plus where it sits in its table."""

    key: str
    generation: str
    table: "Table"
    row: Row
    column: Column
    path: tuple[str, ...]  # caption, group labels, row label, column label
    unit: str | None
    kind: Kind

    @property
    def label(self) -> str:
        return " ".join(self.path)

    @property
    def is_heading(self) -> bool:
        """A heading row's figure is optional: the official table prints `—` there."""
        return self.row.role is Role.HEADING


@dataclass(frozen=True)
class Table:
    key: str  # stable identifier of the table, e.g. "s3", "s2.item1", "requests"
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    prefix: str | None = None  # first part of every cell key
    stub_header: str = ""  # header of the label column (信息内容, 统计指标)
    note: str = ""  # verbatim note printed with the table
    layout: str = ""  # how the printed table differs from rows × columns

    @property
    def title(self) -> str:
        """The caption, or for a generation-A block its top-level row (一、主动公开情况)."""
        return self.caption or self.rows[0].label

    def walk(self) -> Iterator[tuple[Row, tuple[Row, ...]]]:
        """Every row in printed order, with its ancestors."""
        yield from _walk(self.rows, ())

    def cell_key(self, row: Row, column: Column) -> str:
        return ".".join(part for part in (self.prefix, row.key, column.key) if part)

    def cells(self, generation: str) -> Iterator[CellSpec]:
        for row, ancestors in self.walk():
            if row.key is None:
                continue
            for column in self.columns:
                yield self._cell(generation, row, ancestors, column)

    def _cell(
        self, generation: str, row: Row, ancestors: tuple[Row, ...], column: Column
    ) -> CellSpec:
        captions = (self.caption,) if self.caption else ()
        path = (*captions, *(a.label for a in ancestors), row.label)
        if column.key is not None:
            path = (*path, *((column.group,) if column.group else ()), column.label)
        return CellSpec(
            key=self.cell_key(row, column),
            generation=generation,
            table=self,
            row=row,
            column=column,
            path=path,
            unit=row.unit if row.unit is not None else column.unit,
            kind=row.kind or column.kind,
        )


def _walk(
    rows: tuple[Row, ...], ancestors: tuple[Row, ...]
) -> Iterator[tuple[Row, tuple[Row, ...]]]:
    for row in rows:
        yield row, ancestors
        yield from _walk(row.children, (*ancestors, row))


@dataclass(frozen=True)
class Section:
    numeral: str  # 一, 二 … ("" for the generation-A statistics table)
    title: str
    tables: tuple[Table, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.numeral}、{self.title}" if self.numeral else self.title


@dataclass(frozen=True)
class Generation:
    code: str  # A, B, C
    name: str  # the format's official name
    document: str  # the State Council document that set it
    first_year: int | None  # first reporting year it applies to (None: from the start)
    last_year: int | None  # last reporting year (None: still in force)
    sections: tuple[Section, ...]
    variants: dict[str, str] = field(default_factory=dict)  # variant tag -> description

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(table for section in self.sections for table in section.tables)

    @cached_property
    def cells(self) -> dict[str, CellSpec]:
        return {spec.key: spec for table in self.tables for spec in table.cells(self.code)}

    def table(self, key: str) -> Table:
        return next(table for table in self.tables if table.key == key)

    def applies_to(self, year: int) -> bool:
        after_start = self.first_year is None or year >= self.first_year
        return after_start and (self.last_year is None or year <= self.last_year)
