"""The 年报 column: each agency's 政府信息公开工作年度报告 from the catalogue, by the year it
reports on, for one agency and its units and for the whole tree; linked from every page's
navigation, the agency page and the agency's 指南."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from gongkai.web.catalog.annual_reports import annual_reports, report_year
from gongkai.web.catalog.models import Entry, FormCategory

FORM = "政府信息公开工作年度报告"


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def report(agency, title, published_on, state="published", form=FORM, **fields) -> Entry:
    return Entry.objects.create(
        agency=agency, title=title, state=state, published_on=published_on,
        generated_on=published_on, form=FormCategory.objects.get(name=form, agency=None),
        index_no=f"{agency.code}/{published_on.year}-{Entry.objects.count() + 1:05d}"
        if state == "published" else None, **fields,
    )  # fmt: skip


@pytest.fixture
def reports(county, finance, land, town):
    return {
        "county 2024": report(county, "青山县人民政府2024年政府信息公开工作年度报告",
                              date(2025, 3, 20)),
        "county 2025": report(county, "青山县人民政府2025年政府信息公开工作年度报告",
                              date(2026, 3, 25)),
        "finance 2025": report(finance, "青山县财政局2025年度政府信息公开工作年度报告",
                               date(2026, 1, 28)),
        "land draft": report(land, "青山县自然资源局2025年政府信息公开工作年度报告",
                             date(2026, 1, 30), state="draft"),
        "other form": report(finance, "青山县财政局2025年部门决算", date(2026, 1, 29),
                             form="其他"),
    }  # fmt: skip


def test_the_form_vocabulary_has_the_annual_report(db):
    assert FormCategory.objects.filter(name=FORM, agency=None).exists()


def test_a_report_belongs_to_the_year_its_title_names_or_the_year_before_publication(finance):
    named = report(finance, "青山县财政局2023年度政府信息公开工作年度报告", date(2024, 1, 20))
    unnamed = report(finance, "政府信息公开工作年度报告", date(2024, 1, 20))
    assert (report_year(named), report_year(unnamed)) == (2023, 2023)


def test_the_whole_tree_has_a_row_per_agency_and_a_column_per_year(reports, county, land):
    table = annual_reports()

    assert table.years == [2025, 2024]
    rows = {row.agency.name: row.cells(table.years) for row in table.rows}
    assert rows["青山县人民政府"] == [
        (2025, reports["county 2025"]),
        (2024, reports["county 2024"]),
    ]
    assert rows["青山县财政局"] == [(2025, reports["finance 2025"]), (2024, None)]
    assert rows["青山县自然资源局"] == [(2025, None), (2024, None)]  # a draft is not public
    assert table.rows[0].agency == county  # tree order


def test_a_republished_report_replaces_the_earlier_one(reports, county):
    corrected = report(county, "青山县人民政府2025年政府信息公开工作年度报告（更正版）",
                       date(2026, 4, 2))  # fmt: skip
    assert annual_reports(county).rows[0].reports[2025] == corrected


def test_the_column_page_links_every_report_of_the_tree(client, reports):
    html = client.get("/annual-reports/").content.decode()
    assert "<h1>政府信息公开工作年度报告</h1>" in html
    assert '<th scope="col">2025年度</th><th scope="col">2024年度</th>' in html
    for key in ("county 2024", "county 2025", "finance 2025"):
        assert f'href="/catalog/entries/{reports[key].pk}/"' in html
    assert reports["land draft"].title not in html and "部门决算" not in html


def test_an_agency_page_lists_its_own_reports_then_its_units(client, reports, county, finance):
    html = client.get(f"/agencies/{county.code}/annual-reports/").content.decode()
    own = html.split('id="own-title"')[1].split("</section>")[0]
    assert own.index("2025年政府信息公开工作年度报告") < own.index("2024年政府信息公开工作年度报告")
    assert "2025年度报告，2026-03-25发布" in own
    units = html.split('id="tree-title"')[1]
    assert f'href="/agencies/{finance.code}/annual-reports/"' in units
    assert f'href="/catalog/entries/{reports["finance 2025"].pk}/"' in units

    finance_page = client.get(f"/agencies/{finance.code}/annual-reports/").content.decode()
    assert "本机关的年度报告" in finance_page and "2025年度报告，2026-01-28发布" in finance_page


def test_the_navigation_the_agency_page_and_the_guide_link_the_column(client, county):
    column = f'href="/agencies/{county.code}/annual-reports/"'
    assert '<a href="/annual-reports/">年报</a>' in client.get("/").content.decode()
    assert column in client.get(f"/agencies/{county.code}/").content.decode()
    guide = client.get(f"/agencies/{county.code}/guide/").content.decode()
    assert "（四）政府信息公开工作年度报告" in guide and column in guide


def test_an_unknown_agency_has_no_column(client, db):
    assert client.get("/agencies/nobody/annual-reports/").status_code == 404


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="PostgreSQL plans by statistics")
def test_the_column_reads_only_the_reports_through_the_form_index(client, reports, county):
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/agencies/{county.code}/annual-reports/")
    (sql,) = [q["sql"] for q in queries if 'FROM "catalog_entry"' in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        plan = " | ".join(row[-1] for row in cursor.fetchall())
    assert "SEARCH catalog_entry USING INDEX catalog_entry_form_id" in plan, plan
