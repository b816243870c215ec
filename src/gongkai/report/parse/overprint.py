"""A caption printed over a table row.

When a table runs onto a new page, some layouts repeat its caption at the top of the page,
and a PDF can draw it over the row below: the extractor then gives one line with the
caption's characters and the row's figures interleaved — `政府7 信息1公开行7政复7议、行22政…`,
or in grid cells `政府1 信 | 息0公 | 开行7政 | 复议 | …`. Left as it is, the line reads as a
label with some figures glued to it and the row is lost.

Such a line is recognised by what is left when its figures are taken out: exactly a caption
or section title of the formats, or a line that the same document prints on its own. Only a
line whose figures stand *between* those letters qualifies; a label followed by its figures
is an ordinary row. The letters are then dropped (replaced by spaces, so that a column
layout keeps its positions), leaving a row of bare figures that the table reader places by
its position, as it does for any row whose label was lost.
"""

import re
from functools import lru_cache

from gongkai.report.formats import GENERATIONS
from gongkai.report.parse.lines import TABLE_CELL_SEPARATOR, SourceLine
from gongkai.report.parse.normalize import squeeze

FIGURE = re.compile(r"\d+(?:\.\d+)?")
# A letter of a caption: anything that is not a figure, a space or a cell separator.
LETTER = re.compile(r"[^\d.\s|]")
INTERLEAVED = re.compile(r"[^\d.\s|]\s*\|?\s*\d+(?:\.\d+)?\s*\|?\s*[^\d.\s|]")
SHORTEST = 8  # characters: shorter letter runs (总计, 其他) are ordinary row labels


@lru_cache(maxsize=1)
def format_titles() -> frozenset[str]:
    """Every table caption and section title of the three generations, squeezed."""
    titles = set()
    for generation in GENERATIONS.values():
        titles.update(squeeze(table.caption) for table in generation.tables if table.caption)
        titles.update(squeeze(section.title) for section in generation.sections)
    return frozenset(title for title in titles if len(title) >= SHORTEST)


def lift_overprints(lines: list[SourceLine]) -> list[SourceLine]:
    """`lines` with the letters of every overprinted caption taken out of the figures."""
    candidates = [i for i, line in enumerate(lines) if INTERLEAVED.search(line.text)]
    if not candidates:
        return lines
    titles = format_titles() | own_lines(lines)
    lifted = list(lines)
    for index in candidates:
        line = lines[index]
        letters = squeeze("".join(LETTER.findall(line.text)))
        if len(letters) >= SHORTEST and letters in titles and FIGURE.search(line.text):
            lifted[index] = SourceLine(bare_figures(line.text), line.where)
    return lifted


def own_lines(lines: list[SourceLine]) -> set[str]:
    """The document's lines that hold letters only (a caption printed on its own)."""
    return {
        squeezed
        for line in lines
        if not FIGURE.search(line.text)
        and len(squeezed := squeeze(line.text.replace("|", ""))) >= SHORTEST
    }


def bare_figures(text: str) -> str:
    if TABLE_CELL_SEPARATOR in text:
        cells = text.split("|")
        return TABLE_CELL_SEPARATOR.join(" ".join(FIGURE.findall(cell)) for cell in cells)
    return LETTER.sub(" ", text)
