"""Builds the damage corpus: reports rendered by the platform's own renderer (report/render)
in several official print layouts, turned into PDF by WeasyPrint, and read back by the
text extractors people actually use — pdftotext in its three modes, pdfplumber and PDFium
(pypdfium2) — then damaged the ways crawled pages are damaged. Each file has the
`<name>.expected.json` it must parse to, taken from the source Report, never from the
parser. Deterministic (fixed seed); re-run after a change to the renderer or the damage:

    .venv/bin/python tests/report/parse/damage/make_damage.py

Names: `<generation><year>_<layout>_<extractor>[_<damage>].<ext>`, e.g.
`C2021_narrow_raw.txt`. Layouts (CSS added to the renderer's page): `print` (as rendered),
`narrow` (narrow table columns: row labels wrap over two or three lines, column headers
split character-wise), `a5` (small pages: tables cut into fragments with "— 4 —" page
numbers between them, the header rows repeated and the table's caption as each page's
running head). Extractors: `layout`, `raw` and `plain` (pdftotext -layout, -raw and its
default reading order), `plumber` (pdfplumber's extract_text), `pdfium` (pypdfium2's page
text). Damage applied to some texts: `chrome` (a portal's navigation, "登录 注册", 发布日期/点击数,
breadcrumbs and an ICP footer around the report), `glued` (crawler text whose cells lost
their separators: "310100032"). Three PDFs are kept as they are, for the parser's own PDF
reader. Each report also comes as a portal page (`portal_page`, the rendered HTML in a
portal's frame), a Word file (`word`), and crawler text whose cells carry drafters' notes
(`crawl_annotated`: "12（其中修订 5 件）") or whose matrix row lost its label
(`crawl_unlabelled`); these use a random stream of their own per report. A glued row whose
split is not unique by its width and total is expected blank (null): the parser must not
guess it."""

import html
import itertools
import json
import random
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))  # consistent_figures.py beside the tests

from consistent_figures import consistent_figures  # noqa: E402

from gongkai.report.formats import GENERATIONS, Kind  # noqa: E402
from gongkai.report.model import Report  # noqa: E402
from gongkai.report.render import render  # noqa: E402
from gongkai.report.render.html import render_html  # noqa: E402

SEED = 20261203
REPORTS = (  # generation, year, agency
    ("A", 2016, "青山县审计局"),
    ("A", 2018, "白沙镇人民政府"),
    ("B", 2019, "青山县卫生健康局"),
    ("B", 2020, "临河市人力资源和社会保障局"),
    ("C", 2021, "青山县人民政府办公室"),
    ("C", 2023, "东湖区市场监督管理局"),
)
LAYOUTS = {
    "print": "",
    "narrow": """
        table.statutory { width: 62% !important; font-size: 11pt !important; }
        table.statutory th, table.statutory td { padding: 1pt !important; }
    """,
    "a5": """
        @page { size: A5; margin: 16mm 12mm 18mm;
                @top-center { content: string(caption); font-size: 9pt; }
                @bottom-center { content: "— " counter(page) " —"; font-size: 10pt; } }
        table.statutory caption { display: table-caption; string-set: caption content(); }
    """,
}
EXTRACTORS = ("layout", "raw", "plain", "plumber", "pdfium")
KEEP_PDF = {("A", 2016, "a5"), ("B", 2020, "narrow"), ("C", 2023, "a5")}
PROSE = {  # sections without figures: the figures of this corpus are in its tables
    "A": {"一": "本机关认真贯彻落实《条例》，现将本年度政府信息公开工作情况报告如下。"},
    "B": {
        "一": "本年度，本机关坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。",
        "五": "公开内容的深度和广度有待加强，下一步将进一步完善工作机制。",
        "六": "无。",
    },
    "C": {
        "一": "本年度，本机关坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。",
        "五": "政策解读形式还不够丰富，下一步将加强培训，提升公开质量。",
        "六": "本机关本年度未收取信息处理费。",
    },
}
CHROME_HEAD = (
    "首页 | 政务公开 | 政务服务 | 互动交流 | 走进{place}\n登录 注册 无障碍 长者模式\n"
    "您当前的位置：首页 > 政府信息公开 > 政府信息公开年报 > {year}\n"
)
CHROME_INFO = "发布日期：{date}  来源：{agency}  点击数：{clicks}  字号：大 中 小  打印本页\n"
CHROME_FOOT = (
    "\n相关链接：国务院 | 省政府 | 市政府\n主办单位：{place}人民政府办公室  联系电话：0{phone}\n"
    "网站标识码：{site}  {icp}ICP备{icp_no}号-1  公网安备 {beian}号\n"
)


def figures(code: str, rng: random.Random) -> dict:
    if code != "A":
        return consistent_figures(code, rng)
    values: dict = {}
    for key, spec in GENERATIONS[code].cells.items():
        if spec.kind is Kind.DECIMAL:
            values[key] = rng.randint(0, 5000) / 100
        elif spec.kind is Kind.SIGNED_INT:
            values[key] = rng.randint(-9, 12)
        else:
            values[key] = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 13, 21, 120, 1603])
    return values


