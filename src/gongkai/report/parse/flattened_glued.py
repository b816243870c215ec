"""Tables a crawler flattened into one paragraph with no separators at all: the text content
of the page's table cells, labels glued to figures and figures to the next label —
`…规章000行政规范性文件77132470第二十条第（五）项信息内容本年处理决定数量行政许可2629…`
(a crawl of pingtan.gov.cn, holdout 14).

Such a sentence is cut where the formats' labels begin and end and where digit runs begin
and end, into the one-piece-a-line shape whose glued digit runs the table reader already cuts
by the 勾稽关系 (`glued`, `solve`). An item number glued behind a row's figures
(`00000003.危及…`) is the next label's: its last digit goes with the label. Only a sentence
that is a table is cut: one where at least MIN_ANCHORED labels are followed straight by
figures, and few figures carry a unit as prose figures do (`部分公开42件，占51.85%`).
Labels inside brackets (a gloss: `（区分处理的，只计这一情形，不计其他情形）`) are no cut.
"""

import re
from functools import cache
from itertools import pairwise

from gongkai.report.formats import GENERATIONS
from gongkai.report.parse.generation import label_cores
from gongkai.report.parse.normalize import fold

MIN_ANCHORED = 4  # prose names a row and its figure now and then; a table, row after row
UNIT_SHARE = 4  # at most one figure in four carries a unit (件, 条, %) in a table
UNITS = "件条个篇次项%％人份期场家"
LABEL_DIGIT = re.compile(r"[\u4e00-\u9fff）)][0-9]")
NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[+-]\d+)*")  # 2648-18538: a change glued in
ITEM = re.compile(r"[.、．][^\d\s]")  # `3.危及`: the digit before is an item number
PREFIX = re.compile(r"(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d[.、．])$")
SENTENCE = re.compile(r"[^。]+。?")

Span = tuple[int, int]


def glued_table_pieces(text: str) -> list[str] | None:
    """The pieces of a line holding a glued flattened table, or None for any other line."""
    if len(LABEL_DIGIT.findall(text)) < MIN_ANCHORED or len(fold(text)) != len(text):
        return None
    out: list[str] = []
    prose, cut = "", False
    for sentence in SENTENCE.findall(text):
        hits = label_spans(fold(sentence))
        if not is_table(sentence, hits):
            prose += sentence
            continue
        if prose:
            out.append(prose)
            prose = ""
        out.extend(cut_table(sentence, hits))
        cut = True
    if prose:
        out.append(prose)
    return out if cut else None


def label_spans(folded: str) -> list[Span]:
    """Where the formats' labels stand, longest first, never overlapping, never in brackets."""
    found = [
        (at, at + len(core)) for core in long_label_cores() for at in _occurrences(folded, core)
    ]
    outside = _outside_brackets(folded)
    taken = [False] * len(folded)
    chosen: list[Span] = []
    for start, end in sorted(found, key=lambda span: (span[0] - span[1], span[0])):
        if outside[start] and not any(taken[start:end]):
            chosen.append((start, end))
            taken[start:end] = [True] * (end - start)
    return sorted(chosen)


def is_table(sentence: str, hits: list[Span]) -> bool:
    anchored = sum(1 for _, end in hits if sentence[end : end + 1].isdigit())
    if anchored < MIN_ANCHORED:
        return False
    numbers = list(NUMBER.finditer(sentence))
    measured = sum(1 for number in numbers if sentence[number.end() : number.end() + 1] in UNITS)
    return measured * UNIT_SHARE <= len(numbers)


def cut_table(sentence: str, hits: list[Span]) -> list[str]:
    """The sentence cut at its labels (with their numbering) and its digit runs; the prose
    before the first label and after the last figure stays whole."""
    starts = [_numbered_start(sentence, start) for start, _ in hits]
    first = min(starts)
    last = max((number.end() for number in NUMBER.finditer(sentence)), default=first)
    cuts = {first, last, *starts, *(end for _, end in hits)}
    cuts -= {start for start, _ in hits} - set(starts)
    for number in NUMBER.finditer(sentence, first, last):
        cuts |= {number.start(), number.end()}
        if ITEM.match(sentence, number.end()):
            cuts.discard(number.end())
            cuts.add(number.end() - 1)
    order = sorted(cut for cut in cuts if first <= cut <= last)
    pieces = [sentence[:first], *(sentence[a:b] for a, b in pairwise(order))]
    return [piece.strip() for piece in [*pieces, sentence[last:]] if piece.strip()]


def _numbered_start(sentence: str, start: int) -> int:
    """A label's start with its numbering (（一）, 一、, 3.) glued before it."""
    numbering = PREFIX.search(sentence, 0, start)
    return numbering.start() if numbering else start


def _occurrences(text: str, core: str) -> list[int]:
    found, at = [], text.find(core)
    while at >= 0:
        found.append(at)
        at = text.find(core, at + 1)
    return found


def _outside_brackets(text: str) -> list[bool]:
    depth, outside = 0, []
    for char in text:
        depth += char in "（("
        outside.append(depth == 0)
        depth = max(0, depth - (char in "）)"))
    return outside


@cache
def long_label_cores() -> tuple[str, ...]:
    """Every generation's label cores but one-character ones (a lone 章 or 件 is no label)."""
    cores = frozenset().union(*(label_cores(code) for code in GENERATIONS))
    return tuple(core for core in cores if len(core) >= 2)
