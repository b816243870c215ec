"""Builds the parser's own corpus: synthetic reports of every generation, rendered in the
layouts real pages show and damaged the ways real pages are damaged, each with the
`<name>.expected.json` it must parse to. Deterministic (fixed seed); re-run after a change:

    .venv/bin/python tests/report/parse/corpus/make_corpus.py

Layouts: one cell per line (seed 002), `|`-joined rows (seed 003), markdown tables from PDF
conversion, PDF text without table boxes (`label 0 0 0`), HTML pages with rowspan/colspan and
chrome, DOCX tables, PDF (WeasyPrint, CSS borders). Damage: NBSP padding, full-width digits,
traditional characters, page footers and repeated headers mid-table, labels split over
lines, units inside cells, `元` amounts, a stray `00`. Score it like the seeds:
`python3 ../shared/tools/score_corpus.py tests/report/parse/corpus --cmd '.venv/bin/gongkai parse'`.
"""

import html
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from zhconv import convert

from gongkai.report.formats import GENERATIONS, Kind, Role, Table

HERE = Path(__file__).parent
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


Grid = list[list[Cell]]  # a printed table: rows of cells, spans as in HTML


@dataclass
class Document:
    title: str
    blocks: list[str | Grid]  # prose paragraphs and tables in order
    expected: dict


# -- figures ---------------------------------------------------------------------------


def figures(code: str, rng: random.Random) -> dict:
    values: dict = {}
    for key, spec in GENERATIONS[code].cells.items():
        if spec.kind is Kind.DECIMAL:
            values[key] = Decimal(rng.randint(0, 50000)) / 100
        elif spec.kind is Kind.SIGNED_INT:
            values[key] = rng.randint(-9, 12)
        else:
            values[key] = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 13, 21, 120, 1603])
    for key in rng.sample(sorted(values), 3):
        if not key.endswith(".total"):
            values[key] = None  # a blank cell: must stay null
    return values


def shown(value, unit: str | None = None, units_inside: bool = False) -> str:
    if value is None:
        return ""
    text = f"{value}"
    return f"{text}{unit}" if units_inside and unit and value != 0 else text


# -- tables from the formats -----------------------------------------------------------


def documents_grid(code: str, values: dict, style: dict) -> Grid:
    grid: Grid = []
    for table in GENERATIONS[code].sections[1].tables:
        width = 1 + len(table.columns)
        grid.append([Cell(table.caption, colspan=max(width, 4))])
        grid.append([Cell(table.stub_header), *(Cell(c.label) for c in table.columns)])
        for row, _ in table.walk():
            cells = [Cell(row.label)]
            for column in table.columns:
                key = table.cell_key(row, column)
                cells.append(
                    Cell(amount(values[key], style) if "amount" in key else shown(values[key]))
                )
            grid.append(cells)
    return grid


def amount(value, style: dict) -> str:
    if value is None:
        return ""
    if style.get("yuan"):
        return f"{int(value * 10000)}元"
    return f"{value}万元" if style.get("units") else f"{value}"


def matrix_grid(table: Table, values: dict, style: dict) -> Grid:
    columns = table.columns
    grid: Grid = [
        [Cell(table.note, rowspan=3, colspan=3), Cell(table.stub_header, colspan=7)],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell(c.label) for c in columns[1:6]],
    ]
    for row, ancestors in table.walk():
        if row.key is None:
            continue
        cells = [Cell(a.label, rowspan=_span(a)) for a in ancestors if _first_child(a, row)]
        cells.append(Cell(row.label, colspan=3 - len(ancestors)))
        for column in columns:
            cells.append(Cell(shown(values[table.cell_key(row, column)], "件", style.get("units"))))
        grid.append(cells)
    return grid


def _span(row) -> int:
    return sum(1 if not c.children else _span(c) for c in row.children)


def _first_child(ancestor, row) -> bool:
    first = ancestor.children[0]
    while first.children and first is not row:
        first = first.children[0]
    return first is row


def appeals_grid(table: Table, values: dict) -> Grid:
    outcomes = [Cell(c.label) for c in table.columns]
    keys = [table.cell_key(r, c) for r, _ in table.walk() if r.key for c in table.columns]
    return [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [*(Cell(c.label, rowspan=2) for c in table.columns), Cell("未经复议直接起诉", colspan=5),
         Cell("复议后起诉", colspan=5)],
        [*outcomes, *outcomes],
        [Cell(shown(values[key])) for key in keys],
    ]  # fmt: skip


def statistics_grid(values: dict, style: dict) -> Grid:
    generation = GENERATIONS["A"]
    grid: Grid = [[Cell("统计指标"), Cell("单位"), Cell("统计数")]]
    for table in generation.tables:
        for row, _ in table.walk():
            if row.variants:
                continue
            if row.key is None:
                grid.append([Cell(row.label), Cell("——"), Cell("——")])
                continue
            value = values.get(row.key)
            text = (
                "——"
                if row.role is Role.HEADING and value is None
                else shown(value, row.unit, style.get("units"))
            )
            grid.append([Cell(row.label), Cell(row.unit or ""), Cell(text)])
    return grid


