"""How findings name cells: short, in the user's terms, from the format data.

Cells of one column are named by their rows (`自然人列：一+二=877，…`), cells of one row by
their columns, anything else by row and column. Previous-year cells say so.

Names come from the format data alone, never from a report's figures, so they are cached by
(generation, key): a report that breaks a hundred rules names the same cells as any other.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from gongkai.report.aliases import bare_label
from gongkai.report.formats import GENERATIONS, CellSpec


@dataclass(frozen=True)
class Name:
    zh: str
    en: str


def _humanise(key: str) -> str:
    return key.replace(".", " ").replace("_", " ")


def row_name(spec: CellSpec) -> Name:
    row = spec.row
    return Name(row.short or bare_label(row.label), row.name_en or _humanise(row.key or ""))


def column_name(spec: CellSpec) -> Name | None:
    column = spec.column
    if column.key is None:
        return None
    return Name(bare_label(column.label), column.name_en or _humanise(column.key))


def full_name(spec: CellSpec) -> Name:
    row, column = row_name(spec), column_name(spec)
    if column is None:
        return row
    return Name(f"{row.zh}（{column.zh}）", f"{row.en} ({column.en})")


def spec_for(generation: str, key: str) -> CellSpec | None:
    return GENERATIONS[generation].cells.get(key)


@lru_cache(maxsize=4096)
def cell_label(generation: str, key: str) -> Name:
    """The full short name of one cell; an unknown key names itself."""
    spec = spec_for(generation, key)
    return full_name(spec) if spec else Name(key, key)


def shared_context(specs: Sequence[CellSpec]) -> tuple[Name | None, list[Name]]:
    """A subject all cells share (their column or their row) and each cell's name within it."""
    columns = [column_name(spec) for spec in specs]
    rows = [row_name(spec) for spec in specs]
    if len(specs) > 1 and None not in columns:
        if len({c.zh for c in columns if c}) == 1 and columns[0]:
            return Name(f"{columns[0].zh}列", f"column {columns[0].en}"), rows
        if len({(spec.table.key, r.zh) for spec, r in zip(specs, rows, strict=True)}) == 1:
            return Name(f"{rows[0].zh}行", f"row {rows[0].en}"), [c for c in columns if c]
    return None, [full_name(spec) for spec in specs]


GenerationKey = tuple[str, str]


@lru_cache(maxsize=4096)
def names_within(cells: tuple[GenerationKey, ...]) -> tuple[Name | None, tuple[Name, ...]] | None:
    """`shared_context` of these (generation, key) cells; None when a key is not in its format."""
    specs = [spec_for(generation, key) for generation, key in cells]
    if None in specs:
        return None
    subject, names = shared_context(specs)  # type: ignore[arg-type]
    return subject, tuple(names)


def previous_year(name: Name) -> Name:
    return Name(f"上年{name.zh}", f"last year's {name.en}")
