"""Figures that satisfy every 勾稽关系 of their generation, and the printed rows of a report
built from them: the raw material of the damaged-table tests (test_damaged_tables.py,
test_glued_cells.py)."""

import random
from decimal import Decimal

from gongkai.report.arithmetic import MATRIX_COLUMNS, result_rows
from gongkai.report.formats import GENERATIONS, Kind

KINDS = MATRIX_COLUMNS[:-1]
APPEAL_GROUPS = ("review", "direct", "after_review")
OUTCOMES = ("upheld", "corrected", "other", "pending")


def consistent_figures(code: str, rng: random.Random, high: int = 40) -> dict:
    """Every cell of generation B or C, with the matrix and appeals adding up."""
    values: dict = {}
    for key, spec in GENERATIONS[code].cells.items():
        if key.startswith("s2."):
            values[key] = _document_value(spec.kind, rng)
    rows = result_rows(code)
    for row in (*rows, "carry_forward"):
        _row_with_total(values, row, rng, high if row in ("granted", "partial") else 4)
    for column in MATRIX_COLUMNS:
        values[f"s3.total.{column}"] = sum(values[f"s3.{row}.{column}"] for row in rows)
    for kind in KINDS:
        handled = values[f"s3.total.{kind}"] + values[f"s3.carry_forward.{kind}"]
        values[f"s3.carried.{kind}"] = rng.randint(0, min(handled, 5))
        values[f"s3.new.{kind}"] = handled - values[f"s3.carried.{kind}"]
    for row in ("new", "carried"):
        values[f"s3.{row}.total"] = sum(values[f"s3.{row}.{kind}"] for kind in KINDS)
    for group in APPEAL_GROUPS:
        parts = [rng.choice((0, 0, 1, 2, 3, 7, 12)) for _ in OUTCOMES]
        values |= {f"s4.{group}.{o}": v for o, v in zip(OUTCOMES, parts, strict=True)}
        values[f"s4.{group}.total"] = sum(parts)
    return values


def _document_value(kind: Kind, rng: random.Random):
    if kind is Kind.DECIMAL:
        return Decimal(rng.randint(0, 50000)) / 100
    if kind is Kind.SIGNED_INT:
        return rng.randint(-9, 12)
    return rng.choice((0, 0, 1, 3, 5, 12, 40, 1603))


def _row_with_total(values: dict, row: str, rng: random.Random, high: int) -> None:
    parts = [rng.choice((0, 0, 0, rng.randint(0, high))) for _ in KINDS]
    values |= {f"s3.{row}.{kind}": v for kind, v in zip(KINDS, parts, strict=True)}
    values[f"s3.{row}.total"] = sum(parts)


def matrix_rows(code: str) -> list[tuple[str, str, list[str]]]:
    """(printed label, row key, group label or "") of every data row of section 三."""
    table = GENERATIONS[code].table("s3")
    printed = []
    for row, ancestors in table.walk():
        if row.key is not None:
            group = ancestors[-1].label if ancestors and ancestors[-1].key is None else ""
            printed.append((row.label, row.key, group))
    return printed


def row_figures(values: dict, row: str) -> list:
    return [values[f"s3.{row}.{column}"] for column in MATRIX_COLUMNS]


# -- printing a report as PDF text extraction leaves it -----------------------------------

CAPTION = "三、收到和处理政府信息公开申请情况"
HEADER_LINES = (
    "申请人情况",
    "自然人  法人或其他组织  总计",
    "商业企业  科研机构  社会公益组织  法律服务机构  其他",
)


def cells_text(figures: list) -> str:
    return "  ".join("" if value is None else str(value) for value in figures)


def documents_lines(code: str, values: dict) -> list[str]:
    lines = ["二、主动公开政府信息情况"]
    for table in GENERATIONS[code].sections[1].tables:
        lines.append(table.caption)
        lines.append("  ".join((table.stub_header, *(c.label for c in table.columns))))
        for row, _ in table.walk():
            figures = [values[table.cell_key(row, column)] for column in table.columns]
            lines.append(f"{row.label}  {cells_text(figures)}")
    return lines


def printed_rows(code: str, values: dict) -> list[tuple[str, list]]:
    """Section 三's data rows as printed: a group label opens its first row's label."""
    printed = []
    previous = ""
    for label, key, group in matrix_rows(code):
        opener = f"{group}  " if group and group != previous and key != "total" else ""
        previous = group if key != "total" else previous
        printed.append((f"{opener}{label}", row_figures(values, key)))
    return printed


def matrix_lines(code: str, values: dict) -> list[str]:
    """Section 三 as `pdftotext -layout` prints an undamaged table."""
    rows = printed_rows(code, values)
    return [CAPTION, *HEADER_LINES, *(f"{label}  {cells_text(f)}" for label, f in rows)]


def appeals_lines(values: dict) -> list[str]:
    run = [values[f"s4.{g}.{o}"] for g in APPEAL_GROUPS for o in (*OUTCOMES, "total")]
    return [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议  行政诉讼",
        "结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉  复议后起诉",
        "  ".join(("结果维持  结果纠正  其他结果  尚未审结  总计",) * 2),
        cells_text(run),
    ]


def report_text(code: str, year: int, matrix: list[str], documents=None, appeals=None) -> str:
    """A whole report around the given section 三 lines (and optionally 二 and 四)."""
    return "\n".join(
        [
            f"某某县自然资源局{year}年政府信息公开工作年度报告",
            "一、总体情况",
            "本机关坚持以公开为常态、不公开为例外，进一步加强政府信息公开工作。",
            *(documents or []),
            *matrix,
            *(appeals or []),
            "五、存在的主要问题及改进情况",
            "公开工作仍有不足，下一步将进一步加强培训，提高答复质量和工作人员的业务水平。",
            "六、其他需要报告的事项",
            "无。",
        ]
    )
