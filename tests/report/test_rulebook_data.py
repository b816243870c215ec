"""The rulebook is data: every rule of the spec is there once, explained, and versioned."""

from gongkai.report import RULEBOOK, RULEBOOK_VERSION, Severity, check
from gongkai.report.rulebook import RULES_BY_ID

SPEC_RULES = (
    [f"B3-{n}" for n in range(1, 6)]
    + [f"B4-{n}" for n in range(1, 5)]
    + ["C2-1", "C2-2", "C2-3", "B2-1", "B2-2", "B2-3"]
    + [f"A-{n}" for n in range(1, 13)]
)
PROJECT_RULES = ["A-0", "X-1", "X-2", "X-3", "X-4", "X-5", "V-1", "V-2"]


def test_every_rule_of_the_spec_and_the_project_is_in_the_rulebook_once():
    ids = [rule.id for rule in RULEBOOK]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(SPEC_RULES + PROJECT_RULES)


def test_every_rule_explains_itself_in_both_languages_and_cites_its_basis():
    for rule in RULEBOOK:
        assert rule.title_zh and rule.title_en and rule.basis, rule.id
        assert rule.checks, rule.id


def test_rules_the_spec_calls_soft_or_cross_year_are_warnings():
    for rule_id in ("B3-5", "C2-1", "C2-2", "B2-1", "B2-3", "A-11"):
        assert RULES_BY_ID[rule_id].severity is Severity.WARNING, rule_id


def test_the_official_balance_rule_is_an_error():
    assert RULES_BY_ID["B3-1"].severity is Severity.ERROR
    assert RULES_BY_ID["B3-1"].basis.startswith("[OFFICIAL]")


def test_cross_year_rules_know_they_need_the_previous_report():
    cross_year = {rule.id for rule in RULEBOOK if rule.cross_year}
    assert cross_year == {"B3-5", "C2-1", "C2-2", "B2-1"}


def test_rules_apply_to_the_generations_whose_tables_they_read():
    assert RULES_BY_ID["B3-2"].generations == ("B", "C")
    assert RULES_BY_ID["C2-1"].generations == ("C",)
    assert RULES_BY_ID["B2-1"].generations == ("B",)
    assert RULES_BY_ID["A-7"].generations == ("A",)
    assert RULES_BY_ID["X-1"].generations == ("A", "B", "C")


def test_every_finding_records_the_rulebook_version(environment_bureau_2022):
    environment_bureau_2022.cells["s3.new.natural"] = None
    environment_bureau_2022.cells["s4.review.total"] = 9

    findings = check(environment_bureau_2022)

    assert findings
    assert {finding.rulebook for finding in findings} == {RULEBOOK_VERSION}
    assert findings[0].to_dict()["rulebook"] == RULEBOOK_VERSION
