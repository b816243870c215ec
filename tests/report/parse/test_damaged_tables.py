"""Section 三 broken the ways PDF text extraction breaks it reads back to its figures — or,
where the row order and the 勾稽关系 allow more than one reading, to blanks with a finding,
never to a wrong figure. The figures add up (consistent_figures.py); the damage is in
table_damage.py."""

import random

import pytest
from tests.report.parse.consistent_figures import (
    APPEAL_GROUPS,
    CAPTION,
    HEADER_LINES,
    OUTCOMES,
    appeals_lines,
    cells_text,
    consistent_figures,
    printed_rows,
    report_text,
)
from tests.report.parse.table_damage import (
    aligned,
    aligned_matrix,
    documents,
    figures_first,
    label_block,
    lost_label,
    page_broken,
    side_labels,
    split_headers,
    wrapped,
)

from gongkai.report.model import AMBIGUOUS, INFERRED, PRINTED
from gongkai.report.parse import parse_report

YEARS = {"B": 2019, "C": 2022}
SHAPES = {
    "label wrapped, figures on its first line": lambda rows: wrapped(rows),
    "label wrapped, figures on its last line": lambda rows: wrapped(rows, figures_on="last"),
    "label wrapped narrowly": lambda rows: wrapped(rows, width=6),
    "column headers split character-wise": split_headers,
    "page break with page number and repeated caption": lambda rows: page_broken(rows, 9),
    "labels first, then the figure rows": label_block,
    "each row's figures above its label": figures_first,
    "a middle row that lost its label": lambda rows: lost_label(rows, 5),
    "the first row without its label": lambda rows: lost_label(rows, 0),
    "labels wrapped around their figures, group labels in pieces": side_labels,
}
PLACED_BY_ORDER = {
    "labels first, then the figure rows",
    "each row's figures above its label",
}


def matrix(values: dict) -> dict:
    return {key: value for key, value in values.items() if key.startswith("s3.")}


def parse(code: str, lines: list[str]):
    return parse_report(report_text(code, YEARS[code], lines).encode(), "report.txt")


@pytest.mark.parametrize("code", ["B", "C"])
@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("seed", [1, 2])
def test_a_damaged_matrix_reads_back_to_every_figure(code, shape, seed):
    values = consistent_figures(code, random.Random(seed))
    report = parse(code, SHAPES[shape](printed_rows(code, values)))
    assert {key: report.cells.get(key) for key in matrix(values)} == matrix(values)
    assert not [f for f in report.findings if f.rule in ("P-2", "P-9")]


@pytest.mark.parametrize("shape", sorted(PLACED_BY_ORDER))
def test_figures_placed_by_the_row_order_are_marked_inferred(shape):
    values = consistent_figures("C", random.Random(3))
    report = parse("C", SHAPES[shape](printed_rows("C", values)))
    assert {report.confidence_of(key) for key in matrix(values)} == {INFERRED}


def test_figures_on_their_labels_line_are_marked_printed():
    values = consistent_figures("C", random.Random(3))
    report = parse("C", page_broken(printed_rows("C", values), 12))
    assert {report.confidence_of(key) for key in matrix(values)} == {PRINTED}
    assert report.to_dict()["confidence"]["s3.new.total"] == PRINTED


def test_a_row_printed_without_figures_amid_figures_above_labels_stays_blank():
    values = consistent_figures("C", random.Random(4))
    rows = printed_rows("C", values)
    lines = [CAPTION, *HEADER_LINES]
    for number, (label, figures) in enumerate(rows):
        if number != 7:
            lines.append(cells_text(figures))
        lines.append(label)
    report = parse("C", lines)
    missing = rows[7][0].split("  ")[-1]
    assert missing == "4.保护第三方合法权益"
    assert all(
        report.cells.get(f"s3.withheld.third_party.{c}") is None for c in ("natural", "total")
    )
    others = {k: v for k, v in matrix(values).items() if ".third_party." not in k}
    assert {key: report.cells.get(key) for key in others} == others


