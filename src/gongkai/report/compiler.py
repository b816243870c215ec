"""Counted records → the cells of a generation B or C report, consistent by construction.

The platform counts its records in the database (web/annualreports/compiler.py) and hands the
counts here; this module places them in the format's cells. Totals are never counted: the
总计 column is the sum of the applicant columns and （七）总计 the sum of the result rows, so
the 勾稽关系 of section 三 (一 + 二 = 三's 总计 + 四, rule B3-1) hold whenever every
application is counted once on each side — which the counting windows guarantee.

Outcome keys are those of the 2021 format (statute/outcomes.py); a generation without a key's
row counts it in the row that contains it (generation B has one （六）其他处理 row for
other.no_correction, other.no_fee and other.other).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.report.arithmetic import MATRIX_COLUMNS, matrix_rows, result_rows
from gongkai.report.formats import GENERATIONS, Generation
from gongkai.report.model import CellValue, Report

APPLICANT_KINDS: tuple[str, ...] = MATRIX_COLUMNS[:-1]  # the six columns before 总计
WINDOWS: tuple[str, ...] = ("new", "carried", "carry_forward")  # rows that are not results


@dataclass(frozen=True)
class ApplicationCounts:
    """Applications of one report year, each counted once per window it falls in.

    `by_row` maps (row, applicant kind) to a count, where row is a window (new, carried,
    carry_forward) or an outcome key of the 2021 format for applications answered in the year.
    """

    by_row: Mapping[tuple[str, str], int] = field(default_factory=dict)

    def count(self, row: str, kind: str) -> int:
        return self.by_row.get((row, kind), 0)


def outcome_row(outcome: str, generation: str) -> str:
    """The section 三 row of `generation` an outcome of the 2021 format counts in."""
    rows = matrix_rows(generation)
    if outcome in rows:
        return outcome
    parent = outcome.split(".", 1)[0]
    if parent in rows:
        return parent
    raise KeyError(f"outcome {outcome!r} has no row in generation {generation}")


def section_three_cells(generation: str, counts: ApplicationCounts) -> dict[str, int]:
    """Every s3 cell: windows and result rows from the counts, totals by addition."""
    results = result_rows(generation)
    by_row: dict[tuple[str, str], int] = {}
    for (row, kind), number in counts.by_row.items():
        key = row if row in WINDOWS else outcome_row(row, generation)
        by_row[key, kind] = by_row.get((key, kind), 0) + number
    cells: dict[str, int] = {}
    for row in matrix_rows(generation):
        sources = results if row == "total" else (row,)
        figures = {kind: sum(by_row.get((r, kind), 0) for r in sources) for kind in APPLICANT_KINDS}
        for kind, figure in figures.items():
            cells[f"s3.{row}.{kind}"] = figure
        cells[f"s3.{row}.total"] = sum(figures.values())
    return cells


def assemble(
    generation: str,
    year: int,
    agency: str,
    cells: Mapping[str, CellValue],
    sections: Mapping[str, str] | None = None,
    provenance: Mapping[str, object] | None = None,
) -> Report:
    """A report with every cell of its format, in the format's order: a cell nobody counted
    or entered stays blank (None), never 0."""
    spec = GENERATIONS[generation]
    unknown = set(cells) - set(spec.cells)
    if unknown:
        raise KeyError(f"not cells of generation {generation}: {sorted(unknown)}")
    return Report(
        generation=generation,
        year=year,
        agency=agency,
        cells={key: _typed(spec, key, cells.get(key)) for key in spec.cells},
        sections=dict(sections or {}),
        provenance=dict(provenance or {}),
    )


def _typed(spec: Generation, key: str, value: CellValue) -> CellValue:
    if value is None:
        return None
    if spec.cells[key].kind == "decimal":
        return Decimal(value)
    return int(value)
