"""Common indicators across generations A, B and C, and the rates built on them."""

from decimal import Decimal

import pytest

from gongkai.report import GENERATIONS
from gongkai.report.indicators import (
    INDICATORS,
    MEASURE_IDS,
    RATE_BY_ID,
    RATES,
    Change,
    change,
    measure,
)

# A 2018 report in the 2014 table: 40 received, 38 answered of which 20 granted, 5 already
# public, 3 partly, 4 refused; 36 closed, 30 on time; 2 reviews, 1 corrected.
A_FIGURES = {
    "requests.received": 40,
    "requests.answered": 38,
    "requests.answered.granted": 20,
    "requests.answered.already_public": 5,
    "requests.answered.partial": 3,
    "requests.answered.refused": 4,
    "requests.closed": 36,
    "requests.closed.on_time": 30,
    "proactive.total": 1200,
    "proactive.normative_published": 7,
    "review.total": 2,
    "review.corrected": 1,
    "litigation.total": 1,
    "litigation.corrected": 0,
}


def matrix(generation: str) -> dict[str, object]:
    """A B or C report: 50 new + 4 carried; 30 granted, 6 partly, withheld 2 + 1, 5 not held,
    2 duplicates, other handling 3; 49 in all; 5 carried forward."""
    figures: dict[str, object] = {key: 0 for key in GENERATIONS[generation].cells}
    figures |= {
        "s3.new.total": 50,
        "s3.carried.total": 4,
        "s3.granted.total": 30,
        "s3.partial.total": 6,
        "s3.withheld.state_secret.total": 2,
        "s3.withheld.process_info.total": 1,
        "s3.unable.not_held.total": 5,
        "s3.declined.duplicate.total": 2,
        "s3.total.total": 49,
        "s3.carry_forward.total": 5,
        "s4.review.total": 4,
        "s4.review.corrected": 1,
        "s4.direct.total": 2,
        "s4.after_review.total": 1,
        "s4.direct.corrected": 1,
    }
    if generation == "B":
        figures |= {"s3.other.total": 3, "s2.normative.published": 9}
    else:
        figures |= {"s3.other.no_fee.total": 1, "s3.other.other.total": 2, "s2.normative.issued": 9}
    return figures


def test_every_indicator_says_for_every_generation_how_it_maps_or_why_not():
    for indicator in INDICATORS:
        assert set(indicator.sources) == {"A", "B", "C"}, indicator.id
        for code, source in indicator.sources.items():
            assert all(key in GENERATIONS[code].cells for key in source.keys), (indicator.id, code)


def test_a_generation_a_report_maps_what_its_table_has():
    values = measure("A", A_FIGURES)
    assert values["applications"].value == 40
    assert values["granted"].value == 25  # 同意公开 20 + 已主动公开 5
    assert values["partial"].value == 3
    assert values["withheld"].value == 4
    assert values["outcomes"].value == 38
    assert values["closed_on_time"].value == 30
    assert values["proactive"].value == 1200
    assert values["reviews_corrected"].value == 1


def test_a_generation_a_report_states_what_it_does_not_have():
    values = measure("A", A_FIGURES)
    for missing in ("carried", "carry_forward", "unable", "declined", "reviews_pending"):
        assert values[missing].value is None
        assert "2014 年格式（A）" in values[missing].reason
    assert values["carry_forward_rate"].value is None
    assert "结转" in values["carry_forward_rate"].reason


def test_rates_of_a_generation_a_report():
    values = measure("A", A_FIGURES)
    assert values["disclosure_rate"].value == Decimal(28) / Decimal(38)  # (25 + 3) / 38
    assert values["withheld_rate"].value == Decimal(4) / Decimal(38)
    assert values["review_correction_rate"].value == Decimal("0.5")
    assert values["on_time_rate"].value == Decimal(30) / Decimal(36)


@pytest.mark.parametrize("generation", ["B", "C"])
def test_generations_b_and_c_map_the_matrix(generation):
    values = measure(generation, matrix(generation))
    assert values["applications"].value == 50
    assert values["carried"].value == 4
    assert values["withheld"].value == 3
    assert values["unable"].value == 5
    assert values["declined"].value == 2
    assert values["other_handling"].value == 3
    assert values["lawsuits"].value == 3
    assert values["lawsuits_corrected"].value == 1
    assert values["normative_published"].value == 9
    assert values["disclosure_rate"].value == Decimal(36) / Decimal(49)
    assert values["carry_forward_rate"].value == Decimal(5) / Decimal(54)
    assert values["review_correction_rate"].value == Decimal("0.25")


@pytest.mark.parametrize("generation", ["B", "C"])
def test_generations_b_and_c_do_not_know_replies_on_time(generation):
    values = measure(generation, matrix(generation))
    assert values["on_time_rate"].value is None
    assert values["on_time_rate"].reason == "2019 年后格式（B、C）不报告按期办结数"
    assert values["proactive"].reason == "2019 年后格式（B、C）不报告主动公开信息总条数"


def test_a_zero_denominator_gives_no_rate_and_says_why():
    figures = matrix("C") | {"s4.review.total": 0, "s4.review.corrected": 0}
    value = measure("C", figures)["review_correction_rate"]
    assert value.value is None
    assert value.reason == "行政复议数为 0，无法计算"


def test_a_blank_cell_or_an_absent_row_gives_no_value():
    blank = measure("C", matrix("C") | {"s3.withheld.third_party.total": None})
    assert blank["withheld"].value is None
    assert (
        blank["withheld"].reason
        == "「三、本年度办理结果·（三）不予公开·4.保护第三方合法权益·总计」空白"
    )
    assert blank["withheld_rate"].value is None
    absent = dict(A_FIGURES)
    del absent["requests.answered"]
    assert (
        measure("A", absent)["outcomes"].reason
        == "报告中没有「三、依申请公开情况·（三）申请答复数」"
    )
    few = {key: 0 for key in matrix("C") if not key.startswith("s3.withheld")}
    assert measure("C", few)["withheld"].reason == (
        "报告中没有「三、本年度办理结果·（三）不予公开·1.属于国家秘密·总计」、"
        "「三、本年度办理结果·（三）不予公开·2.其他法律行政法规禁止公开·总计」等 8 个单元格"
    )


def test_figures_read_back_as_decimals_count_as_whole_numbers():
    figures = {key: Decimal(value).quantize(Decimal("0.0001")) for key, value in A_FIGURES.items()}
    assert measure("A", figures)["granted"].value == 25
    assert isinstance(measure("A", figures)["granted"].value, int)


def test_formulas_are_shown_with_the_labels_of_the_indicators():
    assert (
        RATE_BY_ID["disclosure_rate"].formula == "实质公开率 = (予以公开 + 部分公开) / 办理结果总计"
    )
    assert RATE_BY_ID["carry_forward_rate"].formula == (
        "结转率 = 结转下年度继续办理 / (收到申请数 + 上年结转申请数)"
    )
    assert len(MEASURE_IDS) == len(INDICATORS) + len(RATES)


def test_change_between_two_values():
    assert change(40, 50).difference == 10
    assert change(40, 50).rate == Decimal("0.25")
    assert change(40, 30).rate == Decimal("-0.25")
    from_zero = change(0, 5)
    assert from_zero.difference == 5 and from_zero.rate is None
    assert from_zero.reason == "上期为 0，无法计算变化率"
    assert change(None, 5).difference is None
    assert change(0, 0) == Change(0, None, "")
