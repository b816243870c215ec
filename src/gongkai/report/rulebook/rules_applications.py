"""Section 三 of generations B and C: the application matrix (statute-and-formats.md §4.1)."""

from collections.abc import Iterator

from gongkai.report.arithmetic import MATRIX_COLUMNS, result_rows
from gongkai.report.findings import RuleStatus, Severity
from gongkai.report.formats.common import APPLICANT_KINDS, MATRIX_NOTE
from gongkai.report.rulebook.engine import (
    CheckOutcome,
    Comparison,
    Context,
    Custom,
    Op,
    Rule,
    ValuesOfKind,
    cell,
    describe_cell,
    last_year,
)
from gongkai.report.rulebook.naming import Name

MATRIX_GENERATIONS = ("B", "C")
CARRY_ROWS = ("carried", "carry_forward")


def balance(column: str) -> Comparison:
    """一 + 二 = 三（七）总计 + 四 in one column."""
    return Comparison(
        (cell(f"s3.new.{column}"), cell(f"s3.carried.{column}")),
        Op.EQUAL,
        (cell(f"s3.total.{column}"), cell(f"s3.carry_forward.{column}")),
    )


def results_add_up(generation: str, column: str) -> Comparison:
    return Comparison(
        (cell(f"s3.total.{column}"),),
        Op.EQUAL,
        tuple(cell(f"s3.{row}.{column}") for row in result_rows(generation)),
        rhs_name=Name("各项办理结果之和", "the sum of the result rows"),
    )


def row_total(row: str) -> Comparison:
    return Comparison(
        (cell(f"s3.{row}.total"),),
        Op.EQUAL,
        tuple(cell(f"s3.{row}.{column}") for column in APPLICANT_KINDS),
        rhs_name=Name("各类申请人之和", "the sum of the applicant columns"),
    )


def carried_over(column: str) -> Comparison:
    return Comparison(
        (cell(f"s3.carried.{column}"),),
        Op.EQUAL,
        (last_year(f"s3.carry_forward.{column}"),),
        lhs_name=Name("二、上年结转", "carried over from last year"),
        rhs_name=Name("上年报告的四、结转下年度", "last year's carried forward"),
    )


def carry_cells_present(ctx: Context) -> Iterator[CheckOutcome]:
    """The 二 and 四 rows must be there for the official balance (B3-1) to be checked."""
    if not any(key.startswith("s3.") for key in ctx.report.cells):
        yield CheckOutcome(RuleStatus.NOT_APPLICABLE)
        return
    keys = [f"s3.{row}.{column}" for row in CARRY_ROWS for column in MATRIX_COLUMNS]
    missing = tuple(key for key in keys if ctx.report.value(key) is None)
    if not missing:
        yield CheckOutcome(RuleStatus.PASSED, tuple(keys))
        return
    names = [describe_cell(ctx, key) for key in missing]
    yield CheckOutcome(
        RuleStatus.VIOLATED,
        missing,
        f"结转数据缺失（未列出或空白）：{'、'.join(n.zh for n in names)}；"
        f"表格注明的勾稽关系{MATRIX_NOTE}无法核对",
        f"carry-over figures missing (absent or blank): {'; '.join(n.en for n in names)}; "
        "the table's own rule (new + carried = total + carried forward) cannot be checked",
    )


RULES = (
    Rule(
        "B3-1",
        Severity.ERROR,
        "一加二等于三（七）总计加四（每一列）",
        "new + carried over = total handled + carried forward, in every column",
        "[OFFICIAL] printed in the table caption: " + MATRIX_NOTE,
        {g: tuple(balance(c) for c in MATRIX_COLUMNS) for g in MATRIX_GENERATIONS},
    ),
    Rule(
        "B3-2",
        Severity.ERROR,
        "（七）总计等于各项办理结果之和（每一列）",
        "（七）总计 is the sum of the result rows, in every column",
        "[IMPLIED] by the label 总计 and the note on （二） (区分处理的，只计这一情形): each "
        "application is counted once, so the rows must add up; error, as no reading allows a gap",
        {g: tuple(results_add_up(g, c) for c in MATRIX_COLUMNS) for g in MATRIX_GENERATIONS},
    ),
    Rule(
        "B3-3",
        Severity.ERROR,
        "总计列等于各类申请人之和（每一行）",
        "the 总计 column is the sum of the applicant columns, in every row",
        "[IMPLIED] by the 总计 column header; the applicant columns are exhaustive (法人或其他组织 "
        "ends in 其他), so a gap is an error",
        {
            g: tuple(
                row_total(r) for r in ("new", "carried", *result_rows(g), "total", "carry_forward")
            )
            for g in MATRIX_GENERATIONS
        },
    ),
    Rule(
        "B3-4",
        Severity.ERROR,
        "申请情况表的数字均为非负整数",
        "every figure of the application table is a non-negative integer",
        "[IMPLIED] the cells count applications",
        {g: (ValuesOfKind("s3."),) for g in MATRIX_GENERATIONS},
    ),
    Rule(
        "B3-5",
        Severity.WARNING,
        "本年“上年结转”等于上年报告的“结转下年度继续办理”",
        "carried over this year = carried forward in last year's report",
        "[IMPLIED] not stated officially; withdrawals and re-classification make real reports "
        "deviate, so the spec asks for a warning",
        {g: tuple(carried_over(c) for c in MATRIX_COLUMNS) for g in MATRIX_GENERATIONS},
    ),
    Rule(
        "X-4",
        Severity.WARNING,
        "申请情况表须列出上年结转和结转下年度数据",
        "the application table must give the carry-over rows",
        "[OFFICIAL] the rows 二 and 四 are part of the format and of its caption rule; a "
        "warning, since their absence blocks a check rather than proving a wrong figure",
        {g: (Custom(carry_cells_present),) for g in MATRIX_GENERATIONS},
    ),
)
