"""Lines → cells → tokens: what each printed cell is (a figure, a blank, a unit, or text).

A table reaches us in many shapes (one cell per line, cells joined by " | ", markdown rows,
cells joined by spaces after PDF text extraction), so every line is cut into cells and every
cell is recognised on its own. Values keep the unit printed inside the cell (`1603条`,
`2.6万元`, `251000元`); conversion to the column's unit happens when the value is placed.
Spec: statute-and-formats.md §1.2 (units inside cells), §2.4 (`00`, NBSP padding), §2.1 (`-8`).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from gongkai.report.formats import GENERATIONS
from gongkai.report.parse.limits import check_time
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.normalize import squeeze
from gongkai.report.parse.vocabulary import (
    APPROXIMATE,
    BLANK_MARKS,
    BLANK_RUN,
    EXTRA_UNITS,
    FOOTER,
    MARKDOWN_RULE,
    NO_CHANGE,
    PROSE_MIN_LENGTH,
)


class Kind(StrEnum):
    TEXT = "text"
    VALUE = "value"
    BLANK = "blank"  # an empty cell, `/`, `-`, `——`, `无`: null, never 0
    UNIT = "unit"  # a cell holding only a unit (the 单位 column of generation A)
    UNREADABLE = "unreadable"  # digits that are not a clean figure (`1O`, `100余`)


@dataclass(slots=True)
class Token:
    kind: Kind
    text: str  # the cell as printed (stripped)
    line: int  # index of the source line in the parsed list
    where: dict = field(default_factory=dict)  # the source line's provenance (shared)
    number: Decimal | None = None
    unit: str | None = None
    leading_zero: bool = False  # `00`, `05`: read, but worth a finding (§2.4)
    prose: bool = False  # a paragraph, not a cell
    cell: int | None = None  # position of the cell in a `|`-joined row
    offset: int | None = None  # the cell's middle, in characters from the start of its line

    @property
    def provenance(self) -> dict:
        return self.where if self.cell is None else {**self.where, "cell": self.cell}

    @property
    def is_value_slot(self) -> bool:
        """A cell that occupies a column position: a figure, a blank or an unreadable cell."""
        return self.kind in (Kind.VALUE, Kind.BLANK, Kind.UNREADABLE)


def _units() -> tuple[str, ...]:
    units = {spec.unit for g in GENERATIONS.values() for spec in g.cells.values() if spec.unit}
    return tuple(sorted(units | set(EXTRA_UNITS), key=len, reverse=True))


UNITS = _units()
UNIT_SET = frozenset(UNITS)
_UNIT_PATTERN = "|".join(re.escape(unit) for unit in UNITS)
# At most 15 digits and 6 decimals: no statutory figure is larger, and a longer run of
# digits (damage, or a pasted identifier) is unreadable rather than a number.
NUMBER = re.compile(
    rf"^(?P<sign>[+-]?)(?P<digits>\d{{1,3}}(?:,\d{{3}}){{1,4}}|\d{{1,15}})"
    rf"(?:\.(?P<fraction>\d{{1,6}}))?(?P<unit>万(?:{_UNIT_PATTERN})?|{_UNIT_PATTERN})?$"
)
LONG_NUMBER = re.compile(r"^[+-]?[\d,]{16,}")
HAS_DIGIT = re.compile(r"\d")
CJK = re.compile(r"[\u4e00-\u9fff]")
SENTENCE = re.compile(r"[。；;！？]")
NOTE = re.compile(r"\([^()]*\)")
# The numbering of a label cut short by a wrapped cell (`1.属` / `于国家秘密`): text, not a
# damaged figure.
NUMBERED_FRAGMENT = re.compile(r"^\d{1,2}[.、][\u4e00-\u9fff]")
# A label with its figures glued on (crawler text that lost the cell separators):
# `一、本年新收政府信息公开申请数量310100032`. The figures follow a CJK character or a closing
# bracket or quote; a label never ends in a digit.
# A figure with a note on what it includes (`12（其中修订5件）`, `40（含自然失效17件）`): the
# figure is the cell's value; the note is no figure of the table. Matched after squeeze().
ANNOTATED = re.compile(r"^(?P<figure>[^()]+)\((?P<note>[^()]*[\u4e00-\u9fff][^()]*)\)$")
# The note as PDF text splits it over spaces: `12（其中修订 5 件）`.
SPACED_NOTE = re.compile(r"(?<=\d)\s*([（(])([^（）()]*)([）)])")
# A change written in words (本年增/减: `增1423`, `减少5`): the figure with its sign.
CHANGE = re.compile(r"^(?P<word>增加?|减少?)(?P<figure>\d{1,15})$")
GLUED_TAIL = re.compile(r"^(?P<label>.*[\u4e00-\u9fff)）”\"])(?P<figures>\d+)$")


@lru_cache(maxsize=1 << 15)
def classify(text: str) -> tuple[Kind, Decimal | None, str | None, bool]:
    """(kind, number, unit, leading zero) of one printed cell (cached: `0` repeats a lot)."""
    core = squeeze(text).rstrip("|")
    if core in BLANK_MARKS or BLANK_RUN.match(core):
        return Kind.BLANK, None, None, False
    if core in UNIT_SET:
        return Kind.UNIT, None, core, False
    match = NUMBER.match(core)
    if match:
        return Kind.VALUE, _decimal(match), match["unit"], _leading_zero(match["digits"])
    if NUMBERED_FRAGMENT.match(core):
        return Kind.TEXT, None, None, False
    annotated = _annotated_figure(core)
    if annotated is not None:
        return annotated
    if core in NO_CHANGE:
        return Kind.VALUE, Decimal(0), None, False
    change = CHANGE.match(core)
    if change is not None:
        sign = -1 if change["word"].startswith("减") else 1
        return Kind.VALUE, sign * Decimal(change["figure"]), None, False
    if LONG_NUMBER.match(core) or (
        HAS_DIGIT.search(core) and len(core) <= 12 and _figure_like(core)
    ):
        return Kind.UNREADABLE, None, None, False
    return Kind.TEXT, None, None, False


def _annotated_figure(core: str) -> tuple[Kind, Decimal | None, str | None, bool] | None:
    match = ANNOTATED.match(core)
    if match is None or len(CJK.findall(match["note"])) < 2 or match["note"] in UNIT_SET:
        return None  # `3(件)` is a damaged figure, not a note
    figure = NUMBER.match(match["figure"])
    if figure is None:
        return None
    return Kind.VALUE, _decimal(figure), figure["unit"], _leading_zero(figure["digits"])


def _decimal(match: re.Match) -> Decimal:
    digits = match["digits"].replace(",", "")
    fraction = f".{match['fraction']}" if match["fraction"] else ""
    return Decimal(f"{match['sign']}{digits}{fraction}")


def _leading_zero(digits: str) -> bool:
    return len(digits) > 1 and digits.startswith("0")


def _figure_like(core: str) -> bool:
    """Digits with at most a unit-like tail (`1O`, `3(件)`, `100余条`): a damaged or approximate
    figure, not a label — labels have several CJK characters."""
    cjk = len(CJK.findall(core))
    return cjk <= 1 or (cjk <= 3 and bool(APPROXIMATE.search(core)))


def line_cells(text: str) -> list[str]:
    """The cells of one line: " | "-joined rows (markdown too) or a single cell. A pipe at
    the very edge closes the row (`label |`, `| a | b |`); `a | 0 | ` ends with a blank cell
    (the readers join cells with " | ", so a blank last cell leaves a space after the pipe)."""
    if "|" not in text:
        return [text]
    body = text[1:] if text.startswith("|") else text
    body = body[:-1] if body.endswith("|") else body
    return body.split("|")


def split_spaced(cell: str) -> list[str]:
    """`一、本年新收… 5 0 0 0 0 0 5` (PDF text without table boxes) → label + value cells."""
    if "(" in cell or "（" in cell:
        cell = SPACED_NOTE.sub(lambda m: "".join(m.group(1, 2, 3)).replace(" ", ""), cell)
    parts = cell.split()
    if len(parts) < 2 or len(cell) > 120:
        return [cell]
    kinds = [classify(part)[0] for part in parts]
    start = len(parts)
    while start > 0 and kinds[start - 1] is not Kind.TEXT:
        start -= 1
    tail = kinds[start:]
    if start == len(parts) or not any(kind is not Kind.UNIT for kind in tail):
        return [cell]
    if start == 0:
        return parts
    head = " ".join(parts[:start])
    # A label, or the punctuation left of one that wrapped (`”`, `）`), leads the figures.
    labelled = CJK.search(head) or not re.search(r"[0-9A-Za-z]", head)
    return [head, *parts[start:]] if labelled else [cell]


def _glued_apart(pieces: list[str]) -> list[str]:
    """A text piece ending in figures glued to its label: the label, then the figures."""
    result = []
    for piece in pieces:
        match = GLUED_TAIL.match(piece) if piece[-1:].isdigit() else None
        if match and len(CJK.findall(match["label"])) >= 2 and classify(piece)[0] is Kind.TEXT:
            result.extend((match["label"], match["figures"]))
        else:
            result.append(piece)
    return result


def is_furniture(text: str) -> bool:
    """Page footers and markdown rules: lines that are no part of the report."""
    stripped = text.strip()
    if len(stripped) > 40 and "---" not in stripped:
        return False
    return bool(FOOTER.match(stripped) or MARKDOWN_RULE.match(stripped))


@lru_cache(maxsize=4096)
def is_prose(text: str) -> bool:
    """A paragraph: long, or a sentence. Table labels reach ~45 characters but never end a
    sentence; a label's bracketed note (`规范性文件（行政机关制定发布的决定、公告…）`) can be
    longer, so notes do not count."""
    core = squeeze(text)
    if "(" in core:
        core = NOTE.sub("", core)
    return len(core) >= PROSE_MIN_LENGTH or (len(core) >= 25 and bool(SENTENCE.search(core)))


def tokenize(lines: list[SourceLine]) -> list[Token]:
    """Every cell of every line, in order. Empty lines vanish (they only separate cells);
    whitespace-only lines are blank cells (seed 001's NBSP cells, seed 002's trailing one)."""
    tokens: list[Token] = []
    previous = ""
    for index, line in enumerate(lines):
        if index % 256 == 0:
            check_time()
        if line.text:
            if _opens_with_blank(previous, line.text):
                tokens.append(Token(Kind.BLANK, "", index, line.where))
            previous = line.text
            pieces = line_pieces(line.text)
            offsets = piece_offsets(line.text) if "  " in line.text else (None,) * len(pieces)
            for (cell, piece, kind, number, unit, zero, prose), at in zip(
                pieces, offsets, strict=True
            ):
                tokens.append(
                    Token(kind, piece, index, line.where, number, unit, zero, prose, cell, at)
                )
    return tokens


def _opens_with_blank(previous: str, text: str) -> bool:
    """Crawler text that ends every cell with ` |` prints a blank cell as a lone `|` line;
    after one, a line `| 25 |` is a blank cell and 25, not a row's edge (markdown rows never
    follow a lone pipe)."""
    stripped = text.strip()
    return previous.strip() == "|" and stripped.startswith("|") and stripped != "|"


@lru_cache(maxsize=1 << 12)
def piece_offsets(text: str) -> tuple[int | None, ...]:
    """Where each piece of `line_pieces` sits in the line (its middle character): in PDF
    text laid out in columns, a row with a blank cell keeps its figures under their
    column headers (`solve` places them by it). None where a piece cannot be found as
    printed (a note rejoined over spaces)."""
    offsets: list[int | None] = []
    cursor = 0
    for piece in line_pieces(text):
        found = text.find(piece[1], cursor) if piece[1] else -1
        if found < 0:
            offsets.append(None)
            continue
        offsets.append(found + len(piece[1]) // 2)
        cursor = found + len(piece[1])
    return tuple(offsets)


Piece = tuple[int | None, str, Kind, Decimal | None, str | None, bool, bool]


@lru_cache(maxsize=1 << 14)
def line_pieces(text: str) -> tuple[Piece, ...]:
    """The recognised cells of one line (cached: `0`, `|` and labels recur across reports)."""
    if is_furniture(text):
        return ()
    if "|" not in text and is_prose(text):
        return ((None, text.strip(), Kind.TEXT, None, None, False, True),)
    cells = line_cells(text)
    pieces: list[Piece] = []
    for number, cell in enumerate(cells, 1):
        for piece in _glued_apart(split_spaced(cell.strip())) if cell.strip() else [""]:
            kind, value, unit, zero = classify(piece)
            pieces.append(
                (number if len(cells) > 1 else None, piece.strip(), kind, value, unit, zero, False)
            )
    return tuple(pieces)
