"""The Word document, reopened with python-docx: A4, fonts, real tables, merged headers."""

import io

import docx
from docx.oxml.ns import qn

from gongkai.report.render import render


def reopen(report):
    return docx.Document(io.BytesIO(render(report, "docx")))


def table_with(document, text):
    return next(t for t in document.tables if any(text in c.text for c in t.rows[0].cells))


def spans(table, row):
    """(text, gridSpan, vMerge) of each <w:tc> of a row, merged cells as Word stores them."""
    tcs = table.rows[row]._tr.tc_lst
    return [(text_of(tc), tc.grid_span, tc.vMerge) for tc in tcs]


def text_of(tc):
    return "".join(t.text for t in tc.iter(qn("w:t")))


def test_the_page_is_a4_with_official_margins(environment_bureau_2022):
    section = reopen(environment_bureau_2022).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(margin.mm) for margin in margins] == [37, 35, 28, 26]


def test_the_title_and_body_name_chinese_fonts(environment_bureau_2022):
    document = reopen(environment_bureau_2022)
    title = document.paragraphs[0]
    # A long title breaks after the agency (a <w:br/>), as printed reports do.
    assert title.text == "青山县生态环境局\n2022年政府信息公开工作年度报告"
    assert title.style.name == "Title"
    east_asian = {
        name: document.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("Title", "Heading 1", "Normal")
    }
    assert east_asian == {"Title": "方正小标宋简体", "Heading 1": "黑体", "Normal": "仿宋_GB2312"}


def test_the_matrix_header_merges_cells_as_the_format_does(environment_bureau_2022):
    table = table_with(reopen(environment_bureau_2022), "申请人情况")
    first, second, third = spans(table, 0), spans(table, 1), spans(table, 2)
    assert first[0][1:] == (3, "restart") and first[0][0].startswith("（本列数据的勾稽关系为")
    assert first[1] == ("申请人情况", 7, None)
    assert second[1] == ("自然人", 1, "restart")
    assert second[2] == ("法人或其他组织", 5, None)
    assert second[3] == ("总计", 1, "restart")
    assert [text for text, _, merge in third if merge is None] == [
        "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
    ]  # fmt: skip
    assert third[0][2] == third[1][2] == third[-1][2] == "continue"


def test_group_labels_merge_down_their_sub_rows(environment_bureau_2022):
    table = table_with(reopen(environment_bureau_2022), "申请人情况")
    rows = [spans(table, n) for n in range(len(table.rows))]
    start = next(n for n, row in enumerate(rows) if row[1][0] == "（三）不予公开")
    assert rows[start][1][2] == "restart"
    assert all(rows[n][1][2] == "continue" for n in range(start + 1, start + 8))
    assert rows[start + 8][1][2] != "continue"


def test_the_appeals_header_merges_across_and_down(environment_bureau_2022):
    table = table_with(reopen(environment_bureau_2022), "行政复议")
    assert spans(table, 0) == [("行政复议", 5, "restart"), ("行政诉讼", 10, None)]
    assert spans(table, 1)[1:] == [("未经复议直接起诉", 5, None), ("复议后起诉", 5, None)]
    assert len(table.rows[3]._tr.tc_lst) == 15


def test_blank_cells_stay_empty_in_word(environment_bureau_2022):
    environment_bureau_2022.cells["s2.penalty.decisions"] = None
    document = reopen(environment_bureau_2022)
    table = next(t for t in document.tables if t.rows[1].cells[0].text == "行政处罚")
    by_label = {row.cells[0].text: row.cells[1].text for row in table.rows}
    assert by_label["行政处罚"] == ""
    assert by_label["行政强制"] == "0"


def test_header_rows_repeat_and_rows_do_not_split(environment_bureau_2022):
    table = table_with(reopen(environment_bureau_2022), "申请人情况")
    properties = [row._tr.trPr for row in table.rows]
    assert all(p.find(qn("w:tblHeader")) is not None for p in properties[:3])
    assert properties[3].find(qn("w:tblHeader")) is None
    assert all(p.find(qn("w:cantSplit")) is not None for p in properties)
