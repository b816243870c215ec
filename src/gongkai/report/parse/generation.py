"""Which format a report uses, for which year, by which agency (statute-and-formats.md §7).

The generation is read from the table vocabulary, not the year: a label that only one
generation prints (本年新制作数量 → B, 本年制发件数 → C, 申请办结数 → A) is a vote for it.
The vocabulary is the formats' own labels and aliases; a label counts only if it is not part
of any label of the other generations (B's 处理决定数量 is inside C's 本年处理决定数量). B and C
share section 三 and 四, so when nothing tells them apart the year decides (§2, §3).
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from gongkai.report.formats import FIRST_REPORTING_YEAR, GENERATIONS, generation_for_year
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.locate import label_core, label_index

YEAR = r"(20[0-4]\d|二[〇○0零]\S{2})"
CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
TITLE_YEAR = re.compile(YEAR + r"\s*年(?:度)?")
TITLE_WORDS = ("年度报告", "工作报告", "情况报告", "报告", "年报")
DATE = re.compile(r"(20[0-4]\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
PUBLISHED = re.compile(r"(?:发布|发文|成文|公开|印发)(?:日期|时间)")
AGENCY_TAIL = re.compile(r"^(?:关于|[:：\s])+|(?:关于)$|[(（【\[].*$")
TITLE_CHROME = re.compile(r"^(?:标题|名称|题目|文章标题)\s*[:：]\s*")


@dataclass(frozen=True)
class Identity:
    generation: str
    year: int | None
    agency: str | None
    published_on: date | None
    votes: dict[str, int]


# A and the 2019+ family (B, C) first; then B against C.
FAMILIES = {"A": ("A",), "BC": ("B", "C"), "B": ("B",), "C": ("C",)}
RIVALS = {"A": "BC", "BC": "A", "B": "C", "C": "B"}


@cache
def vocabulary() -> dict[str, frozenset[str]]:
    """Per family: the label cores that appear in no label of its rival."""
    cores = {code: _cores(code) for code in GENERATIONS}
    family = {name: set().union(*(cores[c] for c in codes)) for name, codes in FAMILIES.items()}
    return {
        name: frozenset(
            core
            for core in own
            if len(core) >= 4 and not any(core in other for other in family[RIVALS[name]])
        )
        for name, own in family.items()
    }


def _cores(code: str) -> set[str]:
    labels = {c.label for c in label_index(code).candidates}
    labels |= {column.label for table in GENERATIONS[code].tables for column in table.columns}
    return {label_core(label) for label in labels}


def detect_generation(squeezed: str, year: int | None) -> tuple[str, dict[str, int]]:
    votes = {name: sum(core in squeezed for core in words) for name, words in vocabulary().items()}
    by_year = generation_for_year(year).code if year and year >= FIRST_REPORTING_YEAR else None
    if votes["A"] > votes["BC"] or (votes["A"] == votes["BC"] and by_year == "A"):
        return "A", votes
    if votes["B"] != votes["C"]:
        return ("B" if votes["B"] > votes["C"] else "C"), votes
    return (by_year if by_year in ("B", "C") else "C"), votes


def title_year(lines: list[SourceLine]) -> tuple[int | None, str | None]:
    """(year, title line): the first early line naming a year and a report; a line saying
    年度报告 wins over a breadcrumb that only says 年报."""
    early = [line.text.strip() for line in lines[:60] if len(line.text.strip()) <= 80]
    for words in TITLE_WORDS:
        for text in early:
            match = TITLE_YEAR.search(text) if words in text else None
            if match and (year := _year(match.group(1))):
                return year, text
    return None, None


def _year(text: str) -> int | None:
    digits = text.translate(CHINESE_DIGITS)
    if not digits.isdigit():
        return None
    year = int(digits)
    return year if FIRST_REPORTING_YEAR <= year <= date.today().year + 1 else None


def fallback_year(squeezed: str) -> int | None:
    """The most frequent plausible `YYYY年` of the text: the reporting year in most reports."""
    counts: dict[int, int] = {}
    for found in re.findall(r"(20[0-4]\d)年", squeezed):
        if year := _year(found):
            counts[year] = counts.get(year, 0) + 1
    return max(counts, key=lambda y: (counts[y], -y)) if counts else None


def agency_from_title(title: str | None) -> str | None:
    if not title:
        return None
    title = TITLE_CHROME.sub("", title.strip())
    match = TITLE_YEAR.search(title)
    if not match:
        return None
    before = AGENCY_TAIL.sub("", title[: match.start()]).strip()
    if len(before) >= 2:
        return before
    after = re.split(r"政府信息|信息公开|政务公开|年度报告", title[match.end() :])[0].strip()
    return AGENCY_TAIL.sub("", after).strip() or None


def published_on(lines: list[SourceLine]) -> date | None:
    for line in lines[:40]:
        if PUBLISHED.search(line.text) and (match := DATE.search(line.text)):
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def identify(lines: list[SourceLine], squeezed: str) -> Identity:
    year, title = title_year(lines)
    year = year or fallback_year(squeezed)
    generation, votes = detect_generation(squeezed, year)
    return Identity(generation, year, agency_from_title(title), published_on(lines), votes)
