"""The layout engine: which header cells span what, which rows print, how figures print."""

from decimal import Decimal

from gongkai.report import Report
from gongkai.report.render.layout import Grid, GridCell, Part, format_value, table_grid


def cell(grid: Grid, text: str) -> GridCell:
    return next(c for c in grid.cells if c.text == text)


def matrix(report: Report) -> Grid:
    grid = table_grid(report.format.table("s3"), report)
    assert grid is not None
    return grid


def test_the_applicant_header_spans_the_seven_columns_over_three_header_rows(county_office_2020):
    grid = matrix(county_office_2020)
    assert grid.header_rows == 3
    banner = cell(grid, "申请人情况")
    assert (banner.row, banner.column, banner.colspan) == (0, 3, 7)
    legal = cell(grid, "法人或其他组织")
    assert (legal.row, legal.colspan, legal.part) == (1, 5, Part.COLUMN_GROUP)
    assert (cell(grid, "自然人").rowspan, cell(grid, "总计").rowspan) == (2, 2)
    assert cell(grid, "商业企业").row == 2


def test_the_consistency_note_fills_the_corner_of_the_matrix(county_office_2020):
    note = next(c for c in matrix(county_office_2020).cells if c.part is Part.NOTE)
    assert "第一项加第二项之和，等于第三项加第四项之和" in note.text
    assert (note.row, note.column, note.rowspan, note.colspan) == (0, 0, 3, 3)


def test_group_labels_span_their_numbered_sub_rows(environment_bureau_2022):
    grid = matrix(environment_bureau_2022)
    assert cell(grid, "（三）不予公开").rowspan == 8
    assert cell(grid, "（四）无法提供").rowspan == 3
    assert cell(grid, "（六）其他处理").rowspan == 3  # generation C splits （六）
    results = cell(grid, "三、本年度办理结果")
    assert results.rowspan == 2 + 8 + 3 + 5 + 3 + 1


def test_rows_without_sub_rows_widen_across_the_label_columns(county_office_2020):
    grid = matrix(county_office_2020)
    assert cell(grid, "一、本年新收政府信息公开申请数量").colspan == 3
    assert cell(grid, "（一）予以公开").colspan == 2
    assert cell(grid, "（六）其他处理").colspan == 2  # generation B: one data row
    assert cell(grid, "1.属于国家秘密").colspan == 1


def test_each_matrix_figure_sits_under_its_column(environment_bureau_2022):
    grid = matrix(environment_bureau_2022)
    by_key = {c.key: c for c in grid.value_cells}
    natural, total = by_key["s3.granted.natural"], by_key["s3.granted.total"]
    assert natural.row == total.row == cell(grid, "（一）予以公开").row
    assert (natural.column, total.column) == (3, 9)
    assert natural.text == str(environment_bureau_2022.cells["s3.granted.natural"])


def test_the_appeals_table_prints_its_rows_as_column_headers(environment_bureau_2022):
    grid = table_grid(environment_bureau_2022.format.table("s4"), environment_bureau_2022)
    assert grid is not None and grid.width == 15 and grid.header_rows == 3
    review, litigation = cell(grid, "行政复议"), cell(grid, "行政诉讼")
    assert (review.colspan, review.rowspan, litigation.colspan) == (5, 2, 10)
    assert (cell(grid, "未经复议直接起诉").colspan, cell(grid, "复议后起诉").column) == (5, 10)
    values = sorted(grid.value_cells, key=lambda c: c.column)
    assert [c.key for c in values[:2]] == ["s4.review.upheld", "s4.review.corrected"]
    assert values[-1].key == "s4.after_review.total" and {c.row for c in values} == {3}


def test_a_row_the_report_does_not_have_is_not_printed(environment_bureau_2022):
    for key in [k for k in environment_bureau_2022.cells if k.startswith("s3.other.no_fee.")]:
        del environment_bureau_2022.cells[key]
    grid = matrix(environment_bureau_2022)
    assert not any(c.text.startswith("2.申请人逾期未按收费通知") for c in grid.cells)
    assert cell(grid, "（六）其他处理").rowspan == 2


def test_a_table_the_report_does_not_have_is_left_out(county_office_2020):
    report = county_office_2020
    report.cells = {k: v for k, v in report.cells.items() if not k.startswith("s2.procurement")}
    assert table_grid(report.format.table("s2.procurement"), report) is None


def test_a_blank_cell_prints_empty_and_a_zero_prints_zero(county_office_2020):
    county_office_2020.cells["s3.new.research"] = None
    by_key = {c.key: c for c in matrix(county_office_2020).value_cells}
    assert by_key["s3.new.research"].text == ""
    assert by_key["s3.new.legal"].text == "0"


def test_amounts_keep_the_decimals_they_were_given():
    assert format_value(Decimal("26.0480")) == "26.0480"
    assert format_value(Decimal("0.0")) == "0.0"
    assert format_value(Decimal("1E+1")) == "10"
    assert format_value(None) == ""
    assert format_value(-2) == "-2"


def test_an_amount_column_without_a_unit_in_its_header_prints_the_unit(seed_002):
    grid = table_grid(seed_002.format.table("s2.procurement"), seed_002)
    assert grid is not None
    assert {c.key: c.text for c in grid.value_cells}["s2.procurement.amount"] == "26.048万元"
