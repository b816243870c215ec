"""The docket's vocabulary, read from the annual report's section 四 table (format data).

A case's kind is a row key of that table and its outcome a column key, so that counting a
year's cases for the report is filtering, never translating. Labels are the table's own.
"""

from gongkai.report.formats import GENERATIONS, Row

TABLE = GENERATIONS["C"].table("s4")
PENDING = "pending"  # 尚未审结: no decision yet (a column, not an outcome a case is given)
TOTAL = "total"

# Every cell of section 四: (kind, column) -> its key s4.<kind>.<column>, in printed order.
CELLS: dict[tuple[str, str], str] = {
    (spec.row.key, spec.column.key): spec.key for spec in TABLE.cells("C")
}
CELL_KEYS: tuple[str, ...] = tuple(CELLS.values())
_CELL_PARTS = {key: parts for parts, key in CELLS.items()}


def _kind_label(row: Row, ancestors: tuple[Row, ...]) -> str:
    """行政复议, or a litigation row under its group: 行政诉讼（复议后起诉）."""
    return "".join(a.label for a in ancestors) + (f"（{row.label}）" if ancestors else row.label)


KINDS: dict[str, str] = {
    row.key: _kind_label(row, ancestors) for row, ancestors in TABLE.walk() if row.key
}
KIND_CHOICES = list(KINDS.items())
REVIEW = "review"  # 行政复议
AFTER_REVIEW = "after_review"  # 行政诉讼 复议后起诉: follows a decided reconsideration

COLUMNS: dict[str, str] = {column.key: column.label for column in TABLE.columns}
OUTCOMES: dict[str, str] = {k: v for k, v in COLUMNS.items() if k not in {PENDING, TOTAL}}
OUTCOME_CHOICES = list(OUTCOMES.items())
CORRECTED = "corrected"  # 纠正: the case must say what was corrected

# Case numbers run per agency, year and series: 2025-复01 for a reconsideration, 2025-诉01
# for a lawsuit (whether or not it followed a reconsideration).
NUMBER_SERIES: dict[str, str] = {"review": "复", "direct": "诉", "after_review": "诉"}
assert set(NUMBER_SERIES) == set(KINDS), "every kind of case needs a number series"
assert {REVIEW, AFTER_REVIEW, CORRECTED} <= set(KINDS) | set(OUTCOMES)


def split_cell_key(key: str) -> tuple[str, str]:
    """(kind, column) of a section 四 cell key; ValueError for any other key."""
    if key not in _CELL_PARTS:
        raise ValueError(f"not a section 四 cell: {key}")
    return _CELL_PARTS[key]
