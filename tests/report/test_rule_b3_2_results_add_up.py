"""B3-2: （七）总计 is the sum of the result rows, in every column."""

from gongkai.report import RuleStatus, Severity, run_rulebook


def test_it_passes_when_the_result_rows_add_up_to_the_total(environment_bureau_2022):
    assert run_rulebook(environment_bureau_2022).result("B3-2").status is RuleStatus.PASSED


def test_it_flags_a_total_that_is_not_the_sum_of_its_result_rows(environment_bureau_2022):
    environment_bureau_2022.cells["s3.granted.commercial"] -= 1
    environment_bureau_2022.cells["s3.granted.total"] -= 1

    result = run_rulebook(environment_bureau_2022).result("B3-2")

    commercial, total = result.findings
    assert commercial.severity is Severity.ERROR
    assert commercial.message_zh == "商业企业列：（七）总计=3，但各项办理结果之和=2，相差1"
    assert "s3.declined.duplicate.commercial" in commercial.cells
    assert total.message_zh == "总计列：（七）总计=11，但各项办理结果之和=10，相差1"


def test_it_counts_the_three_other_handling_rows_of_generation_c(environment_bureau_2022):
    # The fixture's 1 application under （六）2 is part of the total; dropping it shows up.
    environment_bureau_2022.cells["s3.other.no_fee.natural"] = 0
    environment_bureau_2022.cells["s3.other.no_fee.total"] = 0

    result = run_rulebook(environment_bureau_2022).result("B3-2")

    assert result.status is RuleStatus.VIOLATED
    assert "s3.other.no_fee.natural" in result.findings[0].cells


def test_it_counts_the_single_other_handling_row_of_generation_b(county_office_2020):
    county_office_2020.cells["s3.other.natural"] = 0
    county_office_2020.cells["s3.other.total"] = 0

    result = run_rulebook(county_office_2020).result("B3-2")

    assert "s3.other.natural" in result.findings[0].cells
    assert not any(key.startswith("s3.other.no_fee") for key in result.findings[0].cells)
