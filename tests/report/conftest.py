"""Named agencies' reports for the rulebook tests.

Each fixture is a complete, consistent report: every rule it can be checked against passes,
so a test breaks exactly one figure and expects exactly one rule to notice. The 青山县 agencies
are invented; their figures are small enough to add up by eye.
"""

from collections.abc import Mapping
from decimal import Decimal

import pytest

from gongkai.report import GENERATIONS, Report
from gongkai.report.arithmetic import MATRIX_COLUMNS, result_rows

APPLICANTS = MATRIX_COLUMNS[:-1]


def zero_cells(generation: str) -> dict[str, int]:
    """Every cell of the national format at 0; rows of local variants are left out."""
    cells = GENERATIONS[generation].cells.values()
    return {spec.key: 0 for spec in cells if not spec.row.variants}


def application_matrix(
    generation: str,
    results: Mapping[str, Mapping[str, int]],
    carried: Mapping[str, int] | None = None,
    carry_forward: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """A consistent section 三: results by applicant column, totals and 一 derived from them."""
    carried, carry_forward = carried or {}, carry_forward or {}
    cells: dict[str, int] = {}
    for column in APPLICANTS:
        for row in result_rows(generation):
            cells[f"s3.{row}.{column}"] = results.get(column, {}).get(row, 0)
        total = sum(results.get(column, {}).values())
        cells[f"s3.total.{column}"] = total
        cells[f"s3.carried.{column}"] = carried.get(column, 0)
        cells[f"s3.carry_forward.{column}"] = carry_forward.get(column, 0)
        cells[f"s3.new.{column}"] = total + carry_forward.get(column, 0) - carried.get(column, 0)
    for row in ("new", "carried", *result_rows(generation), "total", "carry_forward"):
        cells[f"s3.{row}.total"] = sum(cells[f"s3.{row}.{column}"] for column in APPLICANTS)
    return cells


def report(generation: str, year: int, agency: str, cells: Mapping[str, object]) -> Report:
    return Report(
        generation=generation, year=year, agency=agency, cells={**zero_cells(generation), **cells}
    )  # type: ignore[dict-item]


ENVIRONMENT_BUREAU = "青山县生态环境局"
COUNTY_OFFICE = "青山县人民政府办公室"
EDUCATION_BUREAU = "青山县教育局"
STONE_GATE_TOWN = "石门镇人民政府"


@pytest.fixture
def environment_bureau_2021() -> Report:
    """Generation C, 2021: 8 normative documents in force, 1 application carried forward."""
    cells = application_matrix(
        "C",
        {"natural": {"granted": 3, "unable.not_held": 1}},
        carry_forward={"natural": 1},
    )
    documents = {"s2.normative.issued": 3, "s2.normative.repealed": 1, "s2.normative.in_force": 8}
    return report("C", 2021, ENVIRONMENT_BUREAU, {**cells, **documents})


@pytest.fixture
def environment_bureau_2022() -> Report:
    """Generation C, 2022, continuing 2021: 1 carried over, 10 documents in force."""
    cells = application_matrix(
        "C",
        {
            "natural": {"granted": 4, "partial": 1, "withheld.third_party": 1, "other.no_fee": 1},
            "commercial": {"granted": 2, "declined.duplicate": 1},
            "legal": {"unable.not_held": 1},
        },
        carried={"natural": 1},
        carry_forward={"natural": 2},
    )
    return report(
        "C",
        2022,
        ENVIRONMENT_BUREAU,
        {
            **cells,
            "s2.normative.issued": 3,
            "s2.normative.repealed": 1,
            "s2.normative.in_force": 10,
            "s2.licensing.decisions": 126,
            "s2.penalty.decisions": 14,
            "s2.fees.amount": Decimal("0.26"),
            "s4.review.upheld": 1,
            "s4.review.pending": 1,
            "s4.review.total": 2,
            "s4.direct.corrected": 1,
            "s4.direct.total": 1,
        },
    )


@pytest.fixture
def county_office_2019() -> Report:
    """Generation B, 2019: 12 licensing items at the start of 2019, 3 added."""
    cells = application_matrix("B", {"natural": {"granted": 2}}, carry_forward={"natural": 1})
    items = {"s2.licensing.prev_items": 12, "s2.licensing.change": 3, "s2.licensing.decisions": 40}
    return report("B", 2019, COUNTY_OFFICE, {**cells, **items})


@pytest.fixture
def county_office_2020() -> Report:
    """Generation B, 2020, continuing 2019: 15 licensing items, 2 dropped this year."""
    cells = application_matrix(
        "B",
        {"natural": {"granted": 5, "other": 1}, "research": {"partial": 1}},
        carried={"natural": 1},
    )
    return report(
        "B",
        2020,
        COUNTY_OFFICE,
        {
            **cells,
            "s2.normative.made": 4,
            "s2.normative.published": 4,
            "s2.normative.public_total": 30,
            "s2.licensing.prev_items": 15,
            "s2.licensing.change": -2,
            "s2.licensing.decisions": 52,
            "s2.procurement.items": 2,
            "s2.procurement.amount": Decimal("26.048"),
        },
    )


@pytest.fixture
def education_bureau_2016() -> Report:
    """Generation A, 2016, the 2014 base table, every sum exact."""
    return report(
        "A",
        2016,
        EDUCATION_BUREAU,
        {
            "proactive.total": 120,
            "proactive.normative_published": 3,
            "proactive.normative_issued": 4,
            "proactive.channels": None,  # a heading row: blank by design
            "proactive.via_website": 110,
            "proactive.via_wechat": 30,
            "proactive.via_other": 2,
            "response.press_conferences": 4,
            "response.press_conferences_by_head": 2,
            "requests.received": 6,
            "requests.received.online": 4,
            "requests.received.letter": 2,
            "requests.closed": 6,
            "requests.closed.on_time": 5,
            "requests.closed.extended": 1,
            "requests.answered": 6,
            "requests.answered.granted": 4,
            "requests.answered.refused": 1,
            "requests.answered.refused.privacy": 1,
            "requests.answered.not_exist": 1,
            "review.total": 1,
            "review.upheld": 1,
            "org.staff": 3,
            "org.staff_full_time": 1,
            "org.staff_part_time": 2,
            "meetings.trainings": 2,
            "meetings.trainees": 40,
        },
    )


@pytest.fixture
def stone_gate_town_2022(environment_bureau_2022: Report) -> Report:
    """A township: same figures as the 2022 bureau, no 规章 (it cannot make them)."""
    environment_bureau_2022.agency = STONE_GATE_TOWN
    return environment_bureau_2022
