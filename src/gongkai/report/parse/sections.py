"""The prose of the report's sections, keyed by section numeral (report-json.md `sections`).

Generation B and C reports follow the six sections of 条例第五十条; their headings are found
by title, not numeral, because numerals repeat (seed 002: 一、总体情况 then 一、政务公开工作
开展情况). Generation-A reports number their prose freely (seed 000 runs 一…十二), so their
sections are keyed by the printed numeral, first occurrence.
"""

import re

from gongkai.report.aliases import SECTION_ALIASES
from gongkai.report.formats import GENERATIONS
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.locate import label_core, label_index

HEADING = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]\s*(\S.{0,38})$")
SENTENCE_END = ("。", "；", ";", "：", ":")


def read_sections(lines: list[SourceLine], code: str) -> dict[str, str]:
    headings = _headings(lines, code)
    sections: dict[str, str] = {}
    for number, (start, key) in enumerate(headings):
        end = headings[number + 1][0] if number + 1 < len(headings) else len(lines)
        text = "\n".join(_prose(lines[start + 1 : end]))
        if key not in sections and text:
            sections[key] = text
    return sections


def _headings(lines: list[SourceLine], code: str) -> list[tuple[int, str]]:
    titles = _section_titles(code)
    found = []
    for number, line in enumerate(lines):
        match = HEADING.match(line.text) if "|" not in line.text else None
        if match is None:
            continue
        key = _section_key(match, titles, code)
        if key is not None:
            found.append((number, key))
    return found


def _section_key(match: re.Match, titles: dict[str, str], code: str) -> str | None:
    core = label_core(match.group(2))
    if code == "A":
        exact = label_index(code).exact
        return None if core in exact or not core else match.group(1)
    for numeral, title in titles.items():
        if len(core) >= 4 and (title in core or core in title):
            return numeral
    return None


def _section_titles(code: str) -> dict[str, str]:
    titles = {}
    for section in GENERATIONS[code].sections:
        if section.numeral:
            titles[section.numeral] = label_core(section.title)
            for alias in SECTION_ALIASES.get(section.numeral, ()):
                titles.setdefault(section.numeral, label_core(alias))
    return titles


def _prose(lines: list[SourceLine]) -> list[str]:
    return [line.text.strip() for line in lines if _is_paragraph(line.text)]


def _is_paragraph(text: str) -> bool:
    # A paragraph cut by the page layout still belongs (seed 000); short table labels do not.
    stripped = text.strip()
    return "|" not in text and (len(stripped) >= 20 or stripped.endswith(SENTENCE_END))
