"""Agency and year come from the report's own words — the title, the first lines, the
统计期限 sentence, the signature block — and never from the web page around it; the
generation follows the year, and vocabulary that disagrees is a finding."""

import pytest

from gongkai.report.parse import parse_lines, parse_report
from gongkai.report.parse.chrome import is_chrome
from gongkai.report.parse.html_reader import html_lines
from gongkai.report.parse.lines import SourceLine


def lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(text, {"line": n}) for n, text in enumerate(texts, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "登录 注册",
        "您当前的位置：首页 > 政务公开 > 政府信息公开年报 > 2016",
        "首页 > 信息公开 > 年度报告",
        "发布日期：2017-03-02    点击数：1346",
        "来源：区人民政府办公室 发布时间：2017-01-12 10:01 字号：[大 中 小]",
        "版权所有：青山县人民政府 电话：0551-6123456 皖ICP备05001234号-1",
        "网站标识码：3411000012 皖公网安备 34110002000123号",
        "| 索引号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 |",
        "【打印本页】 【关闭窗口】",
    ],
)
def test_page_chrome_is_recognised(text):
    assert is_chrome(text)


@pytest.mark.parametrize(
    "text",
    [
        "青山县民政局2016年政府信息公开工作年度报告",
        "本年度共办理医师注册、变更、多点备案354件，医疗机构校验698件",
        "如对本报告有疑问，请与局办公室联系（地址：人民路1号；电话：0551-6123456）。",
        "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
        "青山县民政局",
        "2017年3月1日",
    ],
)
def test_report_text_is_not_chrome(text):
    assert not is_chrome(text)


def test_chrome_gives_no_year_no_agency_and_no_figure():
    report = parse_lines(
        lines(
            "登录 注册",
            "首页 > 政务公开 > 年报 > 2019",
            "发布日期：2019年03月05日 浏览次数：2018次 来源：青山县人民政府",
            "政府信息公开工作年度报告",
            "本报告中所列数据的统计期限自2015年1月1日起至2015年12月31日止。",
            "本年度主动公开政府信息61条。",
            "青山县林业局",
            "2016年2月20日",
            "版权所有：青山县人民政府 地址：人民路1号 电话：0551-6123456 ICP备05001234号",
            "网站访问量：2019128次",
        )
    )
    assert (report.year, report.generation, report.agency) == (2015, "A", "青山县林业局")
    assert report.narrative == {"proactive.total": 61}
    assert report.published_on.isoformat() == "2019-03-05"  # metadata may still date the page


def test_the_agency_comes_from_the_signature_when_the_title_names_only_the_year():
    report = parse_lines(
        lines(
            "2015年政府信息公开工作年度报告",
            "一、主动公开政府信息情况",
            "全年主动公开政府信息12条。",
            "青山县住房和城乡建设局",
            "二〇一六年三月十日",
        )
    )
    assert (report.year, report.agency) == (2015, "青山县住房和城乡建设局")


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("本报告是由青山县白沙镇人民政府编制的2013年度政府信息公开年度报告。",
         "青山县白沙镇人民政府"),
        ("现将青山县审计局2014年政府信息公开工作情况报告如下：", "青山县审计局"),
    ],
)  # fmt: skip
def test_the_agency_comes_from_the_opening_sentence_when_nothing_else_names_it(opening, agency):
    report = parse_lines(lines("政府信息公开工作年度报告", opening, "全年主动公开信息8条。"))
    assert report.agency == agency and report.year in (2013, 2014)


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("2013年壶口镇人民政府信息公开年度报告", "壶口镇人民政府"),
        ("二〇一五年度青山县财政局政府信息公开工作年度报告", "青山县财政局"),
        ("青山县统计局关于2017年度政府信息公开工作情况的报告", "青山县统计局"),
        ("# 青山县财政局2016年政府信息公开工作年度报告", "青山县财政局"),  # Markdown
        ("**青山县财政局2016年政府信息公开工作年度报告**", "青山县财政局"),
    ],
)
def test_the_agency_is_read_from_either_side_of_the_title_year(title, agency):
    assert parse_lines(lines(title, "无。")).agency == agency


def test_the_year_of_the_opening_sentence_serves_when_the_title_has_none():
    report = parse_lines(
        lines("青山县白沙乡政府信息公开工作报告", "现将我乡2014年政府信息公开工作报告公开如下。")
    )
    assert report.year == 2014


