"""`gongkai check` on the hand-checked seed reports finds what their notes describe."""

import pytest
from tests.shared_copies import SEEDS

from gongkai.report import Outcome, RuleStatus, Severity, load_report, run_rulebook


def seed(prefix: str):
    return load_report(next(SEEDS.glob(f"{prefix}_*.expected.json")))


def violations(result) -> dict[str, Severity]:
    return {f.rule: f.severity for f in result.findings if f.outcome is Outcome.VIOLATED}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_loads_without_problems(prefix):
    assert seed(prefix).problems == ()


def test_it_finds_that_seed_001_closed_a_request_neither_on_time_nor_late():
    result = run_rulebook(seed("001"))
    (finding,) = result.findings
    assert finding.rule == "A-2"
    assert finding.severity is Severity.ERROR
    assert finding.message_zh == "申请办结数=1，但按时办结数+延期办结数=0，相差1"
    assert result.has_errors


def test_it_finds_that_seed_003_published_less_than_its_website_alone():
    result = run_rulebook(seed("003"))
    assert violations(result) == {"A-7": Severity.ERROR, "X-5": Severity.INFO}
    (a7,) = [f for f in result.findings if f.rule == "A-7"]
    assert a7.message_zh == "主动公开政府信息数=0，少于政府网站公开政府信息数=5"


def test_it_flags_the_blank_privacy_cell_of_seed_000_and_cannot_assess_its_sum():
    result = run_rulebook(seed("000"))
    assert violations(result) == {"A-12": Severity.WARNING}
    assert result.result("A-4").status is RuleStatus.NOT_ASSESSABLE
    assert result.result("A-4").findings[0].cells == ("requests.answered.refused.privacy",)
    assert not result.has_errors


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_it_finds_nothing_wrong_in_the_consistent_seeds(prefix):
    result = run_rulebook(seed(prefix))
    assert result.findings == []
    assert result.count(RuleStatus.PASSED) > 0


def test_the_all_zero_seed_002_passes_every_section_three_rule():
    result = run_rulebook(seed("002"))
    for rule in ("B3-1", "B3-2", "B3-3", "B3-4", "B4-1", "B2-2", "B2-3"):
        assert result.result(rule).status is RuleStatus.PASSED, rule