def test_when_the_rules_allow_several_readings_the_cells_are_blank_with_a_finding():
    """A label block whose figure rows are one short: every row with figures could be the
    one missing, and zero rows can trade places without breaking a sum."""
    values = consistent_figures("C", random.Random(5))
    for column in ("natural", "commercial", "research", "nonprofit", "legal", "other", "total"):
        values[f"s3.withheld.internal_affairs.{column}"] = 0
        values[f"s3.withheld.process_info.{column}"] = 0
        values[f"s3.withheld.enforcement_file.{column}"] = 0
    rows = printed_rows("C", values)
    lines = [CAPTION, *HEADER_LINES, *(label for label, _ in rows)]
    lines += [cells_text(figures) for n, (_, figures) in enumerate(rows) if n != 9]
    report = parse("C", lines)
    ambiguous = [key for key in report.cells if report.confidence_of(key) == AMBIGUOUS]
    assert ambiguous and all(report.cells[key] is None for key in ambiguous)
    assert any(f.rule == "P-9" and set(ambiguous) <= set(f.cells) for f in report.findings)
    wrong = {k: v for k, v in report.cells.items() if v is not None and v != values.get(k)}
    assert wrong == {}


@pytest.mark.parametrize("seed", range(18))
def test_dropped_figure_rows_never_turn_into_wrong_figures(seed):
    rng = random.Random(seed)
    code = rng.choice("BC")
    values = consistent_figures(code, rng)
    rows = printed_rows(code, values)
    dropped = set(rng.sample(range(len(rows)), rng.choice((1, 2))))
    if seed % 3 == 0:
        dropped.add(0)  # no figures above the first label: both readings fit the layout
    shown = [(label, [] if n in dropped else [cells_text(f)]) for n, (label, f) in enumerate(rows)]
    lines = [CAPTION, *HEADER_LINES]
    if rng.random() < 0.5:  # labels first, then the figure rows
        lines += [label for label, _ in shown] + [line for _, figures in shown for line in figures]
    else:  # each row's figures above its label
        lines += [line for label, figures in shown for line in (*figures, label)]
    report = parse(code, lines)
    wrong = {k: v for k, v in report.cells.items() if v is not None and v != values.get(k)}
    assert wrong == {}


@pytest.mark.parametrize("code", ["B", "C"])
@pytest.mark.parametrize("shape", ["plain", "annotated", "one-row tables", "figures above"])
def test_section_two_reads_back_to_every_figure(code, shape):
    values = consistent_figures(code, random.Random(6))
    values[next(k for k in values if k.startswith("s2.regulations."))] = 12
    report = parse(code, documents(code, values, shape))
    printed = {key: value for key, value in values.items() if key.startswith("s2.")}
    assert {key: report.cells.get(key) for key in printed} == printed


