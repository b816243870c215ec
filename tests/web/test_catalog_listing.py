"""A page of the 目录 is read in date order off an index, whatever the filter, or — for a
subtree with few entries — cut from their gathered dates; either way it is the same page."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.web.catalog import listing
from gongkai.web.catalog.listing import CatalogFilters, NewestFirst, public_entries
from gongkai.web.catalog.models import Entry, SubjectCategory
from gongkai.web.catalog.tally import count


@pytest.fixture
def catalogue(county, finance, treasury, land, town):
    """77 entries over five agencies, many on the same day (ties go by id, newest first)."""
    agencies = [finance, treasury, land, town, county]
    Entry.objects.bulk_create(
        Entry(agency=agencies[n % 5], title=f"通知{n}", state="published",
              generated_on=date(2020, 1, 1), published_on=date(2020, 1, 1) + timedelta(n // 3),
              validity="expired" if n % 7 == 0 else "valid")
        for n in range(77)
    )  # fmt: skip


def expected(filters: CatalogFilters) -> list[int]:
    rows = filters.apply(public_entries()).values_list("published_on", "pk")
    return [pk for _day, pk in sorted(rows, reverse=True)]


def pages(filters: CatalogFilters, size: int = 20) -> list[int]:
    rows = NewestFirst(filters, count(filters))
    return [e.pk for start in range(0, len(rows), size) for e in rows[start : start + size]]


@pytest.mark.parametrize("few", [0, 20_000])  # walk the date index; gather the dates
def test_every_page_of_a_subtree_is_the_same_either_way(catalogue, finance, county, few,
                                                        monkeypatch):  # fmt: skip
    monkeypatch.setattr(listing, "FEW", few)
    for filters in [CatalogFilters(finance), CatalogFilters(county),
                    CatalogFilters(finance, validity="valid")]:  # fmt: skip
        assert pages(filters) == expected(filters) and len(expected(filters)) > 20


def test_a_filter_that_matches_nothing_reads_no_entries(catalogue, land):
    filters = CatalogFilters(land, year=2019)
    rows = NewestFirst(filters, count(filters))
    with CaptureQueriesContext(connection) as queries:
        assert rows[0:20] == []
    assert len(queries) == 0


def test_the_whole_tree_lists_without_checking_each_entrys_agency(client, catalogue, county):
    with CaptureQueriesContext(connection) as queries:
        client.get("/catalog/", {"agency": county.code})
    (page,) = [q["sql"] for q in queries if 'FROM "catalog_entry"' in q["sql"]]
    assert "agency_id" not in page.split("WHERE")[1]


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="PostgreSQL plans by statistics")
def test_each_filter_is_walked_in_order_off_an_index(catalogue, land, finance):
    subject = SubjectCategory.objects.first()
    for filters, index in [
        (CatalogFilters(), "by_date"), (CatalogFilters(land), "agency"),
        (CatalogFilters(finance), "by_date"),  # a subtree: its agencies checked on the way
        (CatalogFilters(year=2020), "by_date"), (CatalogFilters(subject=subject.pk), "subject"),
        (CatalogFilters(item=7), "item"), (CatalogFilters(validity="expired"), "validity"),
    ]:  # fmt: skip
        sql, params = NewestFirst(filters, 10**6).walk()[20:40].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " | ".join(row[-1] for row in cursor.fetchall())
        assert f"USING INDEX catalog_entry_{index} " in plan and "TEMP B-TREE" not in plan, plan
