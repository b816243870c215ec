"""Which format a report uses (statute-and-formats.md §7): the year first, then the vocabulary.

The year (identity.py) limits the generations: A before 2019, B for the 2019 and 2020 reports,
C from 2021, and in a new format's first year also the one it replaced (TRANSITION). Among
those the table vocabulary chooses: a label that only one generation prints (本年新制作数量 →
B, 本年制发件数 → C, 申请办结数 → A) is a vote for it. The vocabulary is the formats' own labels
and aliases; a label counts only if it is not part of any label of the other generations (B's
处理决定数量 is inside C's 本年处理决定数量). Vocabulary that speaks for a generation the year
rules out is reported (P-7), never followed silently. With no year, the vocabulary alone
decides.
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from gongkai.report.formats import FIRST_REPORTING_YEAR, GENERATIONS, generation_for_year
from gongkai.report.formats.common import OVERVIEW_TOPICS
from gongkai.report.parse.identity import read_agency, read_year
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.locate import label_core, label_index
from gongkai.report.parse.normalize import fold


@dataclass(frozen=True)
class Identity:
    generation: str
    year: int | None
    agency: str | None
    published_on: date | None
    votes: dict[str, int]
    conflict: str | None = None  # the generation the vocabulary alone would choose


DATE = re.compile(r"(20[0-4]\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
PUBLISHED = re.compile(r"(?:发布|发文|成文|公开|印发)(?:日期|时间)")
# A new format's first year, with the format it replaced still in use by some agencies: the
# 2019 reports of agencies that kept the old statistics list, told apart by vocabulary (A and
# B share no label). Not for 2021: B and C share most labels and real 2021 reports print
# mixed section 二 headers, so between them the year decides.
TRANSITION = {2019: ("A",)}

# A and the 2019+ family (B, C) first; then B against C.
FAMILIES = {"A": ("A",), "BC": ("B", "C"), "B": ("B",), "C": ("C",)}
RIVALS = {"A": "BC", "BC": "A", "B": "C", "C": "B"}


# Generation A's block headings that a B or C report prints over its 总体情况 prose
# ((一)主动公开情况, (四)平台建设情况): no vote for A.
OVERVIEW_HEADINGS = frozenset(
    f"{t}{end}" for t in OVERVIEW_TOPICS for end in ("", "情况", "工作情况")
)


@cache
def vocabulary() -> dict[str, frozenset[str]]:
    """Per family: the label cores that appear in no label of its rival (nor, for A, among
    the B/C overview's headings)."""
    cores = {code: label_cores(code) for code in GENERATIONS}
    family = {name: set().union(*(cores[c] for c in codes)) for name, codes in FAMILIES.items()}
    family["BC"] |= OVERVIEW_HEADINGS
    return {
        name: frozenset(
            core
            for core in own - (OVERVIEW_HEADINGS if name != "A" else frozenset())
            if len(core) >= 4 and not any(core in other for other in family[RIVALS[name]])
        )
        for name, own in family.items()
    }


@cache
def label_cores(code: str) -> frozenset[str]:
    """The cores of every row, caption and column label of a generation."""
    labels = {c.label for c in label_index(code).candidates}
    labels |= {column.label for table in GENERATIONS[code].tables for column in table.columns}
    return frozenset(label_core(label) for label in labels)


def possible_generations(year: int | None) -> tuple[str, ...]:
    """The formats a report for `year` may use: its year's, and in the first year of a new
    format the one it replaced (TRANSITION); A before the 条例; any when the year is unknown."""
    if year is None:
        return tuple(GENERATIONS)
    if year < FIRST_REPORTING_YEAR:
        return ("A",)  # a report under local rules before the 条例: no later format existed
    code = generation_for_year(year).code
    return (*TRANSITION.get(year, ()), code)


def detect_generation(squeezed: str, year: int | None) -> tuple[str, dict[str, int], str | None]:
    """(generation, votes, conflict): the vocabulary chooses among the generations the year
    allows; `conflict` is the generation the vocabulary alone would choose when the year
    rules it out (a P-7 finding, never a silent switch)."""
    votes = {name: sum(core in squeezed for core in words) for name, words in vocabulary().items()}
    allowed = possible_generations(year)
    by_vocabulary = _by_votes(votes, allowed)
    unconstrained = _by_votes(votes, tuple(GENERATIONS))
    if unconstrained not in allowed and _decisive(votes, unconstrained):
        return by_vocabulary, votes, unconstrained
    return by_vocabulary, votes, None


def _by_votes(votes: dict[str, int], allowed: tuple[str, ...]) -> str:
    if len(allowed) == 1:
        return allowed[0]
    late = [code for code in allowed if code != "A"]
    if "A" in allowed and (not late or votes["A"] > votes["BC"]):
        return "A"
    if len(late) == 1:
        return late[0]
    if votes["B"] != votes["C"]:
        return "B" if votes["B"] > votes["C"] else "C"
    return late[-1]


def _decisive(votes: dict[str, int], code: str) -> bool:
    """The vocabulary speaks for `code`: some label of its own is printed."""
    if code == "A":
        return votes["A"] > votes["BC"]
    return votes["BC"] > votes["A"] and votes[code] > votes[RIVALS[code]]


def identify(lines: list[SourceLine], squeezed: str, all_lines: list[SourceLine]) -> Identity:
    """Year first (identity.py), then the generation among those the year allows. `lines`
    are the report's own lines (no chrome); `all_lines` also give the publication date."""
    year, title = read_year(lines, squeezed)
    generation, votes, conflict = detect_generation(squeezed, year)
    return Identity(
        generation, year, read_agency(lines, title), published_on(all_lines), votes, conflict
    )


def published_on(lines: list[SourceLine]) -> date | None:
    """The 发布日期 of a page's metadata (folded: 發佈日期 on a traditional-character mirror)."""
    for line in lines[:40]:
        text = fold(line.text)
        if PUBLISHED.search(text) and (match := DATE.search(text)):
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None
