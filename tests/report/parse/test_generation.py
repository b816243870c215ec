"""Generation, year and agency come from the vocabulary and the title, not the year alone."""

from gongkai.report.parse import parse_lines
from gongkai.report.parse.lines import SourceLine


def lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(text, {"line": n}) for n, text in enumerate(texts, 1)]


def test_a_2021_table_vocabulary_in_a_2020_report_is_a_finding_not_a_switch():
    report = parse_lines(
        lines(
            "青山县财政局2020年政府信息公开工作年度报告",
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
            "规章 | 1 | 0 | 4",
        )
    )
    assert (report.generation, report.year) == ("B", 2020)  # the year allows only B
    conflict = [f for f in report.findings if f.rule == "P-7"]
    assert len(conflict) == 1 and "generation C" in conflict[0].message_en


def test_the_2019_vocabulary_makes_generation_b():
    report = parse_lines(
        lines(
            "江北区2019年政府信息公开工作年度报告",
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
            "规范性文件 | 2 | 2 | 9",
        )
    )
    assert report.generation == "B" and report.cells["s2.normative.public_total"] == 9


def test_the_overview_headings_of_a_2019_report_are_no_vote_for_generation_a():
    # holdout 15: a 2019 report cut before its tables; its 总体情况 prose prints the headings
    # of the new format's overview, which generation A's blocks also bear
    report = parse_lines(
        lines(
            "某省人民防空办公室2019年政府信息公开工作年度报告",
            "（一）主动公开情况",
            "门户网站信息发布120条。",
            "（二）依申请公开情况",
            "2019年，共受理信息依申请公开2件，予以公开2件。",
            "（四）平台建设情况",
        )
    )
    assert (report.generation, report.year) == ("B", 2019)
    assert report.narrative["s3.new.total"] == 2 and report.narrative["s3.granted.total"] == 2


def test_the_statistics_table_makes_generation_a():
    report = parse_lines(
        lines(
            "临川市2015年政府信息公开工作年度报告",
            "统计指标 | 单位 | 统计数",
            "(一)收到申请数 | 件 | 12",
            "(二)申请办结数 | 件 | 11",
        )
    )
    assert report.generation == "A"
    assert (report.cells["requests.received"], report.cells["requests.closed"]) == (12, 11)


def test_with_only_the_shared_tables_the_year_tells_b_from_c():
    body = (
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
    )
    assert parse_lines(lines("某局2022年政府信息公开工作年度报告", *body)).generation == "C"
    assert parse_lines(lines("某局2020年政府信息公开工作年度报告", *body)).generation == "B"


def test_the_year_may_be_written_in_chinese_numerals_and_the_agency_follows_it():
    report = parse_lines(lines("二〇二一年度青山县财政局政府信息公开工作年度报告", "无。"))
    assert report.year == 2021
    assert report.agency == "青山县财政局"


def test_a_report_without_a_year_gets_a_finding_not_an_invented_year_silently():
    report = parse_lines(lines("政府信息公开工作年度报告", "一、总体情况"))
    assert any(f.rule == "P-8" for f in report.findings)


def test_a_report_under_local_rules_before_the_regulation_keeps_its_year_and_generation_a():
    # holdout 19: a 2005 report under 上海市政府信息公开规定 (2004), with no title line
    report = parse_lines(
        lines(
            "某市人民政府某办公室",
            "2005年12月31日",
            "根据《某市政府信息公开规定》要求，2004年5月1日起我办开始开展政府信息公开工作。",
            "截至2005年底，政府信息公开工作运行正常。",
            "我办2005年全年主动公开政府信息20条。",
        )
    )
    assert (report.generation, report.year) == ("A", 2005)
    assert not [f for f in report.findings if f.rule in ("P-7", "P-8", "X-1")]


def test_a_year_before_the_regulation_named_in_passing_is_history_not_the_report_year():
    report = parse_lines(
        lines(
            "某区政府信息公开工作",
            "自2004年5月1日起本单位开始开展政府信息公开工作，2012年主动公开信息12条。",
        )
    )
    assert report.year == 2012
