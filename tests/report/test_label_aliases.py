"""Printed labels from real reports find their rows despite brackets, spaces, lost numerals,
glosses and older wordings."""

import pytest

from gongkai.report import GENERATIONS
from gongkai.report.aliases import (
    UNIT_VARIANTS,
    block_labels,
    find_row,
    label_matches,
    normalise_label,
)


def test_normalising_removes_numbering_brackets_spaces_and_glosses():
    assert normalise_label("(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)") == (
        "主动公开政府信息数"
    )
    assert normalise_label("  ()政府信息公开工作专门机构数") == "政府信息公开工作专门机构数"
    assert (
        normalise_label("其中:主要负责同志参加新闻发布会次数") == "主要负责同志参加新闻发布会次数"
    )
    assert normalise_label("1.\u00a0公开项目审批") == "公开项目审批"


@pytest.mark.parametrize(
    ("generation", "table", "printed", "key"),
    [
        ("B", "s3", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "partial"),
        ("B", "s2.documents", "行政规范性文件", "normative"),
        ("C", "s2.documents", "规范性文件", "normative"),
        ("B", "s2.documents", "规章（设区的市、自治州人民政府应提供相关数据）", "regulations"),
        (
            "C",
            "s3",
            "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
            "other.no_correction",
        ),
        ("A", "complaints", "六、被举报投诉数量", "complaints.total"),
        ("A", "litigation", "1.维持具体行政行为或驳回诉讼请求数", "litigation.upheld"),
        ("A", "meetings", "(一)召开政府信息与政务公开工作会议或专题会议数", "meetings.meetings"),
        ("A", "org", "  ()政府信息公开工作专门机构数", "org.units"),
        ("A", "org", "2.专职人员数(不包括公报及网站人员数)", "org.staff_full_time"),
    ],
)
def test_a_printed_label_finds_its_row(generation, table, printed, key):
    row = find_row(printed, GENERATIONS[generation].table(table))
    assert row is not None and row.key == key


def test_the_same_label_in_two_blocks_is_told_apart_by_the_block():
    a = GENERATIONS["A"]
    assert find_row("(三)其他情形数", a.table("review")).key == "review.other"
    assert find_row("(三)其他情形数", a.table("litigation")).key == "litigation.other"


def test_an_unknown_label_finds_nothing():
    assert find_row("公开环保信息数", GENERATIONS["A"].table("proactive")) is None
    assert not label_matches("", ["规章"])


def test_block_headings_have_their_variant_wordings():
    org = GENERATIONS["A"].table("org")
    assert label_matches("九、平台、制度、机制建设和保障经费情况", block_labels(org))
    assert label_matches("一、主动公开总体情况", block_labels(GENERATIONS["A"].table("proactive")))


def test_units_seen_in_real_reports_are_listed():
    assert "元" in UNIT_VARIANTS["s2.procurement.amount"]
