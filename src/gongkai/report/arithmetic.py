"""Arithmetic on report cells: sums that respect blanks, the application matrix by row and by
column, and 元 → 万元.

A sum over cells is None as soon as one of them is blank or absent: a blank is "not reported",
never 0 (report-json.md, DESIGN.md "Parsing never invents numbers").
"""

from collections.abc import Iterable
from decimal import Decimal

from gongkai.report.formats import GENERATIONS, Role
from gongkai.report.formats.common import APPLICANT_COLUMNS
from gongkai.report.model import CellValue, Report

MATRIX_COLUMNS: tuple[str, ...] = tuple(str(column.key) for column in APPLICANT_COLUMNS)
YUAN_PER_WAN = 10_000


def yuan_to_wan(amount: int | Decimal) -> Decimal:
    """元 → 万元, exactly (251000元 → 25.1万元)."""
    return Decimal(amount).scaleb(-4)


def to_wan(amount: int | Decimal, unit: str) -> Decimal:
    """An amount printed in 元 or 万元, in 万元 (the unit of every amount cell)."""
    if unit == "元":
        return yuan_to_wan(amount)
    if unit == "万元":
        return Decimal(amount)
    raise ValueError(f"not a currency unit: {unit!r}")


def total(report: Report, keys: Iterable[str]) -> CellValue:
    """The sum of the cells, or None if any of them is blank or absent."""
    values = [report.value(key) for key in keys]
    if any(value is None for value in values):
        return None
    return sum(values)  # type: ignore[arg-type]


def matrix_rows(generation: str) -> tuple[str, ...]:
    """Row keys of the application matrix (section 三) in printed order: new … carry_forward."""
    table = GENERATIONS[generation].table("s3")
    return tuple(str(row.key) for row, _ in table.walk() if row.key is not None)


def result_rows(generation: str) -> tuple[str, ...]:
    """The rows that add up to （七）总计: every data row under 三、本年度办理结果 (§4.1 B3-2)."""
    table = GENERATIONS[generation].table("s3")
    return tuple(
        str(row.key)
        for row, ancestors in table.walk()
        if row.key is not None
        and row.role is Role.DATA
        and any(a.role is Role.HEADING for a in ancestors)
    )


def matrix_row(report: Report, row: str) -> dict[str, CellValue]:
    """One row of the matrix by column (only the columns the report has)."""
    keys = {column: f"s3.{row}.{column}" for column in MATRIX_COLUMNS}
    return {column: report.value(key) for column, key in keys.items() if report.has(key)}


def matrix_column(report: Report, column: str) -> dict[str, CellValue]:
    """One column of the matrix by row (only the rows the report has)."""
    keys = {row: f"s3.{row}.{column}" for row in matrix_rows(report.generation)}
    return {row: report.value(key) for row, key in keys.items() if report.has(key)}


def applicant_sum(report: Report, row: str) -> CellValue:
    """自然人 + the five 法人或其他组织 columns of one row: what its 总计 should be (B3-3)."""
    return total(report, (f"s3.{row}.{column}" for column in MATRIX_COLUMNS[:-1]))


def results_sum(report: Report, column: str) -> CellValue:
    """The result rows of one column: what its （七）总计 should be (B3-2)."""
    return total(report, (f"s3.{row}.{column}" for row in result_rows(report.generation)))
