"""The templates are data; these checks keep that data honest."""

import pytest

from gongkai.letters import DECISION_TEMPLATES, KIND_TEMPLATES
from gongkai.letters.compose import ALWAYS_REQUIRED, placeholders
from gongkai.letters.fields import CONSTANTS, FIELD_LABELS
from gongkai.statute.law import provision

TEMPLATES = {**KIND_TEMPLATES, **DECISION_TEMPLATES}
COMPUTED = {
    "review_route",
    "litigation_route",
    "receipt_quote",
    "provisional_note",
    "fee_basis",
    "fee_amount_upper",
}
LIST_ITEM = {"n", "item"}


def fields_used(template) -> set[str]:
    used = set()
    for para in template.paragraphs:
        used |= {name for name in placeholders(para.text) if not name.startswith("第")}
    return used


@pytest.mark.parametrize("key", TEMPLATES)
def test_every_field_a_template_uses_is_a_known_field(key):
    known = set(FIELD_LABELS) | set(CONSTANTS) | COMPUTED | LIST_ITEM
    assert fields_used(TEMPLATES[key]) - known == set()


@pytest.mark.parametrize("key", TEMPLATES)
def test_every_required_field_has_a_chinese_name(key):
    template = TEMPLATES[key]
    for name in (*ALWAYS_REQUIRED, template.addressee, *template.required):
        assert name in FIELD_LABELS or name == template.addressee == "", name


@pytest.mark.parametrize("key", TEMPLATES)
def test_unconditional_paragraphs_use_only_required_or_always_present_fields(key):
    template = TEMPLATES[key]
    always = set(CONSTANTS) | {"office_name", "review_route", "litigation_route", "fee_basis"}
    always |= {"you", "agency_name"}
    always |= {"fee_amount_upper", *template.required}
    for para in template.paragraphs:
        if para.when or para.unless:
            continue
        names = placeholders(para.text) - LIST_ITEM
        assert {n for n in names if not n.startswith("第")} - always == set(), para.text


@pytest.mark.parametrize("key", TEMPLATES)
def test_every_quoted_provision_is_declared_and_exists(key):
    template = TEMPLATES[key]
    for para in template.paragraphs:
        for reference in (n for n in placeholders(para.text) if n.startswith("第")):
            assert reference in template.articles
    for reference in template.articles:
        assert provision(reference)


@pytest.mark.parametrize("key", DECISION_TEMPLATES)
def test_every_decision_letter_cites_the_remedies_article(key):
    assert "第五十一条" in DECISION_TEMPLATES[key].articles


def test_each_withheld_ground_quotes_the_article_the_report_format_implies():
    expected = {
        "withheld.state_secret": "第十四条",
        "withheld.law_forbidden": "第十四条",
        "withheld.security_stability": "第十四条",
        "withheld.third_party": "第十五条",
        "withheld.internal_affairs": "第十六条第一款",
        "withheld.process_info": "第十六条第二款",
        "withheld.enforcement_file": "第十六条第二款",
        "withheld.query_matter": "第三十六条第（七）项",
        "unable.not_held:not_exist": "第三十六条第（四）项",
        "unable.not_held:not_ours": "第三十六条第（五）项",
        "unable.needs_creation": "第三十八条",
        "unable.still_unclear": "第三十条",
        "declined.petition": "第三十九条第一款",
        "declined.duplicate": "第三十六条第（六）项",
        "declined.publication": "第三十九条第二款",
        "declined.excessive": "第三十五条",
        "granted:already_public": "第三十六条第（一）项",
        "granted:provided": "第三十六条第（二）项",
        "partial": "第三十七条",
    }
    for key, article in expected.items():
        assert article in DECISION_TEMPLATES[key].articles, key