def base_keys_a() -> set[str]:
    return {r.key for t in GENERATIONS["A"].tables for r, _ in t.walk() if r.key and not r.variants}


# -- documents -------------------------------------------------------------------------

AGENCIES = [
    "青山县财政局", "江北区市场监督管理局", "临川市人民政府办公室", "白云镇人民政府",
    "东港市自然资源和规划局", "南湖区教育局", "西陵县卫生健康委员会", "北塘市生态环境局",
]  # fmt: skip
PROSE = "本机关坚持以公开为常态、不公开为例外，进一步加强政府信息公开工作，取得了明显成效。"


def build(code: str, year: int, number: int, style: dict) -> Document:
    rng = random.Random(f"{code}{year}{number}")
    values = figures(code, rng)
    agency = AGENCIES[number % len(AGENCIES)]
    title = f"{agency}{year}年政府信息公开工作年度报告"
    if code == "A":
        keys = base_keys_a()
        values = {k: v for k, v in values.items() if k in keys}
        blocks = _blocks_a(values, style)
        narrative = {"requests.received": values["requests.received"]}
    else:
        blocks = _blocks_bc(code, values, style)
        narrative = {"s3.new.total": values["s3.new.total"]}
    expected = {
        "format": "gongkai.report/1", "generation": code, "year": year, "agency": agency,
        "cells": {k: _json(v) for k, v in values.items()},
        "narrative": {k: v for k, v in narrative.items() if v is not None},
    }  # fmt: skip
    return Document(title, blocks, expected)


def _json(value):
    return float(value) if isinstance(value, Decimal) else value


def _blocks_a(values: dict, style: dict) -> list:
    received = values["requests.received"]
    requests = (
        f"本年度受理依申请公开{received}件，全部按时答复。" if received is not None else PROSE
    )
    return [
        "一、概述", PROSE, "二、主动公开政府信息情况", PROSE,
        "三、依申请公开政府信息情况", requests,
        "四、存在的主要问题及改进情况", PROSE, "附件：政府信息公开情况统计表",
        statistics_grid(values, style),
    ]  # fmt: skip


def _blocks_bc(code: str, values: dict, style: dict) -> list:
    generation = GENERATIONS[code]
    new = values["s3.new.total"]
    return [
        "一、总体情况", PROSE, f"本年度共收到政府信息公开申请{new}件。",
        "二、主动公开政府信息情况", documents_grid(code, values, style),
        "三、收到和处理政府信息公开申请情况", matrix_grid(generation.table("s3"), values, style),
        "四、政府信息公开行政复议、行政诉讼情况", appeals_grid(generation.table("s4"), values),
        "五、存在的主要问题及改进情况", PROSE, "六、其他需要报告的事项", "无。",
    ]  # fmt: skip


# -- layouts ---------------------------------------------------------------------------

CHROME_TOP = [
    "首页 > 政府信息公开 > 政府信息公开年报",
    "发布时间：2022-01-20 来源：本站 字号：[大 中 小]",
]
CHROME_END = ["扫一扫在手机打开当前页", "关闭窗口 打印本页"]


def one_cell_per_line(doc: Document, style: dict) -> str:
    lines = [*CHROME_TOP, doc.title]
    for block in doc.blocks:
        if isinstance(block, str):
            lines.append(block)
            continue
        for number, row in enumerate(block):
            if style.get("footers") and number and number % 14 == 0:
                lines.extend(["", f"第 {number // 14} 页 共 9 页", ""])
            for cell in row:
                lines.extend(_split(cell.text, style) if cell.text else ["\u00a0"])
    lines.extend(CHROME_END)
    return "\n\n".join(_pad(line, style) for line in lines)


def _split(text: str, style: dict) -> list[str]:
    if style.get("split") and len(text) > 14 and not text[-1].isdigit():
        return [text[:9], text[9:]]
    return [text]


def _pad(line: str, style: dict) -> str:
    if style.get("nbsp") and line.replace(".", "").isdigit():
        return f"\u00a0{line}\u00a0"
    return line


def piped(doc: Document, style: dict) -> str:
    lines = [doc.title]
    for block in doc.blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend(" | ".join(c.text for c in row) + " |" for row in block)
    return "\n".join(lines)


def markdown(doc: Document, style: dict) -> str:
    lines = [f"# {doc.title}"]
    for block in doc.blocks:
        if isinstance(block, str):
            lines.append(block)
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        for number, row in enumerate(block):
            cells = [c.text for c in row]
            label = cells[0]
            if len(label) > 16 and style.get("split"):
                cells[0] = label[:10]
                lines.append("| " + " | ".join(cells) + " |")
                lines.append("| " + label[10:] + " |" + " |" * (len(cells) - 1))
            else:
                lines.append("| " + " | ".join(cells) + " |")
            if number == 0:
                lines.append("|" + "---|" * width)
            if style.get("footers") and number == 12:
                lines.extend(["", "- 2 -", ""])
    return "\n".join(lines)


