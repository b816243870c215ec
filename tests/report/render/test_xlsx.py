"""The Excel workbook: one sheet per statutory table and the flat sheet supervisors collect."""

import io
from decimal import Decimal

import openpyxl

from gongkai.report.render import render


def reopen(report):
    return openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))


def test_there_is_one_sheet_per_table_then_the_flat_sheet(environment_bureau_2022):
    assert reopen(environment_bureau_2022).sheetnames == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        "数据清单",
        "报告信息",
    ]


def test_the_flat_sheet_lists_every_cell_with_key_label_value_and_unit(environment_bureau_2022):
    rows = list(reopen(environment_bureau_2022)["数据清单"].iter_rows(values_only=True))
    assert rows[0] == ("key", "label", "value", "unit")
    by_key = {row[0]: row[1:] for row in rows[1:]}
    assert set(by_key) == set(environment_bureau_2022.cells)
    assert by_key["s2.licensing.decisions"] == (
        "第二十条第（五）项 行政许可 本年处理决定数量",
        126,
        "件",
    )
    assert by_key["s3.new.commercial"][0].endswith("法人或其他组织 商业企业")


def test_blank_cells_are_empty_and_amounts_keep_their_places(environment_bureau_2022):
    environment_bureau_2022.cells["s4.review.other"] = None
    environment_bureau_2022.cells["s2.fees.amount"] = Decimal("0.2600")
    sheet = reopen(environment_bureau_2022)["数据清单"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows["s4.review.other"][2].value is None
    assert rows["s2.fees.amount"][2].value == 0.26
    assert rows["s2.fees.amount"][2].number_format == "0.0000"


def test_table_sheets_merge_the_header_cells(environment_bureau_2022):
    sheet = reopen(environment_bureau_2022)["收到和处理政府信息公开申请情况"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["D3"].value == "申请人情况" and "D3:J3" in merged
    assert sheet["E4"].value == "法人或其他组织" and "E4:I4" in merged
    assert sheet["A3"].value.startswith("（本列数据的勾稽关系为") and "A3:C5" in merged
    assert sheet["D6"].value == environment_bureau_2022.cells["s3.new.natural"]


def test_generation_a_is_one_statistics_sheet_with_numbers(education_bureau_2016):
    workbook = reopen(education_bureau_2016)
    assert workbook.sheetnames[0] == "政府信息公开情况统计表"
    rows = {r[0]: r[1:] for r in workbook.worksheets[0].iter_rows(min_row=3, values_only=True)}
    assert rows["统计指标"] == ("单位", "统计数")
    assert rows["（一）收到申请数"] == ("件", 6)
    assert rows["（二）通过不同渠道和方式公开政府信息的情况"] == ("条", None)
