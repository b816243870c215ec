"""B3-4: every figure of the application table is a non-negative integer."""

from decimal import Decimal

from gongkai.report import RuleStatus, Severity, run_rulebook


def test_it_passes_when_every_figure_is_a_whole_count(environment_bureau_2022):
    assert run_rulebook(environment_bureau_2022).result("B3-4").status is RuleStatus.PASSED


def test_it_flags_a_negative_count(environment_bureau_2022):
    environment_bureau_2022.cells["s3.withheld.state_secret.research"] = -1

    (finding,) = run_rulebook(environment_bureau_2022).result("B3-4").findings

    assert finding.severity is Severity.ERROR
    assert finding.cells == ("s3.withheld.state_secret.research",)
    assert finding.message_zh == "（三）1（科研机构）=-1：不能为负数"


def test_it_flags_a_fractional_count(environment_bureau_2022):
    environment_bureau_2022.cells["s3.granted.legal"] = Decimal("1.5")

    (finding,) = run_rulebook(environment_bureau_2022).result("B3-4").findings

    assert finding.message_en == "granted (legal services) = 1.5 must be an integer"
