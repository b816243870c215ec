"""Published annual reports as text files, for bench_intelligence.py: many agencies, every
year 2016–2025 (generations A, B and C), in the text layouts of the parser's own corpus
(one cell per line, `|` rows, markdown, spaced PDF text, traditional characters, full-width
digits), padded with prose to a report's usual length. No Django here.

The tables come from the corpus generator (tests/report/parse/corpus/make_corpus.py); the
figures of most generation B and C reports add up (tests/report/parse/consistent_figures.py),
the rest are random — as in a real year, some reports break the 勾稽关系. Each report carries
a publication date: most before 1月31日 (3月31日 before 2019), some late.
"""

import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "report" / "parse"))
sys.path.insert(0, str(ROOT / "tests" / "report" / "parse" / "corpus"))

import make_corpus  # noqa: E402
from consistent_figures import consistent_figures  # noqa: E402

from gongkai.report.formats import generation_for_year  # noqa: E402

YEARS = tuple(range(2016, 2026))
LAYOUTS = ("cells", "piped", "markdown", "spaced", "cells-split-footers", "piped-traditional",
           "spaced-fullwidth", "cells-units")  # fmt: skip
PROSE = (
    "本机关坚持以公开为常态、不公开为例外，围绕中心工作，进一步加强政府信息公开工作，"
    "不断提高公开质量和实效，取得了明显成效。",
    "在主动公开方面，及时公开机构职能、政策文件、财政预决算、重大建设项目等信息，"
    "通过政府网站、政务新媒体、政务服务中心等渠道发布，方便群众查阅。",
    "在依申请公开方面，严格按照法定时限和程序办理，规范答复文书，做到依法、规范、及时答复。",
)
CONSISTENT = 0.8  # share of generation B and C reports whose figures add up


@dataclass(frozen=True)
class Written:
    name: str  # the file's name, e.g. 青山县财政局_2021.txt
    agency: str
    year: int
    size: int  # bytes


def report_text(agency: str, year: int, number: int, kilobytes: float) -> str:
    """One report as a text file: title, publication line, sections, tables, prose."""
    rng = random.Random(f"{agency}{year}{number}")
    code = generation_for_year(year).code
    layout = LAYOUTS[number % len(LAYOUTS)]
    render, style, damage = make_corpus.TEXT_LAYOUTS[layout]
    doc = make_corpus.build(code, year, number, style)
    if code != "A" and rng.random() < CONSISTENT:
        values = consistent_figures(code, rng)
        doc.blocks = make_corpus._blocks_bc(code, values, style)
    doc.title = f"{agency}{year}年政府信息公开工作年度报告"
    text = render(doc, style)
    text = text.replace(doc.title, f"{doc.title}\n发布日期：{published(rng, year)}  来源：本站", 1)
    text = padded(text, rng, kilobytes)
    return damage(text) if damage else text


def published(rng: random.Random, year: int) -> str:
    due_month = 1 if year >= 2019 else 3
    if rng.random() < 0.08:  # late
        return date(year + 1, due_month + 1, rng.randint(1, 28)).isoformat()
    return date(year + 1, due_month, rng.randint(5, 28)).isoformat()


def padded(text: str, rng: random.Random, kilobytes: float) -> str:
    """Prose paragraphs in the report's first section until it is about that long."""
    missing = int(kilobytes * 1024) - len(text.encode("utf-8"))
    paragraphs = []
    while missing > 0:
        paragraph = rng.choice(PROSE)
        paragraphs.append(paragraph)
        missing -= len(paragraph.encode("utf-8")) + 1
    if not paragraphs:
        return text
    for heading in ("一、总体情况", "一、概述"):
        if heading in text:
            return text.replace(heading, heading + "\n" + "\n".join(paragraphs), 1)
    return text + "\n" + "\n".join(paragraphs)


def write_reports(
    folder: Path, agencies: list[str], count: int, kilobytes: float
) -> Iterator[Written]:
    """`count` reports: each agency's years in turn, 2016–2025, until there are enough."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        agency = agencies[number // len(YEARS) % len(agencies)]
        year = YEARS[number % len(YEARS)]
        data = report_text(agency, year, number, kilobytes).encode("utf-8")
        name = f"{number:05d}_{agency}_{year}.txt"
        (folder / name).write_bytes(data)
        yield Written(name, agency, year, len(data))