def test_an_early_report_is_generation_a_whatever_its_prose_vocabulary():
    report = parse_lines(
        lines(
            "青山县教育局2012年政府信息公开工作年度报告",
            "三、收到和处理政府信息公开申请情况",
            "本年新收政府信息公开申请数量为0，上年结转政府信息公开申请数量为0。",
            "四、政府信息公开行政复议、行政诉讼情况",
            "未发生行政复议和行政诉讼。",
        )
    )
    assert (report.year, report.generation) == (2012, "A")


def test_a_generation_c_table_in_a_2016_report_stays_a_and_gives_a_finding():
    report = parse_lines(
        lines(
            "青山县财政局2016年政府信息公开工作年度报告",
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
            "规章 | 1 | 0 | 4",
            "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
        )
    )
    assert report.generation == "A"
    assert [f.rule for f in report.findings if f.rule == "P-7"] == ["P-7"]


def test_in_the_first_year_of_a_new_format_the_old_one_may_still_be_used():
    a_table = ("统计指标 | 单位 | 统计数", "(一)收到申请数 | 件 | 3", "(二)申请办结数 | 件 | 3")
    report = parse_lines(lines("青山县水利局2019年政府信息公开工作年度报告", *a_table))
    assert (report.generation, report.cells["requests.received"]) == ("A", 3)
    assert any(f.rule == "P-7" for f in report.findings)  # still reported: 2019 calls for B


def test_a_title_wrapped_over_two_lines_still_names_the_agency():
    report = parse_lines(lines("青山县文广新局2013年度信息公开工作", "年度报告", "一、概述"))
    assert (report.year, report.agency) == (2013, "青山县文广新局")


def test_an_html_page_leaves_out_what_it_marks_as_navigation_and_footer():
    page = """<html><head><title>青山县林业局2015年政府信息公开工作年度报告</title></head><body>
    <div class="top-nav"><a>首页</a><a>2019年报</a></div><nav>政务公开 2019年</nav>
    <div class="content"><p>本年度主动公开信息12条。</p>
    <div class="share">分享 阅读 2019次</div></div>
    <div class="footer">版权所有 2019年 电话 0551-6123456</div><footer>皖ICP备05001234号</footer>
    </body></html>"""
    report = parse_report(page.encode(), "page.html")
    assert (report.year, report.agency) == (2015, "青山县林业局")
    assert report.narrative == {"proactive.total": 12}
    assert "2019" not in " ".join(line.text for line in html_lines(page))


def test_the_publication_date_is_still_read_from_the_pages_metadata_line():
    texts = ["首页 > 年报", "青山县林业局2020年政府信息公开工作年度报告", "无。"]
    texts = texts[:1] + [f"第{n}段。" for n in range(45)] + texts[1:]
    texts.insert(1, "来源：青山县林业局 发布时间：2021-01-25 11:23 字号：[大 中 小]")
    report = parse_lines(lines(*texts))
    assert report.published_on.isoformat() == "2021-01-25"


def test_a_mirror_page_with_pinyin_glosses_still_names_its_year():
    report = parse_lines(
        lines(
            "云溪街道政府信息公開工作報(bào)告",
            "本年度報(bào)告中所列數(shù)據(jù)的統(tǒng)計(jì)期限自2015年1月1日起至12月31日止。",
            "二〇一七年的工作打算：2017年2017年2017年。",
        )
    )
    assert report.year == 2015


def test_a_year_opening_a_sentence_without_its_nian_serves_when_no_other_year_is_printed():
    """`2022区文旅局主动公开政府信息1112条`: a page with no `YYYY年` anywhere; a figure such as
    1112条 or a document number 〔2021〕 is no year."""
    report = parse_lines(
        lines(
            "一、总体情况。我局严格执行〔2021〕30号文件。", "2022区文旅局主动公开政府信息1112条。"
        )
    )
    assert report.year == 2022


@pytest.mark.parametrize(
    "metadata",
    ["發佈日期：2021-01-25 點擊數：12", "发布日期：２０２１－０１－２５", "發布時間:2021年1月25日"],
)
def test_the_publication_date_is_read_on_traditional_and_full_width_pages(metadata):
    report = parse_lines(lines(metadata, "青山县林业局2020年政府信息公开工作年度报告", "无。"))
    assert report.published_on.isoformat() == "2021-01-25"
