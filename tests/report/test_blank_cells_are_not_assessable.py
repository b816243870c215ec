"""A blank cell makes its check "not assessable": never a silent pass, never a false failure."""

from gongkai.report import Outcome, RuleStatus, Severity, run_rulebook


def test_a_blank_cell_makes_its_check_not_assessable_with_an_info_finding(
    environment_bureau_2022,
):
    environment_bureau_2022.cells["s3.carried.natural"] = None

    result = run_rulebook(environment_bureau_2022).result("B3-1")

    assert result.status is RuleStatus.NOT_ASSESSABLE
    (finding,) = result.findings
    assert finding.severity is Severity.INFO
    assert finding.outcome is Outcome.NOT_ASSESSABLE
    assert finding.cells == ("s3.carried.natural",)
    assert finding.message_zh == "无法核对：二（自然人）空白或无法识别"


def test_a_blank_total_column_does_not_fail_the_row_sums(environment_bureau_2022):
    # SH2019 leaves the 总计 of most result rows blank (§2.4).
    for row in ("granted", "partial", "withheld.third_party"):
        environment_bureau_2022.cells[f"s3.{row}.total"] = None

    result = run_rulebook(environment_bureau_2022).result("B3-3")

    assert result.status is RuleStatus.NOT_ASSESSABLE
    assert [f.outcome for f in result.findings] == [Outcome.NOT_ASSESSABLE]
    assert result.findings[0].cells == (
        "s3.granted.total",
        "s3.partial.total",
        "s3.withheld.third_party.total",
    )


def test_other_columns_are_still_checked_next_to_a_blank_one(environment_bureau_2022):
    environment_bureau_2022.cells["s3.carried.natural"] = None
    environment_bureau_2022.cells["s3.new.commercial"] += 1
    environment_bureau_2022.cells["s3.new.total"] += 1

    result = run_rulebook(environment_bureau_2022).result("B3-1")

    assert result.status is RuleStatus.VIOLATED
    assert [f.outcome for f in result.findings] == [
        Outcome.VIOLATED,
        Outcome.VIOLATED,
        Outcome.NOT_ASSESSABLE,
    ]


def test_an_absent_row_makes_a_check_not_applicable_without_a_finding(education_bureau_2016):
    del education_bureau_2016.cells["org.staff"]

    result = run_rulebook(education_bureau_2016).result("A-6")

    assert result.status is RuleStatus.NOT_APPLICABLE
    assert result.findings == ()


def test_many_blank_cells_are_summarised_in_one_finding(environment_bureau_2022):
    for key in list(environment_bureau_2022.cells):
        if key.startswith("s3.") and key.endswith(".total"):
            environment_bureau_2022.cells[key] = None

    (finding,) = run_rulebook(environment_bureau_2022).result("B3-3").findings

    assert len(finding.cells) == 25  # generation C: 23 rows of B, （六） split in three
    assert "等25个单元格" in finding.message_zh
    assert "and 19 more cells" in finding.message_en


def test_rules_of_another_generation_are_not_applicable(education_bureau_2016):
    result = run_rulebook(education_bureau_2016).result("B3-1")

    assert result.status is RuleStatus.NOT_APPLICABLE
    assert result.reason_zh == "仅适用于B、C代格式"