def spaced(doc: Document, style: dict) -> str:
    """PDF text extraction without table boxes: one row per line, cells spaced."""
    lines = [doc.title]
    for block in doc.blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend("  ".join(c.text or "-" for c in row) for row in block)
    return "\n".join(lines)


def html_page(doc: Document, style: dict) -> str:
    parts = []
    for block in doc.blocks:
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>")
        else:
            parts.append(_html_table(block))
    nav = "".join(f"<li><a href='#'>{t}</a></li>" for t in ("首页", "政务公开", "互动交流"))
    return (
        f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{doc.title}</title>"
        "<style>table{border-collapse:collapse}td{border:1px solid #000;padding:2px;"
        "font-family:'Noto Sans CJK SC',sans-serif;font-size:9px}</style></head><body>"
        f"<nav><ul>{nav}</ul></nav><h1>{doc.title}</h1>{''.join(parts)}"
        "<footer>主办单位：人民政府办公室 扫一扫在手机打开当前页</footer></body></html>"
    )


def _html_table(grid: Grid) -> str:
    rows = []
    for row in grid:
        cells = "".join(
            f"<td rowspan='{c.rowspan}' colspan='{c.colspan}'>{_cell_html(c.text)}</td>"
            for c in row
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table>{''.join(rows)}</table>"


def _cell_html(text: str) -> str:
    return html.escape(text) or "&nbsp;"


def write_docx(doc: Document, path: Path) -> None:
    from docx import Document as Word

    word = Word()
    word.add_heading(doc.title, level=1)
    for block in doc.blocks:
        if isinstance(block, str):
            word.add_paragraph(block)
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        table = word.add_table(rows=0, cols=width)
        for row in block:
            cells = table.add_row().cells
            for index, cell in enumerate(row[:width]):
                cells[index].text = cell.text
    word.save(path)


def write_pdf(doc: Document, path: Path) -> None:
    from weasyprint import HTML

    HTML(string=html_page(doc, {})).write_pdf(path)


# -- damage ----------------------------------------------------------------------------


def traditional(text: str) -> str:
    return convert(text, "zh-hant")


def full_width(text: str) -> str:
    return "\n".join(
        line.translate(FULL_WIDTH) if len(line.strip()) < 12 else line for line in text.split("\n")
    )


TEXT_LAYOUTS: dict[str, tuple[Callable, dict, Callable | None]] = {
    "cells": (one_cell_per_line, {"nbsp": True}, None),
    "cells-split-footers": (
        one_cell_per_line,
        {"split": True, "footers": True, "nbsp": True},
        None,
    ),
    "cells-units": (one_cell_per_line, {"units": True}, None),
    "piped": (piped, {}, None),
    "piped-traditional": (piped, {}, traditional),
    "markdown": (markdown, {"split": True, "footers": True}, None),
    "spaced": (spaced, {}, None),
    "spaced-fullwidth": (spaced, {}, full_width),
    "cells-yuan": (one_cell_per_line, {"yuan": True, "units": True}, None),
}
REPORTS = [
    ("A", 2016),
    ("A", 2018),
    ("B", 2019),
    ("B", 2020),
    ("C", 2021),
    ("C", 2022),
    ("C", 2024),
]


def main() -> None:
    for old in HERE.glob("r*_*.*"):
        old.unlink()
    for number, (code, year) in enumerate(REPORTS):
        for layout, (render, style, damage) in TEXT_LAYOUTS.items():
            if code == "A" and style.get("yuan"):
                continue
            doc = build(code, year, number, style)
            text = render(doc, style)
            suffix = ".md" if render is markdown else ".txt"
            _write(f"r{number}{code}{year}_{layout}", damage(text) if damage else text, suffix, doc)
        doc = build(code, year, number, {})
        _write(f"r{number}{code}{year}_page", html_page(doc, {}), ".html", doc)
        _write_binary(f"r{number}{code}{year}_word", doc, ".docx", write_docx)
        if number in (0, 2, 4):  # one PDF per generation: CJK fonts make them large
            _write_binary(f"r{number}{code}{year}_print", doc, ".pdf", write_pdf)


def _write(stem: str, text: str, suffix: str, doc: Document) -> None:
    (HERE / f"{stem}{suffix}").write_text(text, encoding="utf-8")
    _expected(stem, doc)


def _write_binary(stem: str, doc: Document, suffix: str, writer: Callable) -> None:
    writer(doc, HERE / f"{stem}{suffix}")
    _expected(stem, doc)


def _expected(stem: str, doc: Document) -> None:
    text = json.dumps(doc.expected | {"source": stem}, ensure_ascii=False, indent=1)
    (HERE / f"{stem}.expected.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
