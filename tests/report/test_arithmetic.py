"""Totals that respect blanks, the application matrix by row and column, 元 → 万元."""

from decimal import Decimal

import pytest

from gongkai.report import matrix_column, matrix_row, to_wan, total, yuan_to_wan
from gongkai.report.arithmetic import applicant_sum, result_rows, results_sum


def test_yuan_become_wan_exactly():
    assert yuan_to_wan(251000) == Decimal("25.1")
    assert yuan_to_wan(Decimal("2604.80")) == Decimal("0.260480")


def test_amounts_in_wan_stay_as_they_are_and_other_units_are_refused():
    assert to_wan(Decimal("26.0480"), "万元") == Decimal("26.0480")
    assert to_wan(251000, "元") == Decimal("25.1")
    with pytest.raises(ValueError, match="件"):
        to_wan(3, "件")


def test_a_total_over_a_blank_or_absent_cell_is_unknown(environment_bureau_2022):
    keys = ["s3.new.natural", "s3.new.commercial"]
    assert total(environment_bureau_2022, keys) == 11
    environment_bureau_2022.cells["s3.new.commercial"] = None
    assert total(environment_bureau_2022, keys) is None
    assert total(environment_bureau_2022, ["s3.new.natural", "no.such.cell"]) is None


def test_a_matrix_row_is_read_by_column(environment_bureau_2022):
    row = matrix_row(environment_bureau_2022, "granted")
    assert row == {
        "natural": 4, "commercial": 2, "research": 0, "nonprofit": 0, "legal": 0, "other": 0,
        "total": 6,
    }  # fmt: skip
    assert applicant_sum(environment_bureau_2022, "granted") == 6


def test_a_matrix_column_is_read_by_row(environment_bureau_2022):
    column = matrix_column(environment_bureau_2022, "natural")
    assert list(column)[:3] == ["new", "carried", "granted"]
    assert column["other.no_fee"] == 1
    assert len(column) == 25
    assert results_sum(environment_bureau_2022, "natural") == column["total"] == 7


def test_the_result_rows_follow_the_generation():
    assert "other" in result_rows("B")
    assert result_rows("C")[-3:] == ("other.no_correction", "other.no_fee", "other.other")
    assert len(result_rows("B")) == 19 and len(result_rows("C")) == 21
