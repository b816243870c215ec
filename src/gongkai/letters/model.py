"""The shape of a letter template (data) and of a composed letter (what renderers draw).

A paragraph's text holds named placeholders: `{received_on}` is a field of the context
(`fields.FIELD_LABELS`), `{第三十条}` quotes the 条例 verbatim (`law.quotation`).
"""

from dataclasses import dataclass
from enum import StrEnum


class Style(StrEnum):
    BODY = "body"  # indented two characters, as 公文 body text
    PLAIN = "plain"  # not indented: list items, contact details, attachments


@dataclass(frozen=True)
class Para:
    text: str
    when: str = ""  # shown only when this field has a value
    unless: str = ""  # shown only when this field has none
    each: str = ""  # one paragraph per element of this list field: {n} and {item}
    style: Style = Style.BODY


@dataclass(frozen=True)
class LetterTemplate:
    kind: str  # a letter kind; for decision letters, "decision"
    title: str
    paragraphs: tuple[Para, ...]
    articles: tuple[str, ...]  # the 条例 provisions the letter quotes
    required: tuple[str, ...]  # fields without which the letter cannot be written
    addressee: str = "applicant_name"  # empty: no salutation (送达回证)
    decision: str = ""  # the report row key (s3.<decision>.*) of a decision letter
    variant: str = ""  # granted: already_public / provided; unable.not_held: not_exist / not_ours

    @property
    def key(self) -> str:
        if not self.decision:
            return self.kind
        return f"{self.decision}:{self.variant}" if self.variant else self.decision


@dataclass(frozen=True)
class Block:
    text: str
    style: Style = Style.BODY


@dataclass(frozen=True)
class Letter:
    """A letter with every placeholder filled: the renderers only lay it out."""

    key: str
    title: str
    number: str
    addressee: str
    blocks: tuple[Block, ...]
    signature: str  # the agency (落款)
    date: str  # in Chinese: 2026年11月22日

    def text(self) -> str:
        lines = [self.title, self.number, f"{self.addressee}："]
        lines += [block.text for block in self.blocks]
        return "\n".join([*lines, self.signature, self.date])
