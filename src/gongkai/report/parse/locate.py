"""Finding the formats' labels in printed text: rows, table captions, section headings.

Every label of a generation (rows with their aliases, captions, section titles) becomes a
`Candidate` with its printed order. A printed label is compared by its core (no numbering,
no glosses, no spaces or punctuation, traditional → simplified), exactly first, then as a
label with a tail, a truncated label (split over lines), or a label behind a group label
(`（三）不予公开1.属于国家秘密`). Labels repeat across blocks (其他情形数 under 行政复议 and
行政诉讼, seed 001), so among equal matches the one nearest after the cursor — the last row
read — wins. Spec: statute-and-formats.md §1.2 (label variants), §2.4, §3.2.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from gongkai.report.aliases import SECTION_ALIASES, block_labels, row_labels
from gongkai.report.formats import GENERATIONS, Generation, Role, Row, Table
from gongkai.report.parse.normalize import squeeze
from gongkai.report.parse.vocabulary import HEADER_WORDS

NUMERAL = "一二三四五六七八九十"
NUMBERING = re.compile(
    rf"^(?:[{NUMERAL}]+[、.]|\([{NUMERAL}\d]*\)|\d+[.、]|[①-⑳]|其中[:]?|第[{NUMERAL}]+[、.])"
)
# A parenthetical that is only a numeral is part of a caption (第二十条第（一）项), not a gloss.
GLOSS = re.compile(rf"\((?![{NUMERAL}\d]+\))[^()]*\)")
NOISE = re.compile(r"[\s、,;:。.·\"'“”‘’「」《》〈〉<>!?]")
MIN_PARTIAL = 4  # shortest core that may match by prefix or suffix


@lru_cache(maxsize=1 << 15)
def label_core(text: str) -> str:
    """The comparable core of a printed label (cached: cells like `0` and labels repeat)."""
    core = squeeze(text)
    while (stripped := NUMBERING.sub("", core, count=1)) != core:
        core = stripped
    while (unglossed := GLOSS.sub("", core)) != core:
        core = unglossed
    if core.count("(") > core.count(")"):
        core = core[: core.rindex("(")]  # a gloss cut off by a line break (seed 001)
    if ")" in core and "(" not in core[: core.index(")")]:
        core = core[core.index(")") + 1 :]  # the end of a gloss that began on the line before
    return NOISE.sub("", core)


@lru_cache(maxsize=1 << 15)
def numbering_level(text: str) -> int:
    """1 for 一、, 2 for （一）, 3 for 1., 4 for an unnumbered label."""
    head = squeeze(text)
    if re.match(rf"^[{NUMERAL}]+[、.]", head):
        return 1
    if re.match(rf"^\([{NUMERAL}]*\)", head):
        return 2
    if re.match(r"^(?:\d+[.、]|\(\d+\)|[①-⑳])", head):
        return 3
    return 4


def is_numbered(text: str) -> bool:
    return numbering_level(text) < 4


@dataclass(frozen=True)
class Candidate:
    index: int  # printed order within the generation
    table: Table | None  # None: a section without tables
    row: Row | None  # None: a marker (caption, block heading, section heading)
    label: str

    @property
    def takes_values(self) -> bool:
        return self.row is not None and self.row.key is not None


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    strength: int  # 3 exact, 2 label with a tail, 1 truncated or behind a group label


class LabelIndex:
    """Every label of one generation, for matching printed text."""

    def __init__(self, generation: Generation) -> None:
        self.generation = generation
        self.candidates = _candidates(generation)
        self.exact: dict[str, list[Candidate]] = {}
        # Partial matches share the first two characters (prefix) or the last two (suffix).
        self.by_first: dict[str, list[tuple[str, Candidate]]] = {}
        self.by_last: dict[str, list[tuple[str, Candidate]]] = {}
        for candidate in self.candidates:
            core = label_core(candidate.label)
            if core:
                self.exact.setdefault(core, []).append(candidate)
                if len(core) >= MIN_PARTIAL:
                    self.by_first.setdefault(core[:2], []).append((core, candidate))
                    self.by_last.setdefault(core[-2:], []).append((core, candidate))
        self.headers = _header_cores(generation)
        self.cache: dict[str, list[tuple[int, list[Candidate]]]] = {}

    def match(self, text: str, cursor: int, wants_values: bool = False) -> Match | None:
        """The best candidate for a printed label; with `wants_values` (figures follow it), a
        row that takes figures beats a heading (`三、本年度办理结果 （一）予以公开 0 0 …`)."""
        core = label_core(text)
        if not core:
            return None
        levels = self._levels(core)
        if wants_values:
            levels = [(s, [c for c in cs if c.takes_values]) for s, cs in levels] + levels
        for strength, candidates in levels:
            if candidates:
                best = min(candidates, key=lambda c: self._distance(c, cursor))
                return Match(best, strength)
        return None

    def is_header(self, text: str) -> bool:
        return not is_numbered(text) and label_core(text) in self.headers

    def _levels(self, core: str) -> list[tuple[int, list[Candidate]]]:
        """Candidates by strength; cached, since the same labels recur in every report."""
        levels = self.cache.get(core)
        if levels is None:
            levels = [found for found in (self._exact(core), *self._partial(core)) if found]
            if len(self.cache) < 50_000:
                self.cache[core] = levels
        return levels

    def _exact(self, core: str) -> tuple[int, list[Candidate]] | None:
        candidates = self.exact.get(core)
        return (3, candidates) if candidates else None

    def _partial(self, core: str) -> list[tuple[int, list[Candidate]]]:
        if len(core) == MIN_PARTIAL - 1:
            return self._headless(core)
        if len(core) < MIN_PARTIAL:
            return []
        same_start = self.by_first.get(core[:2], ())
        tailed = [(len(c), cand) for c, cand in same_start if core.startswith(c)]
        longest = max((length for length, _ in tailed), default=0)
        cut = [cand for c, cand in same_start if len(core) >= 5 and c.startswith(core)]
        same_end = self.by_last.get(core[-2:], ())
        behind = [cand for c, cand in same_end if core.endswith(c) and len(core) - len(c) < 12]
        tailed = [cand for length, cand in tailed if length == longest]
        rows_behind = [cand for cand in behind if cand.takes_values]
        if rows_behind and not any(cand.takes_values for cand in tailed):
            # `（五）不予处理1.信访举报投诉类申请`: a group label and its first row on one line
            # name the row, with or without figures after them.
            return [(2, rows_behind), (2, tailed), (1, cut + behind)]
        return [(2, tailed), (1, cut + behind)]

    def _headless(self, core: str) -> list[tuple[int, list[Candidate]]]:
        """A row label that lost its first character (`政许可` in a mirror that drops
        characters): the one row of four characters ending so; none when two rows do."""
        rows = [
            cand
            for c, cand in self.by_last.get(core[-2:], ())
            if len(c) == MIN_PARTIAL and c.endswith(core) and cand.takes_values
        ]
        return [(1, rows)] if len({label_core(cand.label) for cand in rows}) == 1 else []

    def _distance(self, candidate: Candidate, cursor: int) -> int:
        offset = candidate.index - cursor
        return offset if offset >= 0 else len(self.candidates) - offset


def _candidates(generation: Generation) -> list[Candidate]:
    found: list[tuple[Table | None, Row | None, str]] = []
    for section in generation.sections:
        if section.numeral:
            titles = (section.heading, *SECTION_ALIASES.get(section.numeral, ()))
            first = section.tables[0] if section.tables else None
            found.extend((first, None, title) for title in titles)
        for table in section.tables:
            found.extend(_table_labels(table))
    return [Candidate(n, table, row, label) for n, (table, row, label) in enumerate(found)]


def _table_labels(table: Table) -> list[tuple[Table | None, Row | None, str]]:
    labels: list[tuple[Table | None, Row | None, str]] = []
    if table.caption:
        labels.append((table, None, table.caption))
    else:
        labels.extend((table, None, label) for label in block_labels(table)[1:])
    for row, _ancestors in table.walk():
        labels.extend((table, row, label) for label in row_labels(table, row))
    return labels


def _header_cores(generation: Generation) -> frozenset[str]:
    words = set(HEADER_WORDS)
    for table in generation.tables:
        words.add(table.stub_header)
        for column in table.columns:
            words.update(filter(None, (column.label, column.group)))
    return frozenset(filter(None, map(label_core, words)))


@cache
def label_index(code: str) -> LabelIndex:
    return LabelIndex(GENERATIONS[code])


def is_group(row: Row | None) -> bool:
    return row is not None and row.role in (Role.GROUP, Role.HEADING) and row.key is None
