"""Section 四 of the annual report counts the docket by one rule: a case counts in the year it
was filed, with its result as of 31 December of that year (尚未审结 if not decided by then).
The expectations below are worked out by hand."""

from datetime import date

import pytest

from gongkai.report.formats import GENERATIONS
from gongkai.web.appeals.counting import cell_condition, section_four_cells
from gongkai.web.appeals.docket import Filters, listed
from gongkai.web.appeals.models import Appeal

ZERO = {key: 0 for key in (spec.key for spec in GENERATIONS["C"].table("s4").cells("C"))}


def case(agency, number, kind, filed_on, decided_on=None, outcome="", prior=None) -> Appeal:
    """A case as the records hold it (the counting does not care how it got there)."""
    return Appeal.objects.create(agency=agency, number=number, kind=kind, filed_on=filed_on,
                                 decided_on=decided_on, outcome=outcome, prior_review=prior,
                                 appellant="王小明", body="青山县人民政府",
                                 matter="答复")  # fmt: skip


@pytest.fixture
def docket(finance, land):
    upheld = case(finance, "A", "review", date(2025, 3, 1), date(2025, 5, 1), "upheld")
    return {
        "upheld": upheld,
        # Filed on the last day, decided two days later: pending in 2025, absent from 2026.
        "year_end": case(finance, "B", "review", date(2025, 12, 31), date(2026, 1, 2), "corrected"),
        # Filed the year before: counted in 2024 (pending then), not in 2025.
        "last_year": case(finance, "C", "review", date(2024, 11, 1), date(2025, 2, 1), "other"),
        "open": case(finance, "D", "direct", date(2025, 6, 1)),
        # Decided on 31 December itself: decided in its year.
        "on_year_end": case(finance, "E", "direct", date(2025, 1, 1), date(2025, 12, 31),
                            "corrected"),
        "after": case(finance, "F", "after_review", date(2025, 7, 1), date(2025, 10, 1), "other",
                      prior=upheld),
        "elsewhere": case(land, "G", "review", date(2025, 4, 1)),
    }  # fmt: skip


def test_the_2025_report_of_finance_by_hand(finance, docket):
    expected = ZERO | {
        "s4.review.upheld": 1, "s4.review.pending": 1, "s4.review.total": 2,
        "s4.direct.corrected": 1, "s4.direct.pending": 1, "s4.direct.total": 2,
        "s4.after_review.other": 1, "s4.after_review.total": 1,
    }  # fmt: skip
    assert section_four_cells(Appeal.objects.filter(agency=finance), 2025) == expected


def test_a_case_filed_on_31_december_is_pending_that_year_and_not_counted_the_next(finance, docket):
    assert section_four_cells(Appeal.objects.filter(agency=finance), 2026) == ZERO


def test_a_case_filed_the_year_before_counts_only_in_its_own_year(finance, docket):
    expected = ZERO | {"s4.review.pending": 1, "s4.review.total": 1}
    assert section_four_cells(Appeal.objects.filter(agency=finance), 2024) == expected


def test_the_lawsuit_after_reconsideration_counts_in_its_own_row_beside_the_reconsideration(
    finance, docket
):
    cells = section_four_cells(Appeal.objects.filter(agency=finance), 2025)
    assert cells["s4.after_review.total"] == 1 and cells["s4.review.upheld"] == 1
    assert cells["s4.direct.total"] == 2  # the lawsuit after reconsideration is not "direct"


def test_every_total_equals_its_parts(finance, land, docket):
    for year in (2024, 2025, 2026):
        cells = section_four_cells(Appeal.objects.all(), year)
        for kind in ("review", "direct", "after_review"):
            parts = sum(
                cells[f"s4.{kind}.{c}"] for c in ("upheld", "corrected", "other", "pending")
            )
            assert cells[f"s4.{kind}.total"] == parts, (year, kind)


def test_the_drill_down_lists_exactly_the_cases_behind_each_figure(finance, docket):
    appeals = Appeal.objects.filter(agency=finance)
    cells = section_four_cells(appeals, 2025)
    for key, count in cells.items():
        assert appeals.filter(cell_condition(key, 2025)).count() == count, key
    pending = appeals.filter(cell_condition("s4.review.pending", 2025))
    assert list(pending) == [docket["year_end"]]


def test_all_fifteen_cells_are_one_query(finance, docket, django_assert_num_queries):
    with django_assert_num_queries(1):
        cells = section_four_cells(Appeal.objects.filter(agency=finance), 2025)
    assert set(cells) == set(ZERO) and len(cells) == 15


def test_an_unknown_cell_is_an_error(db):
    with pytest.raises(ValueError):
        cell_condition("s3.new.total", 2025)


def test_the_docket_filtered_to_a_figure_lists_the_same_cases(finance, docket):
    appeals = Appeal.objects.filter(agency=finance)
    for key in ZERO:
        _prefix, kind, column = key.split(".")
        filters = Filters(year=2025, kind=kind, outcome=column)
        listed_ids = set(listed(appeals, filters, date(2026, 12, 3)).values_list("pk", flat=True))
        counted = set(appeals.filter(cell_condition(key, 2025)).values_list("pk", flat=True))
        assert listed_ids == counted, key
