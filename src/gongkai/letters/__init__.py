"""The standard letters of a disclosure application (依申请公开), as data-driven templates.

    render_letter(kind, context, fmt="docx" | "pdf" | "html") -> bytes

No Django here: the applications app fills a LetterContext from its records and calls it.
"""

from gongkai.letters.compose import LETTER_KINDS, MissingField, compose, template_for
from gongkai.letters.context import (
    LetterAgency,
    LetterApplicant,
    LetterCase,
    LetterContext,
    LetterRecipient,
)
from gongkai.letters.decisions import DECISION_KEYS, DECISION_TEMPLATES, DECISION_VARIANTS
from gongkai.letters.procedure import PROCEDURE_TEMPLATES
from gongkai.letters.render import FORMATS, MEDIA_TYPES, render_letter

__all__ = [
    "DECISION_KEYS",
    "DECISION_TEMPLATES",
    "DECISION_VARIANTS",
    "FORMATS",
    "LETTER_KINDS",
    "MEDIA_TYPES",
    "PROCEDURE_TEMPLATES",
    "LetterAgency",
    "LetterApplicant",
    "LetterCase",
    "LetterContext",
    "LetterRecipient",
    "MissingField",
    "compose",
    "render_letter",
    "template_for",
]
