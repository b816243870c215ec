"""Values are placed by count into the table's columns; what cannot be placed stays null."""

from gongkai.report.parse import parse_lines
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.locate import label_index

TITLE = "青山县财政局2022年政府信息公开工作年度报告"
MATRIX_HEAD = "三、收到和处理政府信息公开申请情况"
APPEALS_HEAD = "四、政府信息公开行政复议、行政诉讼情况"
B_TITLE = "青山县交通运输局2020年政府信息公开工作年度报告"


def parse(*texts: str, title: str = TITLE):
    return parse_lines([SourceLine(t, {"line": n}) for n, t in enumerate((title, *texts), 1)])


def test_a_matrix_row_takes_its_seven_values_in_column_order():
    report = parse(MATRIX_HEAD, "一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 2 | 0 | 8")
    assert report.cells["s3.new.natural"] == 5
    assert report.cells["s3.new.legal"] == 2
    assert report.cells["s3.new.total"] == 8
    assert report.provenance["s3.new.total"]["cell"] == 8


def test_a_blank_cell_stays_null_and_keeps_the_columns_in_place():
    report = parse(MATRIX_HEAD, "（一）予以公开 | 3 |  | 0 | 0 | 0 | 0 | ")
    assert report.cells["s3.granted.natural"] == 3
    assert report.cells["s3.granted.commercial"] is None
    assert report.cells["s3.granted.total"] is None


def test_a_row_with_too_few_values_is_null_with_a_finding_not_guessed():
    report = parse(MATRIX_HEAD, "二、上年结转政府信息公开申请数量", "1", "2", "3")
    assert report.cells["s3.carried.natural"] is None
    assert any(f.rule == "P-2" and "s3.carried.total" in f.cells for f in report.findings)


def test_the_appeals_table_reads_a_flat_run_of_fifteen_values_by_position():
    headers = [
        "行政复议",
        "行政诉讼",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        "复议后起诉",
    ] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    values = [str(n) for n in range(1, 16)]
    report = parse(APPEALS_HEAD, *headers, *values, "\u00a0", "五、存在的主要问题及改进情况")
    assert report.cells["s4.review.upheld"] == 1
    assert report.cells["s4.direct.upheld"] == 6
    assert report.cells["s4.after_review.total"] == 15


def test_a_group_label_on_the_same_line_as_its_first_row_is_skipped():
    report = parse(MATRIX_HEAD, "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 1")
    assert report.cells["s3.withheld.state_secret.total"] == 1


def test_a_label_split_over_two_lines_still_takes_its_values():
    report = parse(
        MATRIX_HEAD,
        "（二）部分公开（区分处理的，",
        "只计这一情形，不计其他情形）",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
    )
    assert report.cells["s3.partial.natural"] == 1


def test_the_generation_c_sub_rows_of_other_handling_are_matched_loosely():
    report = parse(
        MATRIX_HEAD,
        "2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请"
        " | 0 | 0 | 0 | 0 | 0 | 0 | 2",
    )
    assert report.cells["s3.other.no_fee.total"] == 2


def test_a_stray_leading_zero_is_read_with_a_finding():
    report = parse(MATRIX_HEAD, "2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 00")
    assert report.cells["s3.declined.duplicate.total"] == 0
    assert any(f.rule == "P-3" for f in report.findings)


def test_an_unreadable_cell_is_null_with_a_finding():
    report = parse(MATRIX_HEAD, "（一）予以公开 | 3 | 1O | 0 | 0 | 0 | 0 | 4")
    assert report.cells["s3.granted.commercial"] is None
    assert any(f.rule == "P-1" and f.cells == ("s3.granted.commercial",) for f in report.findings)


def test_a_repeated_table_does_not_overwrite_the_first_figures():
    row = "一、本年新收政府信息公开申请数量 | {0} | 0 | 0 | 0 | 0 | 0 | {0}"
    report = parse(MATRIX_HEAD, row.format(4), "第 3 页", row.format(9))
    assert report.cells["s3.new.total"] == 4


def test_signed_changes_and_amounts_in_yuan_in_a_2019_report():
    report = parse(
        "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
        "行政许可 | 20 | -8 | 135",
        "信息内容 | 采购项目数量 | 采购总金额",
        "政府集中采购 | 2 | 251000元",
        title="江北区2019年政府信息公开工作年度报告",
    )
    assert report.cells["s2.licensing.change"] == -8
    assert str(report.cells["s2.procurement.amount"]) == "25.1"


def test_generation_a_takes_the_figure_after_the_unit_and_an_empty_statistics_cell():
    report = parse(
        "统 计 指 标 |",
        "单位 |",
        "统计数 |",
        "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条) |",
        "条 |",
        "|",
        "1603条 |",
        "涉及个人隐私 |",
        "件 |",
        "|",
        "|",
        title="牡丹江市2016年政府信息公开工作报告",
    )
    assert report.cells["proactive.total"] == 1603
    assert report.cells["requests.answered.refused.privacy"] is None


def test_an_unknown_row_with_a_figure_is_kept_as_an_extra_row_under_its_headings():
    report = parse(
        "统计指标 | 单位 | 统计数",
        "三、推进重点领域政府信息公开 | — | —",
        "(七)公开环保信息数 | 条 | 35",
        title="东宁市2016年政府信息公开工作报告",
    )
    assert [(e.section, e.label, e.unit, e.value) for e in report.extra] == [
        ("三、推进重点领域政府信息公开", "(七)公开环保信息数", "条", 35)
    ]


