"""report.compiler places counted applications in section 三 and adds the totals itself."""

from decimal import Decimal

import pytest

from gongkai.report import GENERATIONS, RuleStatus, run_rulebook
from gongkai.report.compiler import ApplicationCounts, assemble, outcome_row, section_three_cells

# Seven applications of 2024 by hand: three received in the year by natural persons, one by a
# business; two carried from 2023 (a law firm's and a person's). Answered in the year: a
# grant, a 部分公开 and an abandoned 补正; open at the year's end: three.
COUNTS = ApplicationCounts(
    {
        ("new", "natural"): 3,
        ("new", "commercial"): 1,
        ("carried", "legal"): 1,
        ("carried", "natural"): 1,
        ("granted", "natural"): 1,
        ("partial", "legal"): 1,
        ("other.no_correction", "natural"): 1,
        ("carry_forward", "natural"): 2,
        ("carry_forward", "commercial"): 1,
    }
)


def test_windows_and_results_land_in_their_cells():
    cells = section_three_cells("C", COUNTS)
    assert cells["s3.new.natural"] == 3
    assert cells["s3.new.commercial"] == 1
    assert cells["s3.new.total"] == 4
    assert cells["s3.carried.total"] == 2
    assert cells["s3.granted.natural"] == 1
    assert cells["s3.partial.legal"] == 1
    assert cells["s3.other.no_correction.natural"] == 1
    assert cells["s3.carry_forward.total"] == 3


def test_the_total_row_adds_the_result_rows_and_the_total_column_adds_the_kinds():
    cells = section_three_cells("C", COUNTS)
    assert cells["s3.total.natural"] == 2  # granted + abandoned
    assert cells["s3.total.legal"] == 1
    assert cells["s3.total.total"] == 3
    assert cells["s3.withheld.state_secret.total"] == 0


def test_every_cell_of_the_matrix_is_filled_and_nothing_else():
    cells = section_three_cells("C", COUNTS)
    matrix = {key for key in GENERATIONS["C"].cells if key.startswith("s3.")}
    assert set(cells) == matrix


def test_generation_b_counts_every_other_outcome_in_its_one_other_row():
    counts = ApplicationCounts({("other.no_fee", "natural"): 2, ("other.other", "research"): 1})
    cells = section_three_cells("B", counts)
    assert cells["s3.other.natural"] == 2
    assert cells["s3.other.research"] == 1
    assert cells["s3.other.total"] == 3
    assert cells["s3.total.total"] == 3


def test_an_outcome_finds_its_row_in_either_generation():
    assert outcome_row("withheld.third_party", "C") == "withheld.third_party"
    assert outcome_row("other.no_fee", "C") == "other.no_fee"
    assert outcome_row("other.no_fee", "B") == "other"
    with pytest.raises(KeyError):
        outcome_row("refused.everything", "C")


def test_a_report_assembled_from_the_counts_passes_the_matrix_rules():
    cells = section_three_cells("C", COUNTS)
    report = assemble("C", 2024, "青山县财政局", cells)
    result = run_rulebook(report)
    for rule in ("B3-1", "B3-2", "B3-3"):
        assert result.result(rule).status is RuleStatus.PASSED, rule


def test_assembling_leaves_what_nobody_counted_blank_and_types_amounts():
    report = assemble("C", 2024, "青山县财政局", {"s2.fees.amount": 2, "s4.review.total": 0})
    assert report.value("s2.fees.amount") == Decimal(2)
    assert isinstance(report.value("s2.fees.amount"), Decimal)
    assert report.value("s4.review.total") == 0
    assert report.is_blank("s2.licensing.decisions")
    assert set(report.cells) == set(GENERATIONS["C"].cells)


def test_assembling_refuses_a_key_of_another_generation():
    with pytest.raises(KeyError, match=r"s2\.procurement\.items"):
        assemble("C", 2024, "青山县财政局", {"s2.procurement.items": 1})
