"""The three generations of the annual report as data (statute-and-formats.md §1–3).

`GENERATIONS["B"].cells["s3.new.natural"]` is the cell spec (label path, unit, kind, table,
row, column); `GENERATIONS["C"].sections` is the report outline with its tables.
"""

from gongkai.report.formats.generation_a import GENERATION_A
from gongkai.report.formats.generation_b import GENERATION_B
from gongkai.report.formats.generation_c import GENERATION_C
from gongkai.report.formats.schema import (
    CellSpec,
    Column,
    Generation,
    Kind,
    Role,
    Row,
    Section,
    Table,
)

GENERATIONS: dict[str, Generation] = {g.code: g for g in (GENERATION_A, GENERATION_B, GENERATION_C)}

# The 条例 (2007) took effect on 2008-05-01; 2008 is the first reporting year.
FIRST_REPORTING_YEAR = 2008
# Local rules asked for annual reports before the 条例 (广州市政府信息公开规定 2003, 上海市政府信息
# 公开规定 2004): their reports are real and read like generation A's prose.
FIRST_LOCAL_REPORTING_YEAR = 2003


def generation_for_year(year: int) -> Generation:
    """The format a report for `year` should use: A up to 2018, B for 2019–2020, C from 2021.

    Real reports sometimes use another one; the rulebook flags that (rule X-1), the model
    accepts it.
    """
    if year < FIRST_REPORTING_YEAR:
        raise ValueError(f"no annual report exists for {year}: the 条例 took effect in 2008")
    return next(g for g in GENERATIONS.values() if g.applies_to(year))


def cell_spec(generation: str, key: str) -> CellSpec | None:
    return GENERATIONS[generation].cells.get(key)


__all__ = [
    "FIRST_REPORTING_YEAR",
    "GENERATIONS",
    "CellSpec",
    "Column",
    "Generation",
    "Kind",
    "Role",
    "Row",
    "Section",
    "Table",
    "cell_spec",
    "generation_for_year",
]
