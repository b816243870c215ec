"""The rows of the charts, worked out by hand from chart_world.py's table (on SQLite and on
PostgreSQL): trends, the distribution of outcomes, rankings of peers, the heat map of rule
failures; of each agency and year only the report imported last counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.web.chart_world import NINGAN, SHIMEN, chart_world

from gongkai.report.indicators import A_NO_MATRIX, BC_NO_ON_TIME
from gongkai.web.intelligence import chart_data
from gongkai.web.intelligence.selection import Selection

FINANCE, EDUCATION, SHIMEN_FINANCE = (
    "江西省宁安县财政局",
    "江西省宁安县教育局",
    "江西省石门县财政局",
)


@pytest.fixture
def world(db):
    return chart_world()


def test_an_agencys_applications_over_the_years(world):
    found = chart_data.trend(Selection(agency=FINANCE), "applications")
    assert found.rows == [(2016, 1, 6, ""), (2020, 1, 10, ""), (2021, 1, 20, "")]
    assert found.columns[2] == "收到申请数（件）"


def test_a_regions_disclosure_rate_is_the_rate_of_its_sums(world):
    found = chart_data.trend(Selection(region=NINGAN), "disclosure_rate")
    # 2016 (A): (2 + 1 + 1) / 6; 2021: (10 + 5 + 1 + 1) / (20 + 5) — the stale copy left out
    assert found.rows == [
        (2016, 1, Decimal("66.67"), ""),
        (2020, 1, Decimal("60.00"), ""),
        (2021, 2, Decimal("68.00"), ""),
    ]
    assert "实质公开率" in found.note and "办理结果总计" in found.note


def test_a_trend_says_why_a_generation_has_no_value(world):
    found = chart_data.trend(Selection(agency=FINANCE), "unable")
    assert found.rows == [(2016, 1, None, A_NO_MATRIX), (2020, 1, 1, ""), (2021, 1, 1, "")]


def test_the_outcomes_of_a_region_in_a_year(world):
    found = chart_data.outcome_distribution(Selection(region=NINGAN, year=2021))
    assert found.rows == [
        ("予以公开", 11, Decimal("44.00"), ""),
        ("部分公开", 6, Decimal("24.00"), ""),
        ("不予公开", 4, Decimal("16.00"), ""),
        ("无法提供", 1, Decimal("4.00"), ""),
        ("不予处理", 1, Decimal("4.00"), ""),
        ("其他处理", 2, Decimal("8.00"), ""),
    ]
    assert found.note.startswith("2 份报告")


def test_outcomes_of_the_old_format_leave_out_what_it_did_not_report(world):
    found = chart_data.outcome_distribution(Selection(year=2016))
    assert found.rows[:3] == [
        ("予以公开", 3, Decimal("60.00"), ""),
        ("部分公开", 1, Decimal("20.00"), ""),
        ("不予公开", 1, Decimal("20.00"), ""),
    ]
    assert found.rows[3:] == [(label, None, None, A_NO_MATRIX) for label in
                              ("无法提供", "不予处理", "其他处理")]  # fmt: skip


def test_peers_ranked_on_the_latest_year_by_default(world):
    found = chart_data.ranking(Selection(level="county_department"), "disclosure_rate")
    assert found.rows == [
        (1, SHIMEN_FINANCE, SHIMEN, Decimal("100.00"), ""),
        (2, FINANCE, NINGAN, Decimal("75.00"), ""),
        (3, EDUCATION, NINGAN, Decimal("40.00"), ""),
    ]
    assert found.note.startswith("2021年度")


def test_a_ranking_in_a_region_and_year(world):
    found = chart_data.ranking(Selection(region=NINGAN, year=2020), "applications")
    assert found.rows == [(1, FINANCE, NINGAN, 10, "")]


def test_a_ranking_without_values_lists_the_peers_with_the_reason(world):
    found = chart_data.ranking(Selection(year=2021), "on_time_rate")
    # no value: in the order of their names
    assert [row[1] for row in found.rows] == [EDUCATION, FINANCE, SHIMEN_FINANCE]
    assert {(row[3], row[4]) for row in found.rows} == {(None, BC_NO_ON_TIME)}


def test_the_heat_map_counts_the_failures_of_each_agencys_report(world):
    found = chart_data.failure_heat_map(Selection())
    assert found.rows == [
        (FINANCE, NINGAN, 2016, 0),
        (FINANCE, NINGAN, 2020, 0),
        (FINANCE, NINGAN, 2021, 2),
        (EDUCATION, NINGAN, 2021, 1),
        (SHIMEN_FINANCE, SHIMEN, 2021, 0),
    ]


def test_the_heat_map_of_one_kind_in_one_region(world):
    found = chart_data.failure_heat_map(Selection(region=NINGAN, year=2021), "blank")
    assert found.rows == [(EDUCATION, NINGAN, 2021, 1), (FINANCE, NINGAN, 2021, 0)]
    assert "空白单元格" in found.note


def test_the_heat_map_shows_the_agencies_with_most_failures(world, monkeypatch):
    monkeypatch.setattr(chart_data, "HEAT_MAP_AGENCIES", 1)
    found = chart_data.failure_heat_map(Selection())
    assert {row[0] for row in found.rows} == {FINANCE}
    assert "共 3 个" in found.note


@pytest.mark.parametrize(
    "rows",
    [
        lambda: chart_data.trend(Selection(region=NINGAN), "disclosure_rate"),
        lambda: chart_data.outcome_distribution(Selection(year=2021)),
        lambda: chart_data.ranking(Selection(year=2021), "carry_forward_rate"),
        lambda: chart_data.failure_heat_map(Selection(level="county_department")),
    ],
)
def test_each_chart_is_one_query(world, rows):
    with CaptureQueriesContext(connection) as queries:
        rows()
    assert len(queries) == 1, [query["sql"] for query in queries]
