"""B3-3: the 总计 column is the sum of the six applicant columns, in every row."""

from gongkai.report import RuleStatus, Severity, run_rulebook


def test_it_passes_when_every_row_total_is_the_sum_of_its_applicants(environment_bureau_2022):
    assert run_rulebook(environment_bureau_2022).result("B3-3").status is RuleStatus.PASSED


def test_it_flags_a_row_whose_total_is_not_the_sum_of_its_applicant_columns(
    environment_bureau_2022,
):
    environment_bureau_2022.cells["s3.partial.total"] = 3

    (finding,) = run_rulebook(environment_bureau_2022).result("B3-3").findings

    assert finding.severity is Severity.ERROR
    assert finding.message_zh == "（二）行：总计=3，但各类申请人之和=1，相差2"
    assert finding.message_en == (
        "row partly granted: total = 3, but the sum of the applicant columns = 1 (difference 2)"
    )
    assert finding.cells[0] == "s3.partial.total"
    assert len(finding.cells) == 7


def test_it_checks_the_carried_over_row_too(county_office_2020):
    county_office_2020.cells["s3.carried.legal"] = 2

    (finding,) = run_rulebook(county_office_2020).result("B3-3").findings

    assert finding.message_zh == "二行：总计=1，但各类申请人之和=3，相差2"
