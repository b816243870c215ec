"""How a printed cell is recognised: figures with units inside, blanks, stray tokens."""

from decimal import Decimal

import pytest

from gongkai.report.formats import GENERATIONS
from gongkai.report.parse.tokens import Kind, SourceLine, classify, split_spaced, tokenize
from gongkai.report.parse.values import cell_value


@pytest.mark.parametrize(
    ("printed", "number", "unit"),
    [
        ("1603条", Decimal(1603), "条"),
        ("2.6万元", Decimal("2.6"), "万元"),
        ("251000元", Decimal(251000), "元"),
        ("465人次", Decimal(465), "人次"),
        ("-8", Decimal(-8), None),
        ("\u00a00\u00a0", Decimal(0), None),
        ("１２", Decimal(12), None),
        ("1,603", Decimal(1603), None),
    ],
)
def test_a_figure_is_read_with_the_unit_printed_inside_it(printed, number, unit):
    kind, value, found_unit, _ = classify(printed)
    assert (kind, value, found_unit) == (Kind.VALUE, number, unit)


@pytest.mark.parametrize("printed", ["", " ", "/", "-", "—", "——", "无", "\u00a0", "— —"])
def test_blank_markers_are_blanks_not_zero(printed):
    assert classify(printed)[0] is Kind.BLANK


def test_a_leading_zero_token_is_read_and_marked():
    kind, value, _, leading_zero = classify("00")
    assert (kind, value, leading_zero) == (Kind.VALUE, Decimal(0), True)


@pytest.mark.parametrize("printed", ["1O", "100余条", "3(件)"])
def test_a_damaged_or_approximate_figure_is_unreadable(printed):
    assert classify(printed)[0] is Kind.UNREADABLE


def test_a_unit_cell_and_a_label_are_told_apart():
    assert classify("人次")[0] is Kind.UNIT
    assert classify("（一）收到申请数")[0] is Kind.TEXT
    assert classify("2019年1月22日")[0] is Kind.TEXT


def test_an_amount_in_yuan_is_stored_in_wan_yuan():
    spec = GENERATIONS["B"].cells["s2.procurement.amount"]
    token = tokenize([SourceLine("251000元")])[0]
    assert cell_value(token, spec) == (Decimal("25.1"), True)


def test_a_fraction_in_a_count_column_is_unreadable_not_rounded():
    spec = GENERATIONS["C"].cells["s3.new.total"]
    token = tokenize([SourceLine("2.5")])[0]
    assert cell_value(token, spec) == (None, False)


def test_a_row_of_spaced_cells_splits_into_label_and_values():
    assert split_spaced("一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5") == [
        "一、本年新收政府信息公开申请数量", "5", "0", "0", "0", "0", "0", "5",
    ]  # fmt: skip
    assert split_spaced("截至 2016 年底") == ["截至 2016 年底"]


def test_piped_rows_keep_their_blank_cells_and_markdown_rules_vanish():
    tokens = tokenize([SourceLine("| 规章 |  | 3 | 0 |"), SourceLine("|---|---|---|---|")])
    assert [token.kind for token in tokens] == [Kind.TEXT, Kind.BLANK, Kind.VALUE, Kind.VALUE]


def test_page_footers_between_rows_are_dropped():
    lines = [SourceLine(text) for text in ("规章", "第 2 页 共 5 页", "- 3 -", "7")]
    assert [token.text for token in tokenize(lines)] == ["规章", "7"]


@pytest.mark.parametrize("printed", ["未增未减", "无变化", "不变", "持平"])
def test_a_change_written_as_no_change_is_a_zero(printed):
    assert classify(printed)[:2] == (Kind.VALUE, Decimal(0))


def test_a_count_in_batches_keeps_its_unit_inside_the_cell():
    assert classify("31批次")[:3] == (Kind.VALUE, Decimal(31), "批次")
