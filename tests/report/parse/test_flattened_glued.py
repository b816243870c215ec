"""A crawled page whose tables lost every separator — labels glued to figures, figures to the
next label — reads as its cells where the 勾稽关系 leave one split (flattened_glued.py, glued.py);
prose that names rows and figures stays prose."""

from gongkai.report.parse import parse_lines
from gongkai.report.parse.constraints import Equation
from gongkai.report.parse.flattened_glued import glued_table_pieces
from gongkai.report.parse.glued import row_cuts
from gongkai.report.parse.lines import SourceLine

ZERO_ROW = "0000000"
WITHHELD = (
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
)


def glued_table() -> str:
    """Sections 二 to 四 of a 2022 report as a crawler's text without separators (invented
    figures: 62 requests, 60 of natural persons, 2 of a commercial firm)."""
    withheld = "".join(
        label + ("3000003" if n == 2 else ZERO_ROW) for n, label in enumerate(WITHHELD)
    )
    return (
        "全年工作有序推进。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数"
        "本年废止件数现行有效件数规章000行政规范性文件5231第二十条第（五）项信息内容"
        "本年处理决定数量行政许可1824第二十条第（六）项信息内容本年处理决定数量行政处罚96"
        "行政强制3第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0"
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项"
        "加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
        "一、本年新收政府信息公开申请数量602000062二、上年结转政府信息公开申请数量0000000"
        "三、本年度办理结果（一）予以公开300000030（二）部分公开（区分处理的，只计这一情形，"
        f"不计其他情形）122000014（三）不予公开{withheld}（四）无法提供"
        "1.本机关不掌握相关政府信息150000015"
        "2.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理"
        "1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物0000000"
        "4.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000"
        "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0000000"
        "3.其他0000000（七）总计602000062四、结转下年度继续办理0000000"
        "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
        "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果"
        "尚未审结总计201030000000000五、存在的主要问题及改进情况一是解读不够。"
    )


def parsed(text: str):
    texts = ["青山县林业局2022年政府信息公开工作年度报告", "一、总体情况", text]
    return parse_lines([SourceLine(t, {"line": n}) for n, t in enumerate(texts, 1)])


def test_a_table_without_separators_reads_as_its_cells():
    report = parsed(glued_table())
    cells = report.cells
    assert [cells[f"s2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert [cells[f"s2.{r}.decisions"] for r in ("licensing", "penalty", "coercion")] == [
        1824,
        96,
        3,
    ]
    assert [cells[f"s3.new.{c}"] for c in ("natural", "commercial", "total")] == [60, 2, 62]
    assert [cells[f"s3.granted.{c}"] for c in ("natural", "commercial", "total")] == [30, 0, 30]
    assert [cells[f"s3.partial.{c}"] for c in ("natural", "commercial", "total")] == [12, 2, 14]
    # 00000003.危及…: the 3 numbers the next label; its row reads 3 | 0 … | 3
    assert cells["s3.withheld.law_forbidden.total"] == 0
    assert cells["s3.withheld.security_stability.total"] == 3
    assert cells["s3.unable.not_held.natural"] == 15
    assert cells["s3.total.total"] == 62
    review = [cells[f"s4.review.{c}"] for c in ("upheld", "corrected", "other", "pending", "total")]
    assert review == [2, 0, 1, 0, 3]
    assert report.confidence["s3.new.natural"] == "inferred"


def test_a_glued_row_with_several_splits_stays_blank_with_a_finding():
    report = parsed(glued_table())
    # 行政规范性文件5231: 5|2|31, 5|23|1, 52|3|1 — nothing in the table chooses
    assert report.cells.get("s2.normative.issued") is None
    assert report.confidence["s2.normative.issued"] == "ambiguous"
    assert any(f.rule == "P-2" and "s2.normative.issued" in f.cells for f in report.findings)


def test_prose_naming_rows_and_figures_is_no_table():
    prose = (
        "2022年全区受理申请62件，涉及自然人60件、商业企业2件。办结62件，其中：予以公开30件，"
        "占48.39%；部分公开14件，占22.58%；不予公开3件，占4.84%；无法提供15件，占24.19%。"
    )
    assert glued_table_pieces(prose) is None


def test_the_prose_before_and_after_the_table_stays_whole():
    pieces = glued_table_pieces(glued_table())
    assert pieces is not None
    assert pieces[0] == "全年工作有序推进。"
    assert pieces[-1] == "五、存在的主要问题及改进情况一是解读不够。"
    assert "3.危及“三安全一稳定”" in pieces and "行政规范性文件" in pieces


def test_runs_kept_apart_are_glued_only_when_one_can_be_no_figure():
    keys = ["a", "b", "c"]
    assert row_cuts(["0", "10"], keys, []) is None  # a blank cell lost, not separators
    assert row_cuts(["1", "00"], keys, []) == [(1, 0, 0)]  # 00 is two cells


def test_figures_printed_apart_that_cannot_be_the_row_were_glued_too():
    keys = ["s3.x.a", "s3.x.b", "s3.x.total"]
    total = [Equation((("s3.x.a", 1), ("s3.x.b", 1), ("s3.x.total", -1)))]
    assert row_cuts(["12", "12"], keys, total) is None  # 12 | empty | 12: empty cells lost
    assert row_cuts(["50", "5"], keys, total) == [(5, 0, 5)]  # no row has parts 50 and 5


def test_a_sign_glued_inside_a_run_starts_a_change_and_nothing_else():
    keys = ["s2.fees.prev_items", "s2.fees.change"]
    assert row_cuts(["35-15"], keys, []) == [(35, -15)]
    three = ["s2.penalty.prev_items", "s2.penalty.change", "s2.penalty.decisions"]
    readings = row_cuts(["2648-18538"], three, [])
    assert readings is not None and len(readings) == 4  # -1|8538 … -1853|8: left blank
    assert all(cut[0] == 2648 and cut[1] < 0 for cut in readings)
    assert row_cuts(["-15"], keys, []) is None  # a signed figure printed alone is no glued run
