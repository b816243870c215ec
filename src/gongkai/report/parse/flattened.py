"""Tables a crawler flattened into one paragraph: `… 规章 0 0 0 行政规范性文件 0 0 0 第二十条第
（五）项 信息内容 本年处理决定数量 行政许可 52 …`, every cell of sections 二 and 三 on one line,
separated by spaces.

Such a line is long, so it would be read as prose and its figures lost. A line whose
space-separated pieces are figures for at least a third (and at least MIN_FIGURES of them),
with row labels of the formats among them (a sentence of PDF text with spaced digits, `自 2019
年 1 月 1 日起`, has none), is no sentence of a report: it is cut into one line per piece, the
shape of a page crawled one cell a line, which the table reader already knows. The pieces keep
the line's provenance.
"""

from functools import cache

from gongkai.report.formats import GENERATIONS
from gongkai.report.parse.flattened_glued import glued_table_pieces
from gongkai.report.parse.generation import label_cores
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.locate import label_core
from gongkai.report.parse.tokens import Kind, classify, is_prose

MIN_FIGURES = 6  # a sentence may quote a few figures with spaces; a table row prints more
FIGURE_SHARE = 3  # at least one piece in three is a figure
MIN_LABELS = 2  # row labels of the formats printed whole as pieces (行政许可, 行政处罚)


def unflatten(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines, with each flattened table line cut into one line per piece."""
    out: list[SourceLine] = []
    for line in lines:
        pieces = flattened_pieces(line.text) or glued_table_pieces(line.text)
        if pieces is None:
            out.append(line)
        else:
            out.extend(SourceLine(piece, line.where) for piece in pieces)
    return out


def flattened_pieces(text: str) -> list[str] | None:
    """The pieces of a flattened table line, or None for any other line."""
    if "|" in text or not is_prose(text):
        return None
    pieces = text.split()
    figures = sum(1 for piece in pieces if classify(piece)[0] is Kind.VALUE)
    if figures < MIN_FIGURES or figures * FIGURE_SHARE < len(pieces):
        return None
    labels = sum(1 for piece in pieces if label_core(piece) in all_label_cores())
    return pieces if labels >= MIN_LABELS else None


@cache
def all_label_cores() -> frozenset[str]:
    return frozenset().union(*(label_cores(code) for code in GENERATIONS)) - {""}
