"""What a published question shows: its text and answer with personal data masked.

The asker's name, phone and e-mail are never shown; numbers that look like phones, identity
numbers or e-mail addresses inside the text (people write them into their questions) are
masked the way privacy/masking.py masks fields (138****5678), and the asker's own name, where
the text repeats it, keeps its first character only.
"""

import re

from gongkai.web.privacy import masking

# Digit runs are matched whole (not inside a longer number): an identity number (18, with X,
# or the old 15), a mobile, a landline with its area code.
IDENTITY = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})(?!\d)")
LANDLINE = re.compile(r"(?<!\d)(0\d{2,3}[\s-]?[2-9]\d{6,7})(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _digits(match: re.Match) -> str:
    return re.sub(r"[\s-]", "", match.group(1))


def masked_text(text: str, names: tuple[str, ...] = ()) -> str:
    """`text` with identity numbers, phones, e-mail addresses and the given names masked."""
    text = IDENTITY.sub(lambda m: masking.identity_number(m.group(1)), text or "")
    text = MOBILE.sub(lambda m: masking.phone(_digits(m)), text)
    text = LANDLINE.sub(lambda m: masking.phone(_digits(m)), text)
    text = EMAIL.sub(lambda m: masking.email(m.group(0)), text)
    for name in sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name, masking.person_name(name))
    return text


def public_version(question) -> dict[str, str]:
    """The title, question and answer as the public page shows them."""
    names = (question.name,)
    return {
        "title": masked_text(question.title, names),
        "text": masked_text(question.text, names),
        "answer": masked_text(question.answer, names),
    }
