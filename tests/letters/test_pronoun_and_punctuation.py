"""Every letter addresses a natural person as 你 and an organisation as 你单位, and a value that
ends its own sentence is not followed by a second full stop (“…明细。”。, （共2页）。。)."""

import re
from dataclasses import fields, replace

import pytest
from tests.letters.conftest import FULL_CASE, make_context

from gongkai.letters import DECISION_TEMPLATES, KIND_TEMPLATES, LetterCase, compose
from gongkai.letters.compose import punctuated

TEMPLATES = {**KIND_TEMPLATES, **DECISION_TEMPLATES}
TO_APPLICANT = [key for key, t in TEMPLATES.items() if t.addressee == "applicant_name"]
# Text typed by staff or the applicant: whatever it ends with reaches the letter.
TYPED = [
    f.name
    for f in fields(LetterCase)
    if f.type == "str" or f.type is str
    if f.name not in {"number", "query_code", "decision", "variant", "served_number"}
]
DOUBLED = re.compile(r"[。！？…][”’」』》）)]*[。；]|[，、；：]。|[。；：][，、]")


def letter_text(key: str, applicant_changes=None, **case_changes) -> str:
    context = make_context(key, **case_changes)
    if applicant_changes:
        context = replace(context, applicant=replace(context.applicant, **applicant_changes))
    kind = "decision" if key in DECISION_TEMPLATES else key
    return compose(kind, context).text()


def kind_of(key: str) -> str:
    return "decision" if key in DECISION_TEMPLATES else key


@pytest.mark.parametrize("key", TO_APPLICANT)
def test_a_natural_person_is_addressed_as_you(key):
    text = letter_text(key, {"organisation": False})
    assert "你（单位）" not in text and "你单位" not in text


@pytest.mark.parametrize("key", TO_APPLICANT)
def test_an_organisation_is_addressed_as_your_organisation(key):
    text = letter_text(key, {"organisation": True})
    assert "你（单位）" not in text and re.search(r"你(?!单位)", text) is None


def test_the_letters_that_address_the_applicant_say_so():
    text = letter_text("correction", {"organisation": False})
    assert "请你对下列事项作出补正" in text
    text = letter_text("correction", {"organisation": True})
    assert "请你单位对下列事项作出补正" in text


def test_an_applicant_of_unknown_kind_keeps_the_neutral_form():
    assert "请你（单位）对下列事项作出补正" in letter_text("correction")


def test_a_third_party_of_unknown_kind_keeps_the_neutral_form():
    text = letter_text("consultation_third_party", {"organisation": False})
    assert "现书面征求你（单位）的意见" in text


@pytest.mark.parametrize("ending", ["。", "！", "？", "。”", "；", "，"])
@pytest.mark.parametrize("key", TEMPLATES)
def test_no_letter_doubles_a_stop_after_a_value_that_has_one(key, ending):
    typed = {name: getattr(FULL_CASE, name) for name in TYPED if getattr(FULL_CASE, name)}
    changes = {name: value + ending for name, value in typed.items()}
    changes["correction_items"] = tuple(item + ending for item in FULL_CASE.correction_items)
    letter = compose(kind_of(key), make_context(key, **changes))
    for block in letter.blocks:
        assert DOUBLED.search(block.text) is None, block.text


def test_the_examples_of_the_issue_read_right():
    text = letter_text("partial", information="2024年度部门决算明细。",
                       provided_content="2024年度部门决算表（共2页）。")  # fmt: skip
    assert "申请获取“2024年度部门决算明细。”现答复如下：" in text
    assert "一、提供的政府信息：2024年度部门决算表（共2页）。提供方式：" in text


def test_a_reason_that_ends_its_sentence_gives_way_to_the_templates_comma():
    text = letter_text("extension", extension_reason="需调取档案，经负责人批准延期。")
    assert "因需调取档案，经负责人批准延期，本机关不能在" in text


def test_the_template_keeps_its_own_stop_after_a_value_without_one():
    text = letter_text("partial", provided_content="2024年度部门决算表（共2页）")
    assert "2024年度部门决算表（共2页）。提供方式：" in text


@pytest.mark.parametrize(
    ("value", "after", "expected"),
    [
        ("明细。", "”。现答复如下：", ("明细。", "”现答复如下：")),
        ("（共2页）。", "。提供方式", ("（共2页）。", "提供方式")),
        ("说明如下：", "。", ("说明如下", "。")),
        ("明细", "”。", ("明细", "”。")),
        ("明细。", "，", ("明细", "，")),  # 因{reason}，本机关…: the sentence goes on
        ("批准延期；", "、", ("批准延期", "、")),
        ("明细。", "”，", ("明细。", "”，")),  # inside the quotation marks it stays
        ("", "。", ("", "。")),
    ],
)
def test_where_a_value_meets_the_template_one_stop_remains(value, after, expected):
    assert punctuated(value, after) == expected
