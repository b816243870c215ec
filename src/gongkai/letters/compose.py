"""The one engine: a template and a context make a Letter, every placeholder filled."""

import re

from gongkai.letters.closing import CLOSING_TEMPLATES, SERVICE_PROOF
from gongkai.letters.context import LetterCase, LetterContext
from gongkai.letters.decisions import DECISION_KEYS, DECISION_TEMPLATES, DECISION_VARIANTS
from gongkai.letters.fields import FIELD_LABELS, Value, letter_fields
from gongkai.letters.model import Block, Letter, LetterTemplate, Para
from gongkai.letters.procedure import PROCEDURE_TEMPLATES
from gongkai.statute.law import quotation

# The letters of a kind that has one template; "decision" has one per decision (decisions.py).
KIND_TEMPLATES = {**PROCEDURE_TEMPLATES, **CLOSING_TEMPLATES, SERVICE_PROOF.kind: SERVICE_PROOF}
LETTER_KINDS = (*KIND_TEMPLATES, "decision")
PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
ALWAYS_REQUIRED = ("agency_name", "issued_on")
# A value that ends its own sentence (…明细。 …（共2页）。) takes no second full stop from
# the template: “…明细。”。 is written “…明细。” and …（共2页）。。 …（共2页）。
SENTENCE_ENDS = ("。", "！", "？", "…")
CLOSERS = "”’」』》）)"
STOPS_AFTER_A_SENTENCE = {"。", "；"}  # dropped after a value that ends a sentence
SOFT_ENDS = ("，", "、", "；", "：")  # a value's last mark that the template's 。 replaces
# A value that ends with a stop where the template's sentence goes on (因{reason}，本机关…):
# its last mark gives way to the template's comma — “延期。，本机关” reads “延期，本机关”.
CLAUSE_MARKS = {"，", "、"}
GIVES_WAY = ("。", "，", "、", "；", "：")


class MissingField(ValueError):
    """Fields the letter needs are empty; the message names each in Chinese."""

    def __init__(self, names: list[str], title: str):
        self.fields = names
        self.field = names[0]
        missing = "、".join(f"{FIELD_LABELS.get(name, name)}（{name}）" for name in names)
        super().__init__(f"缺少{missing}，无法生成《{title}》")


def template_for(kind: str, case: LetterCase) -> LetterTemplate:
    """The template of a letter kind; for "decision", the one of the case's decision."""
    if kind in KIND_TEMPLATES:
        return KIND_TEMPLATES[kind]
    if kind != "decision":
        raise ValueError(f"未知的文书类型：{kind}（可选：{'、'.join(LETTER_KINDS)}）")
    if not case.decision:
        raise ValueError("缺少答复类型（decision），无法生成《政府信息公开申请答复书》")
    if case.decision not in DECISION_KEYS:
        raise ValueError(f"未知的答复类型：{case.decision}")
    variants = DECISION_VARIANTS.get(case.decision, ())
    if variants and case.variant not in variants:
        raise ValueError(
            f"答复类型{case.decision}须指明具体情形（variant）：{'、'.join(variants)}，"
            f"而不是“{case.variant}”"
        )
    key = f"{case.decision}:{case.variant}" if variants else case.decision
    return DECISION_TEMPLATES[key]


def compose(kind: str, context: LetterContext) -> Letter:
    template = template_for(kind, context.case)
    fields = letter_fields(context, template.addressee)
    if missing := missing_fields(template, fields):
        raise MissingField(missing, template.title)
    blocks = [block for para in template.paragraphs for block in expand(para, fields, template)]
    return Letter(
        key=template.key,
        title=template.title,
        number=str(fields["number"]) if "number" in template.required else "",
        addressee=str(fields[template.addressee]) if template.addressee else "",
        blocks=tuple(blocks),
        signature=str(fields["agency_name"]),
        date=str(fields["issued_on"]),
    )


def required_fields(template: LetterTemplate) -> tuple[str, ...]:
    """What a form must ask for before this letter can be written, each name once (a
    template may list its addressee among its own fields too)."""
    names = (*ALWAYS_REQUIRED, template.addressee, *template.required)
    return tuple(dict.fromkeys(name for name in names if name))


def missing_fields(template: LetterTemplate, fields: dict[str, Value]) -> list[str]:
    return [name for name in required_fields(template) if name not in fields]


def expand(para: Para, fields: dict[str, Value], template: LetterTemplate) -> list[Block]:
    """The blocks one paragraph becomes: none, one, or one per list element."""
    if (para.when and para.when not in fields) or (para.unless and para.unless in fields):
        return []
    if not para.each:
        return [Block(fill(para.text, fields, template), para.style)]
    items = fields.get(para.each, ())
    return [
        Block(fill(para.text, {**fields, "n": str(n), "item": item}, template), para.style)
        for n, item in enumerate(items, start=1)
    ]


def fill(text: str, fields: dict[str, Value], template: LetterTemplate) -> str:
    """The text with each placeholder replaced by its value, punctuated once where they meet."""
    parts = PLACEHOLDER.split(text)  # literal, name, literal, name, …, literal
    filled = parts[0]
    for name, after in zip(parts[1::2], parts[2::2], strict=True):
        if name.startswith("第"):
            filled += quotation(name) + after
            continue
        if name not in fields:
            raise MissingField([name], template.title)
        value, after = punctuated(str(fields[name]), after)
        filled += value + after
    return filled


def punctuated(value: str, after: str) -> tuple[str, str]:
    """A value and the template text after it, without a doubled stop where they meet."""
    closing = len(after) - len(after.lstrip(CLOSERS))  # the template's ” or ） first
    mark = after[closing : closing + 1]
    if mark in STOPS_AFTER_A_SENTENCE and value.rstrip(CLOSERS).endswith(SENTENCE_ENDS):
        return value, after[:closing] + after[closing + 1 :]
    if mark == "。" and not closing and value.endswith(SOFT_ENDS):
        return value[:-1], after
    if mark in CLAUSE_MARKS and not closing and value.endswith(GIVES_WAY):
        return value[:-1], after
    return value, after


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))
