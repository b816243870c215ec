"""The standard letters of a disclosure application (依申请公开), as data-driven templates.

    render_letter(kind, context, fmt="docx" | "pdf" | "html") -> bytes

`kind` is one of LETTER_KINDS; for "decision" the case names the decision (a row key of the
report's section 三, DECISION_KEYS) and, for granted / unable.not_held, its variant. No Django
here: the applications app fills a LetterContext from its records and calls render_letter.

Modules, in the order data flows:

    (the 条例 itself is quoted through gongkai.statute.law, from its verbatim copy)
    context.py           LetterAgency, LetterApplicant, LetterRecipient, LetterCase, LetterContext
    fields.py            context → named values: Chinese dates, clock deadlines, fee bands
    model.py             Para, LetterTemplate (data) and Letter, Block (composed)
    paragraphs.py        paragraphs several letters share (opening, remedies, contact)
    procedure.py         受理回执, 补正告知书, 延期答复告知书, 征求意见书/函, 收费通知 (data)
    decisions.py         the 答复书 of every decision key and variant (data)
    closing.py           视为放弃 and 终止办理 notices, and the 送达回证 (data)
    compose.py           the engine: template + context → Letter, missing fields named in Chinese
    typography.py        公文 page and type: A4, margins, 小标宋/仿宋 with Noto CJK fallbacks
    to_docx.py, to_html.py, to_pdf.py   Letter → bytes; render.py picks one
"""

from gongkai.letters.closing import CLOSING_TEMPLATES, SERVICE_PROOF
from gongkai.letters.compose import (
    KIND_TEMPLATES,
    LETTER_KINDS,
    MissingField,
    compose,
    required_fields,
    template_for,
)
from gongkai.letters.context import (
    LetterAgency,
    LetterApplicant,
    LetterCase,
    LetterContext,
    LetterRecipient,
)
from gongkai.letters.decisions import DECISION_KEYS, DECISION_TEMPLATES, DECISION_VARIANTS
from gongkai.letters.fields import FIELD_LABELS
from gongkai.letters.procedure import PROCEDURE_TEMPLATES
from gongkai.letters.render import FORMATS, MEDIA_TYPES, render_letter

__all__ = [
    "CLOSING_TEMPLATES",
    "DECISION_KEYS",
    "DECISION_TEMPLATES",
    "DECISION_VARIANTS",
    "FIELD_LABELS",
    "FORMATS",
    "KIND_TEMPLATES",
    "LETTER_KINDS",
    "MEDIA_TYPES",
    "PROCEDURE_TEMPLATES",
    "SERVICE_PROOF",
    "LetterAgency",
    "LetterApplicant",
    "LetterCase",
    "LetterContext",
    "LetterRecipient",
    "MissingField",
    "compose",
    "render_letter",
    "required_fields",
    "template_for",
]
