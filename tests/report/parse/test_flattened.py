"""A crawled page whose tables were flattened into one paragraph, cells separated by spaces,
reads as the table it is (flattened.py); sentences with spaced digits stay sentences."""

from gongkai.report.parse import parse_lines
from gongkai.report.parse.flattened import flattened_pieces, unflatten
from gongkai.report.parse.lines import SourceLine

FLAT = (
    "二、主动公开政府信息情况 第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 "
    "规 章 0 0 0 行政规范性文件 2 1 9 第二十条第(五)项 信息内容 本年处理决定数量 行政许可 37 "
    "第二十条第(六)项 信息内容 本年处理决定数量 行政处罚 8 行政强制 0 第二十条第(八)项 信息内容 "
    "本年收费金额(单位:万元) 行政事业性收费 0 三、收到和处理政府信息公开申请情况 "
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况 自然人 "
    "法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 法律服务机构 其他 "
    "一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"
)


def test_a_table_flattened_into_one_paragraph_reads_as_its_cells():
    texts = ["青山县林业局2023年政府信息公开工作年度报告", "一、总体情况", FLAT]
    report = parse_lines([SourceLine(t, {"line": n}) for n, t in enumerate(texts, 1)])
    cells = report.cells
    normative = [cells.get(f"s2.normative.{c}") for c in ("issued", "repealed", "in_force")]
    assert normative == [2, 1, 9]
    assert [cells.get(f"s2.{r}.decisions") for r in ("licensing", "penalty")] == [37, 8]
    assert (cells.get("s3.new.natural"), cells.get("s3.new.total")) == (3, 4)
    assert cells.get("s3.carried.total") == 0


def test_the_pieces_keep_the_lines_provenance_and_other_lines_pass_unchanged():
    other = SourceLine("一、总体情况", {"line": 1})
    out = unflatten([other, SourceLine(FLAT, {"line": 2})])
    assert out[0] is other and len(out) > 60
    assert {line.where["line"] for line in out[1:]} == {2}


def test_sentences_with_spaced_digits_are_not_tables():
    dates = (
        "本报告中所列数据的统计期限自 2019 年 1 月 1 日起至 2019 年 12 月 31 日止。"
        "如对本报告有任何疑问，请与本局办公室联系，电话 0571 1234 5678。"
    )
    prose = (
        "全年主动公开信息 46 条，其中网站 25 条、微信 12 条、微博 9 条，收到申请 3 件，办结 3 件。"
    )
    assert flattened_pieces(dates) is None
    assert flattened_pieces(prose) is None
