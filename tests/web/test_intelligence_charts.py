"""The public chart pages: each shows its rows as a table (the page without JavaScript), hands
the same rows to charts.js in a JSON data element, and gives them as CSV and XLSX (read back
here); filters come from the query string and nonsense in it is left out. ECharts is our own
static file, as the vendoring script wrote it."""

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from openpyxl import load_workbook
from tests.web.chart_world import NINGAN, chart_world

from gongkai.report.indicators import RATE_BY_ID
from gongkai.web.intelligence import chart_data
from gongkai.web.intelligence.chart_views import CHARTS
from gongkai.web.intelligence.selection import Selection

ECHARTS = "intelligence/vendor/echarts/echarts.min.js"
RANKING = {"measure": "disclosure_rate", "year": "2021", "level": "county_department"}


@pytest.fixture
def world(db):
    return chart_world()


def page(client, slug: str, query: dict | None = None) -> str:
    response = client.get(reverse("published-report-chart", args=[slug]), query or {})
    assert response.status_code == 200
    return response.content.decode()


def drawing(html: str) -> dict:
    found = re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1))


def table_rows(html: str) -> list[list[str]]:
    body = html[html.index('<section id="chart-table"') :].split("</tbody>")[0]
    return [re.findall(r"<td>(.*?)</td>", row) for row in body.split("<tr>")[2:]]


def test_the_index_links_every_chart(client, db):
    html = client.get(reverse("published-report-charts")).content.decode()
    for slug in CHARTS:
        assert reverse("published-report-chart", args=[slug]) in html


def test_a_ranking_page_shows_its_rows_as_a_table_and_as_data(client, world):
    html = page(client, "ranking", RANKING)
    assert table_rows(html) == [
        ["1", "江西省石门县财政局", "江西省石门县", "100.00", ""],
        ["2", "江西省宁安县财政局", NINGAN, "75.00", ""],
        ["3", "江西省宁安县教育局", NINGAN, "40.00", ""],
    ]
    data = drawing(html)
    assert data["drawing"] == "bar" and data["rows"][0] == [1, "江西省石门县财政局",
                                                          "江西省石门县", 100.0, ""]  # fmt: skip
    assert RATE_BY_ID["disclosure_rate"].formula in html  # 实质公开率 = (予以公开 + 部分公开) / …


def test_the_page_loads_echarts_from_our_static_files(client, world):
    html = page(client, "trend", {"agency": "江西省宁安县财政局"})
    scripts = re.findall(r"<script[^>]*>", html)
    assert any(ECHARTS in tag for tag in scripts) and any("charts.js" in tag for tag in scripts)
    assert all(" src=" in tag or 'type="application/json"' in tag for tag in scripts)
    assert "//cdn" not in html


def test_the_vendored_echarts_is_the_one_its_note_names():
    script = Path(finders.find(ECHARTS))
    note = (script.parent / "VERSION.txt").read_text(encoding="utf-8").split()
    digest = hashlib.sha256(script.read_bytes()).hexdigest()
    assert note[:2] == ["echarts", "6.1.0"] and note[3] == digest
    assert "Apache License" in (script.parent / "LICENSE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("slug", "query", "rows"),
    [
        ("trend", {"region": NINGAN, "measure": "disclosure_rate"},
         lambda: chart_data.trend(Selection(region=NINGAN), "disclosure_rate")),
        ("outcomes", {"year": "2021"},
         lambda: chart_data.outcome_distribution(Selection(year=2021))),
        ("failures", {"kind": "arithmetic"},
         lambda: chart_data.failure_heat_map(Selection(), "arithmetic")),
        ("ranking", RANKING,
         lambda: chart_data.ranking(Selection(year=2021, level="county_department"),
                                    "disclosure_rate")),
    ],
)  # fmt: skip
def test_the_csv_and_xlsx_hold_the_rows_of_the_chart(client, world, slug, query, rows):
    expected = rows()
    assert expected.rows
    url = reverse("published-report-chart-export", args=[slug, "csv"])
    text = client.get(url, query).content.decode("utf-8-sig")
    shown = [["" if value is None else str(value) for value in row] for row in expected.rows]
    assert list(csv.reader(io.StringIO(text))) == [list(expected.columns), *shown]
    response = client.get(reverse("published-report-chart-export", args=[slug, "xlsx"]), query)
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    read = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert read[0] == list(expected.columns)
    assert read[1:] == [[None if v is None else type_of(v) for v in row] for row in expected.rows]


def type_of(value):
    """What openpyxl reads back: numbers as int or float, text as text ('' as None)."""
    if isinstance(value, str):
        return value or None
    return float(value) if not isinstance(value, int) else value


def test_the_heat_map_table_lists_each_agency_and_year(client, world):
    html = page(client, "failures")
    assert table_rows(html)[:3] == [
        ["江西省宁安县财政局", NINGAN, "2016", "0"],
        ["江西省宁安县财政局", NINGAN, "2020", "0"],
        ["江西省宁安县财政局", NINGAN, "2021", "2"],
    ]
    assert drawing(html)["axes"] == {"y": 0, "x": 2, "value": 3}


def test_nonsense_in_the_query_is_left_out(client, world):
    html = page(client, "outcomes", {"level": "<script>", "year": "二〇二一", "generation": "Z"})
    assert drawing(html)["rows"] == drawing(page(client, "outcomes"))["rows"]
    assert "<script>" not in html.split("</form>")[0].split("<form")[1]
    ranking = page(client, "ranking", {"measure": "nothing"})
    assert "实质公开率" in ranking  # the default measure


def test_an_empty_selection_says_so(client, world):
    html = page(client, "trend", {"region": "西藏自治区"})
    assert "没有符合条件的已导入报告" in html and drawing(html)["rows"] == []


def test_an_unknown_chart_or_format_is_not_found(client, db):
    assert client.get("/published-reports/charts/pies/").status_code == 404
    assert client.get("/published-reports/charts/trend.pdf").status_code == 404


def test_the_pages_read_in_chinese_without_raw_cell_keys(client, world):
    from tests.web.page_language import cell_keys, english_fragments

    pages = [
        page(client, "trend", {"agency": "江西省宁安县财政局", "measure": "reviews"}),
        page(client, "outcomes", {"year": "2016"}),
        page(client, "failures", {"kind": "blank"}),
        page(client, "ranking", {"measure": "withheld_rate"}),
        client.get(reverse("published-report-charts")).content.decode(),
    ]
    for html in pages:
        assert cell_keys(html) == [] and english_fragments(html) == []
    assert chart_data.NOT_STATED in pages[0]  # no report printed section 四: said, not a zero