def test_an_annotated_cell_is_its_leading_figure_and_the_note_is_no_figure():
    lines = [
        "第二十条第（一）项",
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "规章 | 12（其中修订5件） | 40（含自然失效17件） | 100",
    ]
    report = parse("C", lines)
    assert [report.cells[f"s2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [
        12,
        40,
        100,
    ]


def test_a_blank_cell_in_column_laid_out_text_is_placed_by_its_column():
    values = consistent_figures("C", random.Random(8))
    for key in ("s3.withheld.third_party.legal", "s3.declined.duplicate.natural"):
        values[key] = None  # printed blank: only spaces in the extracted text
    report = parse("C", aligned_matrix(printed_rows("C", values)))
    assert {key: report.cells.get(key) for key in matrix(values)} == matrix(values)
    assert report.confidence_of("s3.withheld.third_party.natural") == INFERRED
    assert report.confidence_of("s3.new.natural") == PRINTED
    assert not [f for f in report.findings if f.rule == "P-2"]


def test_a_blank_in_section_four_is_placed_by_the_gap_it_leaves():
    values = consistent_figures("C", random.Random(9))
    values["s4.review.pending"] = None
    values["s4.review.total"] = sum(
        values[f"s4.review.{o}"] for o in ("upheld", "corrected", "other")
    )
    run = [values[f"s4.{g}.{o}"] for g in APPEAL_GROUPS for o in (*OUTCOMES, "total")]
    lines = [*appeals_lines(values)[:4], aligned("", run, at=0, step=6)]
    report = parse("C", lines)
    appeals = {k: v for k, v in values.items() if k.startswith("s4.")}
    assert {key: report.cells.get(key) for key in appeals} == appeals


def test_figures_that_do_not_stand_in_columns_stay_blank():
    values = consistent_figures("C", random.Random(10))
    rows = printed_rows("C", values)
    label, figures = rows[6]
    rows[6] = (label, figures[:3] + figures[4:])  # one figure gone, single spaces: no columns
    lines = [f"{label} {' '.join(map(str, figures))}" for label, figures in rows]
    report = parse("C", [CAPTION, *HEADER_LINES, *lines])
    stability = [
        report.cells.get(f"s3.withheld.security_stability.{c}") for c in ("natural", "total")
    ]
    assert stability == [None, None]


def test_a_page_cut_off_within_the_matrix_keeps_the_figures_it_shows():
    """One cell a line, blank cells as empty cells, and the page ends after （一）: the rows
    before the cut read as printed, the rows after it are not there."""
    values = consistent_figures("C", random.Random(13))
    lines = [CAPTION, *HEADER_LINES]
    for label, figures in printed_rows("C", values)[:3]:
        lines += [f"{label} |", *(f"{value} |" if value else "|" for value in figures), "||"]
    lines += ["（二）部分公开（区分处理的，只计这一情形，不计其他情形） |", "（三）不予公开 |"]
    text = "\n".join([f"某某镇人民政府{2022}年政府信息公开工作年度报告", *lines])
    report = parse_report(text.encode(), "cut.txt")
    for row in ("new", "carried", "granted"):
        for column in ("natural", "total"):
            printed = values[f"s3.{row}.{column}"] or None
            assert report.cells.get(f"s3.{row}.{column}") == printed
    assert report.cells.get("s3.partial.total") is None


APPEALS_CAPTION = "政府信息公开行政复议、行政诉讼情况"


def appeals_run(values: dict) -> list:
    return [values[f"s4.{g}.{o}"] for g in APPEAL_GROUPS for o in (*OUTCOMES, "total")]


def overprinted(caption: str, run: list, cells: bool) -> str:
    """A caption drawn over a row of figures, as extractors give it: the caption's characters
    and the figures interleaved, on one line or within the grid's cells."""
    letters = iter(caption)
    parts = [f"{next(letters, '')}{next(letters, '')}{value}" for value in run]
    rest = "".join(letters)
    return " | ".join(parts) + rest if cells else " ".join(parts) + rest


@pytest.mark.parametrize("cells", [False, True], ids=["line", "grid cells"])
def test_a_caption_drawn_over_the_section_four_row_leaves_its_figures(cells):
    values = consistent_figures("C", random.Random(11))
    run = appeals_run(values)
    lines = [*appeals_lines(values)[:4], overprinted(APPEALS_CAPTION, run, cells)]
    report = parse("C", lines)
    appeals = {k: v for k, v in values.items() if k.startswith("s4.")}
    assert {key: report.cells.get(key) for key in appeals} == appeals


def test_a_label_followed_by_its_figures_or_a_sentence_with_figures_is_no_overprint():
    from gongkai.report.parse.lines import SourceLine
    from gongkai.report.parse.overprint import lift_overprints

    lines = [
        SourceLine("四、政府信息公开行政复议、行政诉讼情况 1 0 7 0 8"),  # label, then figures
        SourceLine("本年度收到申请12件，办结10件，政府信息公开行政复议2件"),  # a sentence
        SourceLine("总 1 计 2"),  # too short to be a caption
    ]
    assert lift_overprints(lines) == lines


def uneven(figures: list, gaps: list[int]) -> str:
    """Figures separated by the given numbers of spaces (a shifted layout line)."""
    line = str(figures[0])
    for value, gap in zip(figures[1:], gaps, strict=True):
        line += " " * gap + str(value)
    return line


def test_a_blank_in_section_four_on_an_uneven_line_goes_where_the_rules_and_its_gap_put_it():
    values = {f"s4.{g}.{o}": 0 for g in APPEAL_GROUPS for o in (*OUTCOMES, "total")}
    review = {"upheld": 1, "corrected": 0, "other": 7, "pending": None, "total": 8}
    direct = {"upheld": 1, "corrected": 2, "other": 7, "pending": 7, "total": 17}
    after = {"upheld": 0, "corrected": 3, "other": 2, "pending": 2, "total": 7}
    for group, row in zip(APPEAL_GROUPS, (review, direct, after), strict=True):
        values.update({f"s4.{group}.{k}": v for k, v in row.items()})
    figures = [v for v in appeals_run(values) if v is not None]
    # 14 figures: the rules allow the blank before 1, 0, 7 or 8; only before 8 is a wide gap
    gaps = [2, 1, 4, 2, 2, 14, 4, 3, 3, 3, 3, 3, 3]
    report = parse("C", [*appeals_lines(values)[:4], uneven(figures, gaps)])
    assert report.cells.get("s4.review.pending") is None
    assert [report.cells.get(f"s4.review.{k}") for k in ("upheld", "other", "total")] == [1, 7, 8]
    assert report.cells.get("s4.direct.total") == 17
    assert report.confidence_of("s4.direct.total") == INFERRED


def test_a_blank_in_section_four_that_neither_the_rules_nor_the_gaps_place_stays_blank():
    values = {f"s4.{g}.{o}": 0 for g in APPEAL_GROUPS for o in (*OUTCOMES, "total")}
    values.update({"s4.review.upheld": 1, "s4.review.other": 7, "s4.review.total": 8})
    values["s4.review.pending"] = None
    figures = [v for v in appeals_run(values) if v is not None]
    gaps = [2, 2, 2, 3, 2, 9, 2, 2, 2, 2, 2, 2, 2]  # no gap in section 复议 stands out
    report = parse("C", [*appeals_lines(values)[:4], uneven(figures, gaps)])
    assert report.cells.get("s4.review.total") is None
    assert report.confidence_of("s4.review.total") == AMBIGUOUS


def test_an_empty_grid_cell_between_a_merged_label_and_its_figures_shifts_no_figure():
    """As a real WPS export prints it: （六）其他处理 as one row (the 2019 layout) in the 2021
    table, so the solver reads the table, and 总计 a label cell over two grid columns."""
    values = consistent_figures("C", random.Random(12))
    lines = [CAPTION, *HEADER_LINES]
    for label, figures in printed_rows("C", values):
        if "其他处理" in label or label.startswith(("2.申请人逾期", "3.其他")):
            continue
        merged = label.startswith("（七）")
        lines.append(" | ".join([label, *([""] if merged else []), *map(str, figures)]))
    other = [
        sum(values[f"s3.other.{r}.{c}"] for r in ("no_correction", "no_fee", "other"))
        for c in ("natural", "commercial", "research", "nonprofit", "legal", "other", "total")
    ]
    at = next(n for n, line in enumerate(lines) if line.startswith("（七）"))
    lines.insert(at, " | ".join(["（六）其他处理", "", *map(str, other)]))
    report = parse("C", lines)
    wanted = {k: v for k, v in matrix(values).items() if not k.startswith("s3.other.")}
    assert {key: report.cells.get(key) for key in wanted} == wanted


def test_the_last_row_of_a_cut_page_one_cell_a_line_keeps_the_cells_it_shows():
    """A crawled page one cell a line that ends within （一）予以公开: the cells shown before
    the cut are that row's first columns (a row of cells on one line already did this)."""
    values = consistent_figures("C", random.Random(17))
    lines = [CAPTION, *HEADER_LINES]
    rows = printed_rows("C", values)
    for label, figures in rows[:2]:
        lines += [label, *(str(value) for value in figures)]
    label, figures = rows[2]
    lines += [label, *(str(value) for value in figures[:4])]  # the page ends here
    text = "\n".join(["某某镇人民政府2022年政府信息公开工作年度报告", *lines])
    report = parse_report(text.encode(), "cut.txt")
    columns = ("natural", "commercial", "research", "nonprofit")
    assert [report.cells.get(f"s3.granted.{c}") for c in columns] == list(figures[:4])
    assert report.cells.get("s3.granted.total") is None
    assert report.cells.get("s3.new.total") == values["s3.new.total"]
