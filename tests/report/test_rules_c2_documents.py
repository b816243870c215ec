"""C2-1…C2-3: generation C's section 二 (documents in force across years, amounts, counts)."""

from decimal import Decimal

from gongkai.report import RuleStatus, Severity, run_rulebook


def test_in_force_documents_roll_over_from_last_year(
    environment_bureau_2022, environment_bureau_2021
):
    result = run_rulebook(environment_bureau_2022, environment_bureau_2021).result("C2-1")
    assert result.status is RuleStatus.PASSED


def test_it_warns_when_documents_in_force_do_not_follow_from_last_year(
    environment_bureau_2022, environment_bureau_2021
):
    environment_bureau_2022.cells["s2.normative.in_force"] = 12

    (finding,) = (
        run_rulebook(environment_bureau_2022, environment_bureau_2021).result("C2-1").findings
    )

    assert finding.severity is Severity.WARNING
    assert finding.message_zh == (
        "行政规范性文件行：现行有效件数=12，但上年现行有效件数+本年制发件数−本年废止件数=10，相差2"
    )
    assert finding.message_en == (
        "row normative documents: in force = 12, but last year's in force + issued this year "
        "− repealed this year = 10 (difference 2)"
    )
    assert "s2.normative.in_force@2021" in finding.cells


def test_repealing_what_existed_passes(environment_bureau_2022, environment_bureau_2021):
    result = run_rulebook(environment_bureau_2022, environment_bureau_2021).result("C2-2")
    assert result.status is RuleStatus.PASSED


def test_it_warns_when_more_documents_are_repealed_than_existed(
    environment_bureau_2022, environment_bureau_2021
):
    environment_bureau_2022.cells["s2.normative.repealed"] = 12

    (finding,) = (
        run_rulebook(environment_bureau_2022, environment_bureau_2021).result("C2-2").findings
    )

    assert finding.severity is Severity.WARNING
    assert finding.message_zh == (
        "行政规范性文件行：本年废止件数=12，超过了上年现行有效件数+本年制发件数=11"
    )


def test_a_decimal_fee_amount_and_whole_counts_pass(environment_bureau_2022):
    assert run_rulebook(environment_bureau_2022).result("C2-3").status is RuleStatus.PASSED


def test_it_flags_a_negative_fee_amount(environment_bureau_2022):
    environment_bureau_2022.cells["s2.fees.amount"] = Decimal("-0.5")

    (finding,) = run_rulebook(environment_bureau_2022).result("C2-3").findings

    assert finding.severity is Severity.ERROR
    assert finding.cells == ("s2.fees.amount",)


def test_it_flags_a_fractional_document_count(environment_bureau_2022):
    environment_bureau_2022.cells["s2.licensing.decisions"] = Decimal("2.5")

    (finding,) = run_rulebook(environment_bureau_2022).result("C2-3").findings

    assert finding.cells == ("s2.licensing.decisions",)