def report_of(code: str, year: int, agency: str, rng: random.Random) -> Report:
    values = figures(code, rng)
    for key in rng.sample(sorted(k for k in values if not k.endswith(".total")), 2):
        values[key] = None  # a blank cell stays blank
    return Report(
        generation=code,
        year=year,
        agency=agency,
        published_on=date(year + 1, 1, rng.randint(10, 28)),
        cells=values,
        sections=dict(PROSE[code]),
    )


def pdf_of(report: Report, layout: str) -> bytes:
    from weasyprint import HTML

    page = render_html(report).replace("</style>", LAYOUTS[layout] + "</style>", 1)
    return HTML(string=page, media_type="print").write_pdf()


def extract(pdf_path: Path, extractor: str) -> str:
    if extractor in ("layout", "raw", "plain"):
        mode = [] if extractor == "plain" else [f"-{extractor}"]
        found = subprocess.run(
            ["pdftotext", *mode, "-enc", "UTF-8", str(pdf_path), "-"],
            check=True,
            capture_output=True,
        )
        return found.stdout.decode("utf-8").replace("\f", "\n")
    if extractor == "plumber":
        import pdfplumber

        with pdfplumber.open(pdf_path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def with_chrome(text: str, report: Report, rng: random.Random) -> str:
    place = report.agency[:3]
    head = CHROME_HEAD.format(place=place, year=report.year + 1)
    info = CHROME_INFO.format(
        date=f"{report.year + 1}-01-{rng.randint(10, 28)}",
        agency=report.agency,
        clicks=rng.randint(100, 9999),
    )
    foot = CHROME_FOOT.format(
        place=place,
        phone=rng.randint(100000000, 999999999),
        site=rng.randint(10**9, 10**10),
        icp=rng.choice("京沪浙苏鲁豫"),
        icp_no=rng.randint(10**7, 10**8),
        beian=rng.randint(10**13, 10**14),
    )
    return head + info + text + foot


# -- glued rows: crawler text that lost the separators of one matrix row ------------------


def splits(digits: str, width: int) -> list[tuple[int, ...]]:
    """Every reading of `digits` as `width` numbers (no leading zeros) whose last is the sum."""
    found = []
    for cuts in itertools.combinations(range(1, len(digits)), width - 1):
        parts = [digits[a:b] for a, b in zip((0, *cuts), (*cuts, len(digits)), strict=True)]
        if any(len(p) > 1 and p.startswith("0") for p in parts):
            continue
        numbers = tuple(int(p) for p in parts)
        if sum(numbers[:-1]) == numbers[-1]:
            found.append(numbers)
    return found


def glued_text(report: Report, rng: random.Random) -> tuple[str, dict]:
    """The report as crawler text ("label | a | b | …" rows) with two matrix rows glued;
    the expected cells with each glued row blank unless its split is unique."""
    lines = crawl_lines(report)
    expected = dict(report.cells)
    candidates = [i for i, line in enumerate(lines) if glueable(line, report)]
    for index in rng.sample(candidates, min(2, len(candidates))):
        cells = lines[index].split(" | ")
        digits = "".join(cells[-7:])
        lines[index] = " | ".join([*cells[:-7], digits])
        if len(splits(digits, 7)) != 1:
            for key in row_keys(report, cells[-8]):
                expected[key] = None
    return "\n".join(lines) + "\n", expected


def glueable(line: str, report: Report) -> bool:
    cells = line.split(" | ")
    return (
        report.generation != "A"
        and len(cells) >= 8
        and all(re.fullmatch(r"\d+", c) for c in cells[-7:])
        and len(row_keys(report, cells[-8])) == 7
    )


def row_keys(report: Report, label: str) -> list[str]:
    table = GENERATIONS[report.generation].table("s3")
    for row, _ in table.walk():
        if row.key and row.label.replace(" ", "") == label.replace(" ", ""):
            return [
                f"s3.{row.key}.{c}"
                for c in (
                    "natural",
                    "commercial",
                    "research",
                    "nonprofit",
                    "legal",
                    "other",
                    "total",
                )
            ]
    return []


def row_of(key: str) -> str:
    """The printed row a cell sits in: a matrix row, a 第二十条 item, the appeals row."""
    if key.startswith("s3."):
        return key.rsplit(".", 1)[0]
    if key.startswith("s2."):
        return ".".join(key.split(".")[:2])
    return "s4" if key.startswith("s4.") else key


def positionless(cells: dict) -> dict:
    """Expected cells of a text that keeps no column positions (every extractor but -layout):
    a row with a blank cell prints fewer figures than it has columns, and nobody reading the
    text can tell which column is blank, so the whole row is expected blank, not guessed."""
    holed = {row_of(key) for key, value in cells.items() if value is None}
    return {key: None if row_of(key) in holed else value for key, value in cells.items()}


# -- writing the corpus --------------------------------------------------------------------


def expected_of(report: Report, name: str, cells: dict | None = None) -> dict:
    """The expected file: every figure from the source Report (or `cells`, where the text
    cannot show some of them)."""
    cells = report.cells if cells is None else cells
    return {
        "format": "gongkai.report/1",
        "source": name,
        "agency": report.agency,
        "year": report.year,
        "generation": report.generation,
        "cells": {key: plain(value) for key, value in cells.items()},
        "extra": [],
        "narrative": {},
        "notes": "generated by make_damage.py from the source Report (not by the parser)",
    }


def plain(value):
    return value if value is None or isinstance(value, int) else float(value)


def write(name: str, content: str | bytes, expected: dict) -> None:
    path = HERE / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    stem = name.rsplit(".", 1)[0]
    text = json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
    (HERE / f"{stem}.expected.json").write_text(text, encoding="utf-8")


def build_report(code: str, year: int, agency: str, rng: random.Random) -> None:
    report = report_of(code, year, agency, rng)
    base = f"{code}{year}"
    for layout in LAYOUTS:
        pdf = pdf_of(report, layout)
        pdf_path = HERE / f"{base}_{layout}.pdf"
        pdf_path.write_bytes(pdf)
        for extractor in EXTRACTORS:
            name = f"{base}_{layout}_{extractor}.txt"
            cells = report.cells if extractor == "layout" else positionless(report.cells)
            write(name, extract(pdf_path, extractor), expected_of(report, name, cells))
        if (code, year, layout) in KEEP_PDF:
            write(pdf_path.name, pdf, expected_of(report, pdf_path.name))
        else:
            pdf_path.unlink()
    source = (HERE / f"{base}_a5_layout.txt").read_text(encoding="utf-8")
    name = f"{base}_a5_layout_chrome.txt"
    write(name, with_chrome(source, report, rng), expected_of(report, name))
    if code != "A":
        text, cells = glued_text(report, rng)
        name = f"{base}_crawl_glued.txt"
        write(name, with_chrome(text, report, rng), expected_of(report, name, cells))
    build_web_and_word(report, base, random.Random(f"{SEED}-{base}"))


def build_web_and_word(report: Report, base: str, rng: random.Random) -> None:
    """The same report as a portal page, a Word file, and crawler text with annotated cells
    and a row that lost its label (its own random stream: the PDF texts above stay as built)."""
    files = {
        f"{base}_portal_page.html": portal_page(report, rng),
        f"{base}_word.docx": render(report, "docx"),
        f"{base}_crawl_annotated.txt": "\n".join(annotated(crawl_lines(report), rng)) + "\n",
    }
    if report.generation != "A":
        text = "\n".join(unlabelled(crawl_lines(report), report, rng)) + "\n"
        files[f"{base}_crawl_unlabelled.txt"] = text
    for name, content in files.items():
        write(name, content, expected_of(report, name))


def portal_page(report: Report, rng: random.Random) -> str:
    """The rendered page inside a portal's frame: navigation, login links, breadcrumbs, the
    publication line with its click counter, and a footer with phone and ICP numbers."""
    chrome = with_chrome("\n@@REPORT@@\n", report, rng).split("@@REPORT@@")
    head, foot = (html.escape(part).replace("\n", "<br>") for part in chrome)
    page = render_html(report)
    page = page.replace("<body>", f'<body><nav class="portal">{head}</nav>', 1)
    return page.replace("</body>", f'<footer class="portal">{foot}</footer></body>', 1)


def crawl_lines(report: Report) -> list[str]:
    from gongkai.report.parse.readers import read_bytes

    return [line.text for line in read_bytes(render_html(report).encode(), ".html")]


def annotated(lines: list[str], rng: random.Random) -> list[str]:
    """Three figures carry the note a drafter added in the cell: "12（其中修订 5 件）"."""
    spots = [
        (i, j)
        for i, line in enumerate(lines)
        for j, cell in enumerate(line.split(" | "))
        if j > 0 and re.fullmatch(r"[1-9]\d*", cell)
    ]
    lines = list(lines)
    for i, j in rng.sample(spots, min(3, len(spots))):
        cells = lines[i].split(" | ")
        part = rng.randint(0, int(cells[j]))
        note = rng.choice(("（其中修订 {} 件）", "（含自然失效 {} 件）", "(其中网上申请{}件)"))
        cells[j] += note.format(part)
        lines[i] = " | ".join(cells)
    return lines


def unlabelled(lines: list[str], report: Report, rng: random.Random) -> list[str]:
    """A matrix row, neither the first nor the last, printed without its label cells: only
    its place among the rows says which row it is."""
    rows = [i for i, line in enumerate(lines) if glueable(line, report)]
    lines = list(lines)
    index = rng.choice(rows[1:-1])
    lines[index] = " | ".join(lines[index].split(" | ")[-7:])
    return lines


def main() -> None:
    for old in HERE.glob("*"):
        if old.suffix in (".txt", ".pdf", ".json", ".html", ".docx"):
            old.unlink()
    rng = random.Random(SEED)
    for code, year, agency in REPORTS:
        build_report(code, year, agency, rng)
    print(f"{len(list(HERE.glob('*.expected.json')))} damaged reports in {HERE}")


if __name__ == "__main__":
    main()
