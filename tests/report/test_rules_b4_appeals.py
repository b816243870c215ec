"""B4-1…B4-4: each 行政复议 / 行政诉讼 group's 总计 is the sum of its outcomes; no negatives."""

import pytest

from gongkai.report import RuleStatus, Severity, run_rulebook

GROUPS = [("B4-1", "review", "行政复议行"), ("B4-2", "direct", "未经复议直接起诉行")]
GROUPS += [("B4-3", "after_review", "复议后起诉行")]


@pytest.mark.parametrize(("rule", "group", "row"), GROUPS)
def test_it_passes_when_the_outcomes_add_up(environment_bureau_2022, rule, group, row):
    assert run_rulebook(environment_bureau_2022).result(rule).status is RuleStatus.PASSED


@pytest.mark.parametrize(("rule", "group", "row"), GROUPS)
def test_it_flags_a_total_that_is_not_the_sum_of_the_outcomes(
    environment_bureau_2022, rule, group, row
):
    environment_bureau_2022.cells[f"s4.{group}.total"] += 1

    (finding,) = run_rulebook(environment_bureau_2022).result(rule).findings

    assert finding.severity is Severity.ERROR
    assert finding.message_zh.startswith(f"{row}：总计=")
    assert "结果维持+结果纠正+其他结果+尚未审结" in finding.message_zh
    assert finding.message_zh.endswith("相差1")
    assert finding.cells[0] == f"s4.{group}.total"


def test_it_names_the_figures_of_a_broken_review_total(environment_bureau_2022):
    environment_bureau_2022.cells["s4.review.total"] = 3

    (finding,) = run_rulebook(environment_bureau_2022).result("B4-1").findings

    assert (
        finding.message_zh == "行政复议行：总计=3，但结果维持+结果纠正+其他结果+尚未审结=2，相差1"
    )


def test_it_passes_non_negative_case_counts(environment_bureau_2022):
    assert run_rulebook(environment_bureau_2022).result("B4-4").status is RuleStatus.PASSED


def test_it_flags_a_negative_case_count(environment_bureau_2022):
    environment_bureau_2022.cells["s4.after_review.pending"] = -2

    (finding,) = run_rulebook(environment_bureau_2022).result("B4-4").findings

    assert finding.cells == ("s4.after_review.pending",)
    assert finding.severity is Severity.ERROR
