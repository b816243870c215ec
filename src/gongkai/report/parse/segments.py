"""Tokens → segments: a text cell and the value cells after it, the unit every table reader
works on; and `fit`, which places a row's values in its columns by count."""

from dataclasses import dataclass, field

from gongkai.report.parse.tokens import Kind, Token


@dataclass
class Segment:
    label: Token | None  # None: values before any text
    slots: list[Token] = field(default_factory=list)  # values, blanks, unreadable cells
    units: list[Token] = field(default_factory=list)

    @property
    def has_figure(self) -> bool:
        return any(token.kind is Kind.VALUE for token in self.slots)


def segments(tokens: list[Token]) -> list[Segment]:
    result = [Segment(None)]
    for token in tokens:
        if token.kind is Kind.TEXT:
            result.append(Segment(token))
        elif token.kind is Kind.UNIT:
            result[-1].units.append(token)
        else:
            _add_slot(result[-1], token)
    return result


def _add_slot(segment: Segment, token: Token) -> None:
    """Blank cells that pad a header or label row to the table's width (DOCX, PDF) are not
    the row's values when the figures come on the following line."""
    label_line = segment.label.line if segment.label else -1
    padded = segment.slots and segment.slots[-1].line == label_line != token.line
    if padded and all(slot.kind is Kind.BLANK for slot in segment.slots):
        segment.slots.clear()
    segment.slots.append(token)


def fit(slots: list[Token], expected: int) -> list[Token] | None:
    """The values of a row in column order, or None when the count leaves them ambiguous."""
    values = list(slots)
    while len(values) > expected and values[-1].kind is Kind.BLANK:
        values.pop()
    if len(values) == expected:
        return values
    filled = [token for token in values if token.kind is not Kind.BLANK]
    return filled if len(filled) == expected else None
