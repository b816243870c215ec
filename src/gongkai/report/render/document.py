"""The outline of a rendered report: title, sections with their prose and tables, signature.

Built once from a Report and the formats data; the HTML, DOCX and XLSX writers only draw it.
"""

import re
from dataclasses import dataclass
from datetime import date

from gongkai.report.formats import Section
from gongkai.report.model import ExtraRow, Report
from gongkai.report.render.layout import Grid, section_path, statistics_grid, table_grid
from gongkai.report.render.layout import extras_grid as list_grid

TITLE_SUFFIX = "年政府信息公开工作年度报告"
# 二号 characters on one A4 line (170 mm at 22 pt); a longer title breaks after the agency,
# as printed reports do, rather than wherever the line runs out.
TITLE_LINE_CHARS = 21
EXTRA_CAPTION = "其他统计指标"
NUMERALS = "一二三四五六七八九十"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class DocumentSection:
    numeral: str
    heading: str
    paragraphs: tuple[str, ...]
    grids: tuple[Grid, ...]
    hide_captions: frozenset[str] = frozenset()  # grid keys whose caption repeats the heading


@dataclass(frozen=True)
class Document:
    title: str
    agency: str | None
    published_on: date | None
    sections: tuple[DocumentSection, ...]
    generation: str

    @property
    def grids(self) -> list[Grid]:
        return [grid for section in self.sections for grid in section.grids]

    @property
    def title_lines(self) -> tuple[str, ...]:
        if not self.agency or len(self.title) <= TITLE_LINE_CHARS:
            return (self.title,)
        return (self.agency, self.title[len(self.agency) :])

    @property
    def signature_date(self) -> str | None:
        day = self.published_on
        return f"{day.year}年{day.month}月{day.day}日" if day else None


def report_title(report: Report) -> str:
    """某某局2025年政府信息公开工作年度报告."""
    return f"{report.agency or ''}{report.year}{TITLE_SUFFIX}"


def build_document(report: Report) -> Document:
    extras = placed_extras(report)
    sections = [
        document_section(section, report, extras.get(section.numeral, []))
        for section in report.format.sections
    ]
    sections += unlisted_sections(report)
    return Document(
        title=report_title(report),
        agency=report.agency,
        published_on=report.published_on,
        sections=tuple(order_sections(sections)),
        generation=report.generation,
    )


def document_section(section: Section, report: Report, extras: list[ExtraRow]) -> DocumentSection:
    if section.tables and report.generation == "A":
        grid = statistics_grid(section.tables, report, section.title, report.extra)
        grids = (grid,) if grid else ()
    else:
        grids = tuple(g for g in (table_grid(t, report) for t in section.tables) if g)
        extra = list_grid(extras, EXTRA_CAPTION, path_start=1) if extras else None
        grids += (extra,) if extra else ()
    return DocumentSection(
        numeral=section.numeral,
        heading=section.heading,
        paragraphs=paragraphs(report.sections.get(section.numeral, ""), section.title),
        grids=grids,
        hide_captions=frozenset(g.key for g in grids if g.caption == section.title),
    )


def paragraphs(text: str, title: str) -> tuple[str, ...]:
    """The section's prose as paragraphs, without a leading copy of its own title
    (report-json.md's example starts section 一 with "总体情况 …")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines:
        lines[0] = strip_title(lines[0], title)
    return tuple(line for line in lines if line)


def strip_title(line: str, title: str) -> str:
    bare = re.sub(rf"^[{NUMERALS}]+、\s*", "", line)
    if title and bare.startswith(title):
        return bare[len(title) :].lstrip(" ：:。")
    return line


def placed_extras(report: Report) -> dict[str, list[ExtraRow]]:
    """Generation B/C extra rows by the numeral of the section they belong to; rows whose
    section names none of the six go to the last one (其他需要报告的事项)."""
    if report.generation == "A":
        return {}  # they are rows of the 统计表
    sections = report.format.sections
    placed: dict[str, list[ExtraRow]] = {}
    for extra in report.extra:
        numeral = matching_section(extra, sections) or sections[-1].numeral
        placed.setdefault(numeral, []).append(extra)
    return placed


def matching_section(extra: ExtraRow, sections: tuple[Section, ...]) -> str | None:
    path = section_path(extra)
    top = _SPACES.sub("", path[0]) if path else ""
    for section in sections:
        if top and (top == section.heading or top == section.title):
            return section.numeral
    return None


def unlisted_sections(report: Report) -> list[DocumentSection]:
    """Prose kept under numerals the format does not have (seed 000 numbers 一…十二)."""
    known = {section.numeral for section in report.format.sections}
    return [
        DocumentSection(numeral, f"{numeral}、", paragraphs(text, ""), ())
        for numeral, text in report.sections.items()
        if numeral not in known
    ]


def order_sections(sections: list[DocumentSection]) -> list[DocumentSection]:
    """Numbered sections in numeral order, then the generation-A 统计表 (no numeral) last."""
    numbered = [s for s in sections if s.numeral]
    unnumbered = [s for s in sections if not s.numeral]
    return sorted(numbered, key=lambda s: numeral_value(s.numeral)) + unnumbered


def numeral_value(numeral: str) -> int:
    """一 … 九十九 as a number; anything else sorts last."""
    if not numeral or any(ch not in NUMERALS for ch in numeral):
        return 10_000
    if "十" not in numeral:
        return NUMERALS.index(numeral) + 1
    tens, _, units = numeral.partition("十")
    return (NUMERALS.index(tens) + 1 if tens else 1) * 10 + (
        NUMERALS.index(units) + 1 if units else 0
    )
