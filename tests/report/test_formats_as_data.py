"""The three formats as data: tables, rows, columns, hierarchy, units and years."""

import pytest

from gongkai.report import GENERATIONS, Kind, generation_for_year
from gongkai.report.formats import Role


@pytest.mark.parametrize(
    ("year", "code"),
    [(2008, "A"), (2016, "A"), (2018, "A"), (2019, "B"), (2020, "B"), (2021, "C"), (2030, "C")],
)
def test_each_reporting_year_has_its_generation(year, code):
    assert generation_for_year(year).code == code


def test_there_is_no_format_before_the_regulations_took_effect():
    with pytest.raises(ValueError, match="2008"):
        generation_for_year(2007)


def test_the_generations_name_the_documents_that_set_them():
    assert [GENERATIONS[g].document for g in "ABC"] == [
        "国办发〔2014〕32号",
        "国办公开办函〔2019〕60号",
        "国办公开办函〔2021〕30号",
    ]


@pytest.mark.parametrize("generation", ["B", "C"])
def test_the_application_matrix_has_seven_columns_under_a_legal_person_group(generation):
    table = GENERATIONS[generation].table("s3")
    assert [c.label for c in table.columns] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
    ]  # fmt: skip
    assert [c.group for c in table.columns].count("法人或其他组织") == 5
    assert "第一项加第二项之和，等于第三项加第四项之和" in table.note


@pytest.mark.parametrize("generation", ["B", "C"])
def test_the_refusal_groups_are_labels_without_a_subtotal(generation):
    table = GENERATIONS[generation].table("s3")
    groups = [row for row, _ in table.walk() if row.role is Role.GROUP]
    assert [g.label for g in groups][:3] == ["（三）不予公开", "（四）无法提供", "（五）不予处理"]
    assert all(g.key is None for g in groups)
    assert [len(g.children) for g in groups][:3] == [8, 3, 5]


def test_other_handling_is_one_row_in_b_and_three_sub_rows_in_c():
    b_rows = {row.key for row, _ in GENERATIONS["B"].table("s3").walk()}
    c_rows = {row.key for row, _ in GENERATIONS["C"].table("s3").walk()}
    assert "other" in b_rows
    assert {"other.no_correction", "other.no_fee", "other.other"} <= c_rows
    assert "other" not in c_rows


def test_the_appeals_table_is_fifteen_cells_in_printed_order():
    cells = [spec.key for spec in GENERATIONS["B"].table("s4").cells("B")]
    assert len(cells) == 15
    assert cells[:5] == [
        f"s4.review.{o}" for o in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert cells[5] == "s4.direct.upheld"
    assert cells[10] == "s4.after_review.upheld"


def test_section_two_changes_between_b_and_c():
    b, c = GENERATIONS["B"].cells, GENERATIONS["C"].cells
    assert b["s2.licensing.change"].kind is Kind.SIGNED_INT
    assert b["s2.procurement.amount"].kind is Kind.DECIMAL
    assert c["s2.fees.amount"].unit == "万元"
    assert "s2.procurement.amount" not in c
    assert c["s2.normative.in_force"].row.label == "行政规范性文件"
    assert b["s2.normative.made"].row.label == "规范性文件"


def test_the_b_and_c_reports_have_six_sections():
    for code in "BC":
        assert [s.heading for s in GENERATIONS[code].sections] == [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]


def test_generation_a_marks_its_other_of_which_rows_and_headings():
    cells = GENERATIONS["A"].cells
    assert cells["proactive.normative_published"].row.sub_item
    assert cells["requests.answered.refused.privacy"].row.sub_item
    assert not cells["requests.closed.on_time"].row.sub_item
    assert cells["proactive.channels"].is_heading
    assert not cells["proactive.total"].is_heading


def test_generation_a_tags_the_rows_only_local_variants_print():
    cells = GENERATIONS["A"].cells
    assert cells["archives.total"].row.variants == ("shandong_2018",)
    assert cells["org.rules_total"].row.variants == ("heilongjiang_2016",)
    assert cells["requests.received"].row.variants == ()
    assert set(GENERATIONS["A"].variants) == {"shandong_2018", "heilongjiang_2016", "ningxia_2016"}


def test_generation_a_rows_carry_their_own_units():
    cells = GENERATIONS["A"].cells
    assert cells["meetings.trainees"].unit == "人次"
    assert cells["org.budget"].unit == "万元"
    assert cells["org.budget"].kind is Kind.DECIMAL
    assert cells["response.interpretations"].unit == "篇"
