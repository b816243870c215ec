"""Crawler text that lost every cell separator (`一、本年新收…数量310100032`), for every table
of generations B and C: a glued row is read only when its cut is proven unique — by an
enumeration written here independently of the parser — and is otherwise blank, marked
ambiguous, with a finding. Never a wrong figure."""

import random
from itertools import combinations, pairwise

import pytest
from tests.report.parse.consistent_figures import (
    APPEAL_GROUPS,
    CAPTION,
    OUTCOMES,
    consistent_figures,
    printed_rows,
    report_text,
)
from tests.report.parse.table_damage import glued

from gongkai.report.arithmetic import MATRIX_COLUMNS
from gongkai.report.formats import GENERATIONS
from gongkai.report.model import AMBIGUOUS, INFERRED
from gongkai.report.parse import parse_report
from gongkai.report.parse.glued import cuts

YEARS = {"B": 2019, "C": 2022}


def every_cut(digits: str, width: int) -> list[tuple[int, ...]]:
    """All cuts of `digits` into `width` figures with no leading zeros, by cut positions."""
    found = []
    for positions in combinations(range(1, len(digits)), width - 1):
        bounds = (0, *positions, len(digits))
        parts = [digits[a:b] for a, b in pairwise(bounds)]
        if all(len(p) <= 6 and (p == "0" or not p.startswith("0")) for p in parts):
            found.append(tuple(map(int, parts)))
    return found


def adds_up(cut: tuple[int, ...]) -> bool:
    """Each run of five (section 四) or the seven of a matrix row ends in its total."""
    size = 5 if len(cut) % 5 == 0 and len(cut) != 7 else len(cut)
    groups = [cut[n : n + size] for n in range(0, len(cut), size)]
    return all(group[-1] == sum(group[:-1]) for group in groups)


def glued_report(code: str, values: dict) -> str:
    lines = []
    for table in GENERATIONS[code].sections[1].tables:
        lines.append(table.caption)
        for row, _ in table.walk():
            lines.append(glued(row.label, [values[table.cell_key(row, c)] for c in table.columns]))
    lines.append(CAPTION)
    lines += [glued(label, figures) for label, figures in printed_rows(code, values)]
    run = [values[f"s4.{g}.{o}"] for g in APPEAL_GROUPS for o in (*OUTCOMES, "total")]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", glued("", run)]
    return report_text(code, YEARS[code], lines)


def glued_rows(code: str, values: dict) -> list[tuple[list[str], bool]]:
    """(cell keys, whether the row has a total column) of every glued row of the report."""
    rows = []
    for table in GENERATIONS[code].tables:
        if table.key == "s4":
            keys = [f"s4.{g}.{o}" for g in APPEAL_GROUPS for o in (*OUTCOMES, "total")]
            rows.append((keys, True))
            continue
        for row, _ in table.walk():
            if row.key:
                keys = [table.cell_key(row, column) for column in table.columns]
                rows.append((keys, table.key == "s3"))
    return rows


@pytest.mark.parametrize("code", ["B", "C"])
@pytest.mark.parametrize("seed", range(4))
def test_a_glued_row_is_read_only_when_its_cut_is_unique(code, seed):
    values = consistent_figures(code, random.Random(seed))
    report = parse_report(glued_report(code, values).encode(), "crawled.txt")
    for keys, totalled in glued_rows(code, values):
        truth = tuple(values[key] for key in keys)
        got = tuple(report.cells.get(key) for key in keys)
        digits = "".join(str(v) for v in truth)
        if len(keys) == 1 or not digits.isdigit():
            continue  # one cell has nothing to cut; a signed change is no digit run
        candidates = [c for c in every_cut(digits, len(keys)) if not totalled or adds_up(c)]
        if None in got:
            assert all(report.confidence_of(key) == AMBIGUOUS for key in keys)
            assert len(candidates) > 1, f"{keys[0]}: the one cut {candidates} was not taken"
        else:
            assert got == truth
            assert {report.confidence_of(key) for key in keys} == {INFERRED}
            if len(candidates) > 1:  # the row alone allows more: the column sums decided
                assert keys[0].startswith("s3."), keys


def test_a_matrix_row_with_two_row_consistent_cuts_is_decided_by_the_column_sums():
    values = consistent_figures("C", random.Random(0))
    report = parse_report(glued_report("C", values).encode(), "crawled.txt")
    decided = [
        keys
        for keys, _ in glued_rows("C", values)
        if keys[0].startswith("s3.")
        and len([c for c in every_cut(_digits(values, keys), 7) if adds_up(c)]) > 1
        and report.cells.get(keys[0]) is not None
    ]
    assert decided, "no row needed the column sums: choose another seed"
    for keys in decided:
        assert [report.cells[key] for key in keys] == [values[key] for key in keys]


def _digits(values: dict, keys: list[str]) -> str:
    return "".join(str(values[key]) for key in keys)


def test_glued_cells_that_cannot_be_told_apart_are_blank_with_a_finding():
    """規章 3 | 1 | 12 and 31 | 1 | 2 print alike, and section 二 has no sum to choose."""
    lines = [
        "第二十条第（一）项",
        "规章3112",
        "行政规范性文件000",
        "三、收到和处理政府信息公开申请情况",
    ]
    report = parse_report(report_text("C", 2022, lines).encode(), "crawled.txt")
    assert [report.cells[f"s2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [
        None
    ] * 3
    assert report.confidence_of("s2.regulations.issued") == AMBIGUOUS
    assert any(f.rule == "P-2" and "s2.regulations.issued" in f.cells for f in report.findings)
    # 000 has one cut only: proven, taken.
    assert [report.cells[f"s2.normative.{c}"] for c in ("issued", "repealed", "in_force")] == [
        0,
        0,
        0,
    ]
    assert any(f.rule == "P-10" and "s2.normative.issued" in f.cells for f in report.findings)


def test_the_parsers_cutter_finds_exactly_the_independent_cuts():
    rng = random.Random(7)
    for _ in range(200):
        width = rng.choice((3, 5, 7))
        digits = "".join(str(rng.choice((0, 0, 1, 2, 3, 12, 40, 105))) for _ in range(width))
        assert sorted(cuts([digits], width)) == sorted(every_cut(digits, width))


def test_the_matrix_row_of_the_issue_is_cut_as_31_0_1_0_0_0_32():
    lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量310100032"]
    report = parse_report(report_text("C", 2022, lines).encode(), "crawled.txt")
    assert [report.cells[f"s3.new.{c}"] for c in MATRIX_COLUMNS] == [31, 0, 1, 0, 0, 0, 32]
    assert report.to_dict()["confidence"]["s3.new.total"] == INFERRED
