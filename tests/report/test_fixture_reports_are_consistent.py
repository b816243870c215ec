"""The named reports the rule tests start from break no rule, so each test's one change is
what a finding is about."""

from gongkai.report import RuleStatus, run_rulebook


def test_the_2022_environment_bureau_report_passes_with_its_2021_report(
    environment_bureau_2022, environment_bureau_2021
):
    result = run_rulebook(environment_bureau_2022, environment_bureau_2021)
    assert result.findings == []
    assert result.result("C2-1").status is RuleStatus.PASSED


def test_the_2020_county_office_report_passes_with_its_2019_report(
    county_office_2020, county_office_2019
):
    result = run_rulebook(county_office_2020, county_office_2019)
    assert result.findings == []
    assert result.result("B2-1").status is RuleStatus.PASSED


def test_the_2016_education_bureau_report_passes(education_bureau_2016):
    result = run_rulebook(education_bureau_2016)
    assert result.findings == []
    assert result.result("A-3").status is RuleStatus.PASSED


def test_the_township_report_passes(stone_gate_town_2022):
    result = run_rulebook(stone_gate_town_2022)
    assert result.findings == []
    assert result.result("X-2").status is RuleStatus.PASSED
