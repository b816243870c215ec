"""report.aggregate adds up the reports of a subtree; a blank anywhere stays blank."""

from decimal import Decimal

import pytest

from gongkai.report import GENERATIONS
from gongkai.report.aggregate import AggregationError, aggregate
from gongkai.report.compiler import assemble


def department(name: str, figure: int, **cells) -> object:
    every = {key: figure for key in GENERATIONS["C"].cells}
    every["s2.fees.amount"] = Decimal("0.25") * figure
    return assemble("C", 2025, name, every | cells)


def test_each_cell_is_the_sum_of_the_inputs():
    combined = aggregate(
        [department("县财政局", 1), department("县自然资源局", 2), department("青山镇", 4)],
        "C",
        2025,
        "青山县人民政府",
    )
    assert combined.value("s3.new.natural") == 7
    assert combined.value("s4.after_review.pending") == 7
    assert combined.value("s2.fees.amount") == Decimal("1.75")
    assert combined.agency == "青山县人民政府"
    assert combined.notes == []
    assert combined.provenance["aggregated_from"] == ["县财政局", "县自然资源局", "青山镇"]


def test_a_cell_one_input_left_blank_stays_blank_and_says_whose():
    combined = aggregate(
        [department("县财政局", 1, **{"s2.licensing.decisions": None}), department("青山镇", 2)],
        "C",
        2025,
        "青山县人民政府",
    )
    assert combined.is_blank("s2.licensing.decisions")
    (note,) = combined.notes
    assert "县财政局" in note and "行政许可" in note
    assert combined.value("s2.penalty.decisions") == 3


def test_reports_of_another_year_or_generation_are_refused():
    other_year = assemble("C", 2024, "县财政局", {})
    with pytest.raises(AggregationError, match="2024年度"):
        aggregate([department("青山镇", 1), other_year], "C", 2025, "青山县人民政府")
    with pytest.raises(AggregationError):
        aggregate([], "C", 2025, "青山县人民政府")
