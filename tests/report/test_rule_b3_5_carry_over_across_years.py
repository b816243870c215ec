"""B3-5 (cross-year, warning): this year's 二 equals last year's 四."""

from gongkai.report import Outcome, RuleStatus, Severity, run_rulebook


def test_it_passes_when_last_years_carry_forward_arrives_this_year(
    environment_bureau_2022, environment_bureau_2021
):
    result = run_rulebook(environment_bureau_2022, environment_bureau_2021).result("B3-5")
    assert result.status is RuleStatus.PASSED


def test_it_warns_when_the_carried_over_figure_differs_from_last_years(
    environment_bureau_2022, environment_bureau_2021
):
    environment_bureau_2021.cells["s3.carry_forward.natural"] = 3
    environment_bureau_2021.cells["s3.carry_forward.total"] = 3

    findings = (
        run_rulebook(environment_bureau_2022, environment_bureau_2021).result("B3-5").findings
    )

    natural = findings[0]
    assert natural.severity is Severity.WARNING
    assert natural.message_zh == "自然人列：二、上年结转=1，但上年报告的四、结转下年度=3，相差2"
    assert natural.cells == ("s3.carried.natural", "s3.carry_forward.natural@2021")


def test_it_is_not_applicable_without_a_previous_report(environment_bureau_2022):
    result = run_rulebook(environment_bureau_2022).result("B3-5")

    assert result.status is RuleStatus.NOT_APPLICABLE
    assert result.findings == ()
    assert "--previous" in result.reason_en


def test_it_cannot_assess_against_a_report_of_another_year(
    environment_bureau_2022, environment_bureau_2021
):
    environment_bureau_2021.year = 2020

    result = run_rulebook(environment_bureau_2022, environment_bureau_2021).result("B3-5")

    assert result.status is RuleStatus.NOT_ASSESSABLE
    (finding,) = result.findings
    assert finding.severity is Severity.INFO
    assert finding.outcome is Outcome.NOT_ASSESSABLE
    assert "2020年度的，不是2021年度的" in finding.message_zh


def test_it_runs_from_a_generation_b_year_into_a_generation_c_year(
    environment_bureau_2021, county_office_2020
):
    county_office_2020.cells["s3.carry_forward.natural"] = 5
    county_office_2020.cells["s3.carry_forward.total"] = 5

    result = run_rulebook(environment_bureau_2021, county_office_2020).result("B3-5")

    assert result.findings[0].message_zh.endswith("相差5")
