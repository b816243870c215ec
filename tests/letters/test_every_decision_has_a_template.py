"""No decision of the annual report's section 三 can be forgotten: each row has its 答复书."""

import pytest

from gongkai.letters import (
    DECISION_KEYS,
    DECISION_TEMPLATES,
    DECISION_VARIANTS,
    LETTER_KINDS,
    template_for,
)
from gongkai.letters.context import LetterCase
from gongkai.report.formats import GENERATIONS

DECISION_GROUPS = ("granted", "partial", "withheld", "unable", "declined")
EXPECTED_KEYS = [
    "granted",
    "partial",
    "withheld.state_secret",
    "withheld.law_forbidden",
    "withheld.security_stability",
    "withheld.third_party",
    "withheld.internal_affairs",
    "withheld.process_info",
    "withheld.enforcement_file",
    "withheld.query_matter",
    "unable.not_held",
    "unable.needs_creation",
    "unable.still_unclear",
    "declined.petition",
    "declined.duplicate",
    "declined.publication",
    "declined.excessive",
    "declined.confirm_existing",
]


def report_decision_rows(generation: str) -> set[str]:
    rows = GENERATIONS[generation].table("s3").walk()
    return {row.key for row, _ in rows if row.key and row.key.split(".")[0] in DECISION_GROUPS}


def test_the_decision_keys_are_the_ones_the_brief_and_the_report_use():
    assert list(DECISION_KEYS) == EXPECTED_KEYS


@pytest.mark.parametrize("generation", ["B", "C"])
def test_every_decision_row_of_the_report_has_a_decision_key(generation):
    assert report_decision_rows(generation) == set(DECISION_KEYS)


@pytest.mark.parametrize("decision", DECISION_KEYS)
def test_every_decision_key_has_a_template_for_each_of_its_variants(decision):
    for variant in DECISION_VARIANTS.get(decision, ("",)):
        template = template_for("decision", LetterCase(decision=decision, variant=variant))
        assert (template.decision, template.variant) == (decision, variant)


def test_granted_has_the_two_answers_of_article_36_items_1_and_2():
    assert DECISION_VARIANTS["granted"] == ("already_public", "provided")


def test_every_template_belongs_to_a_known_decision_and_variant():
    for template in DECISION_TEMPLATES.values():
        assert template.decision in DECISION_KEYS
        assert template.variant in DECISION_VARIANTS.get(template.decision, ("",))
        assert template.kind == "decision"


def test_the_letter_kinds_are_the_seven_of_the_brief_the_closing_notices_and_the_proof():
    assert LETTER_KINDS == (
        "acknowledgement",
        "correction",
        "extension",
        "consultation_third_party",
        "consultation_agency",
        "fee_notice",
        "abandoned_correction",
        "abandoned_fee",
        "withdrawn",
        "service_proof",
        "decision",
    )


def test_the_keys_agree_with_the_statute_outcomes_when_that_module_exists():
    outcomes = pytest.importorskip("gongkai.statute.outcomes")
    assert set(outcomes.DECISIONS) == set(DECISION_KEYS)