def test_repeated_labels_go_to_the_block_they_follow():
    report = parse(
        "统计指标 | 单位 | 统计数",
        "四、行政复议数量 | 件 | 3",
        "(三)其他情形数 | 件 | 1",
        "五、行政诉讼数量 | 件 | 2",
        "(三)其他情形数 | 件 | 2",
        title="临川市2015年政府信息公开工作年度报告",
    )
    assert (report.cells["review.other"], report.cells["litigation.other"]) == (1, 2)


def test_after_a_lone_pipe_a_line_opening_with_a_pipe_has_a_blank_first_cell():
    """Crawler text that ends every cell with ` |` prints a blank cell as a lone `|` line, so
    `| 25 |` after one is a blank cell and 25 (the 总计), not a markdown row's edge."""
    lone = ["一、本年新收政府信息公开申请数量 | 25 |", "|", "|", "|", "|", "| 25 |"]
    report = parse(MATRIX_HEAD, *lone)
    assert (report.cells["s3.new.natural"], report.cells["s3.new.total"]) == (25, 25)
    assert report.cells["s3.new.other"] is None
    markdown = parse(
        MATRIX_HEAD, "| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 2 | 0 | 8 |"
    )
    assert (markdown.cells["s3.new.natural"], markdown.cells["s3.new.total"]) == (5, 8)


def test_a_change_written_as_no_change_keeps_the_row_whole():
    """本年增/减 printed as words (未增未减): a cell meaning 0, so the row keeps its three cells
    and 上一年项目数量 and 处理决定数量 fall in their columns."""
    rows = ["第二十条第(五)项", "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
            "行政许可 | 4 | 未增未减 | 12", "其他对外管理服务事项 | 3 | 无变化 | 0"]  # fmt: skip
    report = parse(
        "二、主动公开政府信息情况", *rows, title="青山县民政局2020年政府信息公开工作年度报告"
    )
    assert (report.cells["s2.licensing.prev_items"], report.cells["s2.licensing.change"]) == (4, 0)
    assert report.cells["s2.licensing.decisions"] == 12
    assert report.cells["s2.other_services.prev_items"] == 3


def test_a_row_label_that_lost_its_first_character_names_its_one_row():
    """A mirror that drops characters prints 政处罚 for 行政处罚: the one four-character row
    that ends so, when figures follow."""
    rows = ["第二十条第(六)项", "信息内容 | 本年处理决定数量", "政处罚 | 22", "政强制 | 2"]
    report = parse("二、主动公开政府信息情况", *rows)
    assert (report.cells["s2.penalty.decisions"], report.cells["s2.coercion.decisions"]) == (22, 2)
    assert label_index("C").match("罚款", 0, True) is None  # two characters: too little


def test_a_short_row_whose_last_figure_sums_the_others_gives_only_its_total():
    """One cell a line with the blank cells dropped: `1`, `1` under seven columns is a 总计 of
    1 (the last figure is the sum of the ones before it) and a column nobody can tell; a lone
    `0` is a 总计 of 0; a lone `5` is left blank, as is `2`, `3`."""
    report = parse(
        MATRIX_HEAD,
        "一、本年新收政府信息公开申请数量", "1", "1",
        "二、上年结转政府信息公开申请数量", "0",
        "三、本年度办理结果", "(一)予以公开", "5",
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "2", "3",
    )  # fmt: skip
    assert (report.cells["s3.new.total"], report.confidence["s3.new.total"]) == (1, "inferred")
    assert report.cells["s3.new.natural"] is None
    assert report.cells["s3.carried.total"] == 0
    assert report.cells["s3.granted.total"] is None
    assert report.cells["s3.partial.total"] is None


def test_figures_after_their_labels_elsewhere_settle_a_table_readable_both_ways():
    """One cell a line: the 许可 row's figures could follow its label or precede the next
    label (both fit every 勾稽关系); the report prints figures after their labels in another
    table (政府集中采购 4 0.37万元), so they are 行政许可's."""
    rows = [
        "第二十条第(五)项", "上一年项目数量", "本年增/减", "处理决定数量",
        "行政许可", "6", "减3", "3", "其他对外管理服务事项",
        "第二十条第(九)项", "采购项目数量", "采购总金额", "政府集中采购", "4", "0.37万元",
    ]  # fmt: skip
    report = parse(
        "二、主动公开政府信息情况", *rows, title="青山县气象局2020年政府信息公开工作年度报告"
    )
    got = [report.cells[f"s2.licensing.{c}"] for c in ("prev_items", "change", "decisions")]
    assert got == [6, -3, 3]
    alone = parse(
        "二、主动公开政府信息情况",
        *rows[:9],
        MATRIX_HEAD,
        title="青山县气象局2020年政府信息公开工作年度报告",
    )
    assert alone.cells["s2.licensing.prev_items"] is None  # nothing else tells: left blank


def test_a_signed_change_places_a_short_row_whose_blank_cells_were_dropped():
    """One cell a line, blank cells dropped: `19`, `+4` under 上一年项目数量 | 本年增/减 |
    处理决定数量 — the sign names the change column, so 19 is last year's count and the
    decisions stay blank; `7`, `3` without a sign stays blank (P-2)."""
    rows = [
        "第二十条第(六)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
        "行政处罚", "35", "+12", "行政强制", "7", "3", "第二十条第(八)项",
    ]  # fmt: skip
    report = parse("二、主动公开政府信息情况", *rows, MATRIX_HEAD, title=B_TITLE)
    got = [report.cells[f"s2.penalty.{c}"] for c in ("prev_items", "change", "decisions")]
    assert got == [35, 12, None]
    assert report.confidence["s2.penalty.change"] == "inferred"
    assert report.cells["s2.coercion.prev_items"] is None
