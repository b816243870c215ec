"""A report printed with the other 2019+ format's tables than its year's (crossformat.py): the
year keeps its format, the conflict is a P-7 finding, and only the cells whose keys both
formats share (处理决定数量 = 本年处理决定数量, sections 三 and 四) are taken from the other
format's reading."""

from gongkai.report.parse import parse_lines
from gongkai.report.parse.crossformat import other_format, shared_cells
from gongkai.report.parse.lines import SourceLine

B_SECTION_TWO = [
    "第二十条第（一）项 | | | |",
    "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
    "规章 | 0 | 0 | 0 |",
    "规范性文件 | 3 | 2 | 9 |",
    "第二十条第（五）项 | | | |",
    "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
    "行政许可 | 61 | 36 | 97 |",
    "其他对外管理服务事项 | 0 | 0 | 0 |",
    "第二十条第（六）项 | | | |",
    "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
    "行政处罚 | 4 | 1 | 12 |",
    "行政强制 | 0 | 0 | 0 |",
    "第二十条第（八）项 | | | |",
    "信息内容 | 上一年项目数量 | 本年增/减 | |",
    "行政事业性收费 | 5 | -1 | |",
]


def parse(title: str, body: list[str]):
    texts = [title, "二、主动公开政府信息情况", *body]
    return parse_lines([SourceLine(t, {"line": n}) for n, t in enumerate(texts, 1)])


def test_a_2022_report_with_the_2019_tables_keeps_generation_c_and_takes_the_decisions():
    report = parse("青山县林业局2022年政府信息公开工作年度报告", B_SECTION_TWO)
    assert (report.generation, report.year) == ("C", 2022)
    cells = report.cells
    decisions = [cells.get(f"s2.{row}.decisions") for row in ("licensing", "penalty", "coercion")]
    assert decisions == [97, 12, 0]
    assert cells.get("s2.fees.amount") is None  # 上一年项目数量 | 本年增/减 is no amount
    # 本年新制作数量 | 本年新公开数量 | 对外公开总数量 are not 本年制发 | 本年废止 | 现行有效
    assert [cells.get(f"s2.normative.{c}") for c in ("issued", "repealed", "in_force")] == [
        None
    ] * 3
    blanked = {c for f in report.findings if f.rule == "P-11" for c in f.cells}
    assert {"s2.normative.repealed", "s2.fees.amount"} <= blanked
    assert report.confidence["s2.normative.repealed"] == "ambiguous"
    assert any(f.rule == "P-7" for f in report.findings)
    assert not any(f.rule == "P-2" and "s2.licensing.decisions" in f.cells for f in report.findings)


def test_the_other_format_is_consulted_only_between_b_and_c_when_its_words_outnumber():
    assert other_format("C", {"A": 0, "BC": 9, "B": 4, "C": 1}) == "B"
    assert other_format("C", {"A": 0, "BC": 9, "B": 1, "C": 4}) is None
    assert other_format("A", {"A": 0, "BC": 9, "B": 4, "C": 1}) is None
    shared = shared_cells("C", "B")
    assert "s2.licensing.decisions" in shared and "s3.new.total" in shared
    assert not {"s2.regulations.issued", "s2.fees.amount", "s2.regulations.made"} & shared


def test_a_2020_report_with_its_own_tables_is_read_as_before():
    report = parse("青山县林业局2020年政府信息公开工作年度报告", B_SECTION_TWO)
    assert report.generation == "B"
    assert report.cells["s2.licensing.prev_items"] == 61
    assert report.cells["s2.normative.public_total"] == 9
    assert not any(f.rule == "P-7" for f in report.findings)
