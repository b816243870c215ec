"""Section 四 of generations B and C: 行政复议 and 行政诉讼 (statute-and-formats.md §4.2)."""

from gongkai.report.findings import Severity
from gongkai.report.rulebook.engine import Comparison, Op, Rule, ValuesOfKind, cell

OUTCOMES = ("upheld", "corrected", "other", "pending")
GENERATIONS_WITH_APPEALS = ("B", "C")


def outcomes_add_up(group: str) -> Comparison:
    return Comparison(
        (cell(f"s4.{group}.total"),),
        Op.EQUAL,
        tuple(cell(f"s4.{group}.{outcome}") for outcome in OUTCOMES),
    )


def _sum_rule(rule_id: str, group: str, zh: str, en: str) -> Rule:
    return Rule(
        rule_id,
        Severity.ERROR,
        f"{zh}：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
        f"{en}: total = upheld + corrected + other + pending",
        "[IMPLIED] by the 总计 column; the four outcomes are exhaustive (尚未审结 holds the "
        "open cases), so a gap is an error",
        {g: (outcomes_add_up(group),) for g in GENERATIONS_WITH_APPEALS},
    )


RULES = (
    _sum_rule("B4-1", "review", "行政复议", "administrative reconsideration"),
    _sum_rule("B4-2", "direct", "未经复议直接起诉", "litigation without reconsideration"),
    _sum_rule("B4-3", "after_review", "复议后起诉", "litigation after reconsideration"),
    Rule(
        "B4-4",
        Severity.ERROR,
        "行政复议、行政诉讼表的数字均为非负整数",
        "every figure of the appeals table is a non-negative integer",
        "[IMPLIED] the cells count cases",
        {g: (ValuesOfKind("s4."),) for g in GENERATIONS_WITH_APPEALS},
    ),
)
