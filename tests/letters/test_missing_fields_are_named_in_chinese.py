"""A letter that lacks something says what, by its Chinese name, and renders nothing."""

from dataclasses import fields, replace

import pytest

from gongkai.letters import (
    CLOSING_TEMPLATES,
    DECISION_TEMPLATES,
    PROCEDURE_TEMPLATES,
    LetterAgency,
    LetterCase,
    MissingField,
    render_letter,
    required_fields,
)
from gongkai.letters.fields import FIELD_LABELS

TEMPLATES = {**PROCEDURE_TEMPLATES, **CLOSING_TEMPLATES, **DECISION_TEMPLATES}
CASE_FIELDS = {field.name: field.default for field in fields(LetterCase)}
REMOVABLE = [
    (key, name)
    for key, template in TEMPLATES.items()
    for name in template.required
    if name in CASE_FIELDS
]


def kind_of(key: str) -> str:
    return "decision" if key in DECISION_TEMPLATES else key


@pytest.mark.parametrize(("key", "name"), REMOVABLE, ids=lambda value: str(value))
def test_each_required_field_of_each_letter_is_named_when_missing(key, name, context_for):
    context = context_for(key, **{name: CASE_FIELDS[name]})
    with pytest.raises(MissingField, match=f"缺少{FIELD_LABELS[name]}（{name}）") as raised:
        render_letter(kind_of(key), context, "docx")
    assert raised.value.field == name
    assert isinstance(raised.value, ValueError)


def test_the_message_names_the_letter_too(context_for):
    with pytest.raises(ValueError) as raised:
        render_letter("correction", context_for("correction", correction_items=()), "pdf")
    assert (
        str(raised.value)
        == "缺少需要补正的事项（correction_items），无法生成《政府信息公开申请补正告知书》"
    )


def test_a_letter_without_a_receipt_date_has_no_deadline_and_says_so(context_for):
    with pytest.raises(MissingField, match="缺少收到申请之日（received_on）"):
        render_letter("acknowledgement", context_for("acknowledgement", received_on=None))


def test_a_letter_without_a_date_cannot_be_signed(context_for):
    with pytest.raises(MissingField, match="缺少落款日期（issued_on）"):
        render_letter("decision", context_for("partial", issued_on=None), "html")


def test_the_applicant_must_be_named(context_for):
    context = context_for("declined.petition")
    context = replace(context, applicant=replace(context.applicant, name=""))
    with pytest.raises(MissingField, match="缺少申请人姓名或者名称"):
        render_letter("decision", context)


def test_the_agency_must_be_named(context_for):
    context = replace(context_for("extension"), agency=LetterAgency(name=""))
    with pytest.raises(MissingField, match="缺少行政机关名称（agency_name）"):
        render_letter("extension", context)


def test_a_consultation_needs_someone_to_consult(context_for):
    context = replace(context_for("consultation_agency"), recipient=None)
    with pytest.raises(MissingField, match="缺少被征求意见方名称（recipient_name）"):
        render_letter("consultation_agency", context)


def test_a_fee_notice_needs_the_quantity_to_compute_the_fee(context_for):
    with pytest.raises(MissingField, match="缺少计费数量（fee_quantity）"):
        render_letter("fee_notice", context_for("fee_notice", fee_quantity=None))


def test_a_decision_letter_needs_the_decision(context_for):
    with pytest.raises(ValueError, match="缺少答复类型（decision）"):
        render_letter("decision", context_for("acknowledgement"))


def test_an_unknown_decision_is_refused(context_for):
    with pytest.raises(ValueError, match=r"未知的答复类型：withheld\.secret"):
        render_letter("decision", context_for("acknowledgement", decision="withheld.secret"))


@pytest.mark.parametrize("decision", ["granted", "unable.not_held"])
def test_a_decision_with_variants_needs_one_of_them(decision, context_for):
    context = context_for("acknowledgement", decision=decision, variant="")
    with pytest.raises(ValueError, match=f"答复类型{decision}须指明具体情形（variant）"):
        render_letter("decision", context)


def test_an_unknown_letter_kind_is_refused(context_for):
    with pytest.raises(ValueError, match="未知的文书类型：receipt"):
        render_letter("receipt", context_for("acknowledgement"))


def test_every_missing_field_is_named_at_once(context_for):
    context = context_for("partial", provided_content="", reasons="")
    with pytest.raises(MissingField) as raised:
        render_letter("decision", context)
    assert raised.value.fields == ["provided_content", "reasons"]
    assert str(raised.value).startswith("缺少提供的政府信息（provided_content）、理由（reasons），")


def test_a_form_can_ask_which_fields_a_letter_needs():
    template = DECISION_TEMPLATES["declined.duplicate"]
    assert required_fields(template) == (
        "agency_name",
        "issued_on",
        "applicant_name",
        "number",
        "received_on",
        "information",
        "previous_reply",
    )


def test_a_field_of_only_spaces_counts_as_missing(context_for):
    with pytest.raises(MissingField, match="缺少理由（reasons）"):
        render_letter("decision", context_for("withheld.process_info", reasons="  \n "))


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_a_letter_asks_for_each_field_once(key):
    names = required_fields(TEMPLATES[key])
    assert len(names) == len(set(names))
