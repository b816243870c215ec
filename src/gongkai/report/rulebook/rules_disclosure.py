"""Section 二 of generations B and C: proactive disclosure (statute-and-formats.md §4.3),
and the township that reports 规章 it has no power to make."""

import re
from collections.abc import Iterator

from gongkai.report.findings import RuleStatus, Severity
from gongkai.report.formats import GENERATIONS
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
    format_number,
    last_year,
    minus,
)

DOCUMENT_ROWS = ("regulations", "normative")
ITEM_ROWS = ("licensing", "other_services", "penalty", "coercion", "fees")  # generation B

# 立法法 (2023) 第九十三条: only 省级 and 设区的市、自治州 governments make 规章. A township
# (乡、镇、苏木) or a street office (街道) is read from the end of the agency's name.
TOWNSHIP_NAME = re.compile(r"(?:乡|镇|苏木|街道)(?:人民政府|政府|办事处)?$")
# Columns that count 规章 the agency made itself; B's 公开 columns might count published
# regulations of higher governments, so a figure there is only a warning.
OWN_REGULATION_COLUMNS = frozenset(("made", "issued", "repealed", "in_force"))


def in_force_rolls_over(row: str) -> Comparison:
    return Comparison(
        (cell(f"s2.{row}.in_force"),),
        Op.EQUAL,
        (
            last_year(f"s2.{row}.in_force"),
            cell(f"s2.{row}.issued"),
            minus(cell(f"s2.{row}.repealed")),
        ),
    )


def repealed_existed(row: str) -> Comparison:
    return Comparison(
        (cell(f"s2.{row}.repealed"),),
        Op.AT_MOST,
        (last_year(f"s2.{row}.in_force"), cell(f"s2.{row}.issued")),
    )


def items_roll_over(row: str) -> Comparison:
    return Comparison(
        (cell(f"s2.{row}.prev_items"),),
        Op.EQUAL,
        (last_year(f"s2.{row}.prev_items"), last_year(f"s2.{row}.change")),
    )


def published_within(row: str) -> tuple[Comparison, ...]:
    return (
        Comparison((cell(f"s2.{row}.published"),), Op.AT_MOST, (cell(f"s2.{row}.public_total"),)),
        # Older documents published late can make this one legitimately fail (§4.3 B2-3).
        Comparison(
            (cell(f"s2.{row}.published"),),
            Op.AT_MOST,
            (cell(f"s2.{row}.made"),),
            severity=Severity.INFO,
        ),
    )


def township_regulations(ctx: Context) -> Iterator[CheckOutcome]:
    agency = ctx.report.agency or ""
    if not TOWNSHIP_NAME.search(agency):
        yield CheckOutcome(
            RuleStatus.NOT_APPLICABLE,
            message_zh="报告单位不是乡镇或街道",
            message_en="the agency is not a township or street office",
        )
        return
    keys = [k for k in GENERATIONS[ctx.report.generation].cells if k.startswith("s2.regulations.")]
    for key in keys:
        value = ctx.report.value(key)
        if value is None or value == 0:
            continue
        name = describe_cell(ctx, key)
        own = key.rsplit(".", 1)[1] in OWN_REGULATION_COLUMNS
        yield CheckOutcome(
            RuleStatus.VIOLATED,
            (key,),
            f"{agency}是乡镇（街道），无权制定规章，但{name.zh}={format_number(value)}",
            f"{agency} is a township or street office and cannot make regulations (规章), "
            f"but {name.en} = {format_number(value)}",
            None if own else Severity.WARNING,
        )
    yield CheckOutcome(RuleStatus.PASSED, tuple(keys))


RULES = (
    Rule(
        "C2-1",
        Severity.WARNING,
        "现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数",
        "in force = last year's in force + issued − repealed",
        "[IMPLIED] cross-year; amendments and re-classification break it, so a warning (§4.3)",
        {"C": tuple(in_force_rolls_over(r) for r in DOCUMENT_ROWS)},
    ),
    Rule(
        "C2-2",
        Severity.WARNING,
        "本年废止件数不超过上年现行有效件数加本年制发件数",
        "repealed ≤ last year's in force + issued",
        "[IMPLIED] cross-year: it trusts last year's figure, which C2-1 already treats as soft",
        {"C": tuple(repealed_existed(r) for r in DOCUMENT_ROWS)},
    ),
    Rule(
        "C2-3",
        Severity.ERROR,
        "主动公开表：收费金额为非负数（万元），其他为非负整数",
        "section 二: the fee amount is a non-negative decimal (万元), "
        "the rest non-negative integers",
        "[IMPLIED] from the unit in the header and the counts in the other cells",
        {"C": (ValuesOfKind("s2."),)},
    ),
    Rule(
        "B2-1",
        Severity.WARNING,
        "上一年项目数量等于上年报告的上一年项目数量加本年增/减",
        "items last year = last year's report: items last year + change",
        "[IMPLIED] from the 湖北 glosses (WH2020) only; cross-year, so a warning",
        {"B": tuple(items_roll_over(r) for r in ITEM_ROWS)},
    ),
    Rule(
        "B2-2",
        Severity.ERROR,
        "主动公开表：本年增/减可为负数，其他均为非负数",
        "section 二: only 本年增/减 may be negative",
        "[REAL] 湖北 gloss 减用负值表示; every other cell counts items or an amount",
        {"B": (ValuesOfKind("s2."),)},
    ),
    Rule(
        "B2-3",
        Severity.WARNING,
        "本年新公开数量不超过对外公开总数量（通常也不超过本年新制作数量）",
        "published this year ≤ public in total (and usually ≤ made this year)",
        "[IMPLIED] warning only per §4.3; the second part is info, since late publication of "
        "older documents legitimately exceeds the year's new ones",
        {"B": tuple(c for r in DOCUMENT_ROWS for c in published_within(r))},
    ),
    Rule(
        "X-2",
        Severity.ERROR,
        "乡镇、街道无权制定规章",
        "a township or street office cannot make regulations (规章)",
        "立法法第九十三条 gives 规章 power to 省级 and 设区的市、自治州 governments only; the "
        "agency level is read from the end of its name. B's 公开 columns are a warning only",
        {"B": (Custom(township_regulations),), "C": (Custom(township_regulations),)},
    ),
)
