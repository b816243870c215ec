"""B3-1 [OFFICIAL]: 一 + 二 = 三（七）总计 + 四 in every column of the application table."""

from gongkai.report import RuleStatus, Severity, run_rulebook


def test_it_passes_when_new_and_carried_equal_handled_and_carried_forward(environment_bureau_2022):
    assert run_rulebook(environment_bureau_2022).result("B3-1").status is RuleStatus.PASSED


def test_it_flags_a_column_where_new_plus_carried_is_not_handled_plus_carried_forward(
    environment_bureau_2022,
):
    environment_bureau_2022.cells["s3.new.natural"] += 7
    environment_bureau_2022.cells["s3.new.total"] += 7

    result = run_rulebook(environment_bureau_2022).result("B3-1")

    assert result.status is RuleStatus.VIOLATED
    natural, total = result.findings
    assert natural.severity is Severity.ERROR
    assert natural.message_zh == "自然人列：一+二=16，但（七）总计+四=9，相差7"
    assert natural.message_en == (
        "column natural persons: new + carried = 16, but total + carried forward = 9 (difference 7)"
    )
    assert natural.cells == (
        "s3.new.natural",
        "s3.carried.natural",
        "s3.total.natural",
        "s3.carry_forward.natural",
    )
    assert total.message_zh == "总计列：一+二=20，但（七）总计+四=13，相差7"


def test_it_applies_to_generation_b_as_well(county_office_2020):
    county_office_2020.cells["s3.carry_forward.research"] = 1
    county_office_2020.cells["s3.carry_forward.total"] = 1

    result = run_rulebook(county_office_2020).result("B3-1")

    assert [f.cells[-1] for f in result.findings] == [
        "s3.carry_forward.research",
        "s3.carry_forward.total",
    ]
