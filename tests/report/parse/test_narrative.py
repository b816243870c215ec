"""Figures stated only in prose become `narrative` figures, and disagreements are reported."""

import pytest

from gongkai.report.parse import parse_lines
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.narrative import read_narrative


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("2016年度，受理依申请公开5件，全部按时给予答复。", {"requests.received": 5}),
        ("2018收到1条依申请公开，我单位已按时答复。", {"requests.received": 1}),
        ("本年度未收到政府信息公开申请。", {"requests.received": 0}),
        ("没有发生有关政府信息公开事项的行政复议案、行政诉讼案和各类申诉案。",
         {"review.total": 0, "litigation.total": 0}),
        ("我中心2016年度未发生针对本部门的行政复议案。", {"review.total": 0}),
        ("我中心2016年度政府信息公开未发生收费及减免情况。", {"requests.fees": 0}),
        ("截至年底，主动公开政府信息数1603条。", {"proactive.total": 1603}),
        ("主动公开各类政府信息7100余条。", {"proactive.total": 7100}),
    ],
)  # fmt: skip
def test_a_prose_sentence_gives_its_figures(sentence, figures):
    assert read_narrative([sentence], "A") == figures


def test_in_a_2021_format_report_received_requests_use_the_table_key():
    assert read_narrative(["本年度共收到政府信息公开申请12件。"], "C") == {"s3.new.total": 12}


def test_prose_that_contradicts_the_table_gives_a_finding():
    texts = ["某局2022年政府信息公开工作年度报告", "本年度共收到政府信息公开申请12件。",
             "一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5"]  # fmt: skip
    report = parse_lines([SourceLine(t, {"line": n}) for n, t in enumerate(texts, 1)])
    assert report.cells["s3.new.total"] == 5 and report.narrative["s3.new.total"] == 12
    assert any(f.rule == "P-4" and f.cells == ("s3.new.total",) for f in report.findings)
