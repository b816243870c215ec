"""PostgreSQL: one page of a search's hits, newest first — walked off the 目录's listing
when the hits are common among the filters' entries, collected through the GIN index and
sorted otherwise, whichever should cost less."""

from django.db import connection

from gongkai.web.catalog import listing, tally
from gongkai.web.catalog.search_backends.postgresql_counts import exact_count
from gongkai.web.catalog.search_backends.postgresql_query import (
    TABLE,
    Query,
    condition,
    query_terms,
    quoted,
)

# What a page costs, measured at a million entries (docs/PERFORMANCE.md): walking the 目录's
# listing tests each entry against the query (its tsvector read from TOAST); collecting
# decodes the hits' postings, visits their rows and sorts them, and checks a long query's
# candidates against their text.
WALK_ROW_MS = 0.02
COLLECT_HIT_MS = 0.0003
COLLECT_MS = 3
VERIFY_MS = 0.004
WALK_MARGIN = 100  # rows read beyond twice the expectation before giving up


def ids(words: list[list[str]], filters, limit: int, offset: int, total: int) -> list[int]:
    """A page of hits, newest first. A common word's are found by walking the entries in
    date order and testing each (~20 µs: its tsvector is read from TOAST) when that should
    cost less than collecting them; other queries' hits are collected through
    the GIN index and sorted — for a common word, only those published in the last few
    years: if they fill the page, it is the same page as over all years, which come after
    them in this order."""
    query = query_terms(words, filters)
    if (found := walk(query, filters, limit, offset, total)) is not None:
        return found
    if filters.year is None and (years := recent_years(offset + limit, total)):
        recent = "(" + " | ".join(quoted(f"#y{year}") for year in years) + ")"
        found = page(query.narrowed(recent), limit, offset)
        if len(found) == limit:
            return found
    return page(query, limit, offset)


def walk(query: Query, filters, limit: int, offset: int, total: int) -> list[int] | None:
    """The page read off the 目录's own listing of the filters' entries, newest first, each
    tested against the query; or None when collecting the hits should cost less, if they are
    spread evenly among the entries, or when the walk reads twice the rows expected (plus
    WALK_MARGIN) — hits bunched in earlier years stop it early, and the page is collected
    instead. Only filters the listing reads in date order off one of its
    indexes are walked (listing.CatalogFilters)."""
    listed = walkable(filters)
    if listed is None:
        return None
    expected = (offset + limit) * tally.count(listed) / max(total, 1)
    collecting = COLLECT_MS + total * COLLECT_HIT_MS
    if query.patterns:  # every candidate collected is checked against the text
        collecting += exact_count(query.unchecked()) * VERIFY_MS
    if expected * WALK_ROW_MS > collecting:
        return None
    entries = listed.apply(listing.listed(), walking_dates=True).filter(published_on__isnull=False)
    walked = entries.order_by("-published_on", "-id").values_list("id", "published_on")
    walk_sql, walk_params = walked[: int(2 * expected) + WALK_MARGIN].query.sql_with_params()
    match, params = condition(query)
    # A scalar subquery is not turned into a join: it runs row by row, only for the rows
    # the walk reaches before the page is full.
    test = f"(SELECT true FROM {TABLE} s WHERE s.entry_id = w.id AND {match} LIMIT 1)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT w.id FROM ({walk_sql}) w WHERE {test} "
                       "ORDER BY w.published_on DESC, w.id DESC LIMIT %s OFFSET %s",
                       [*walk_params, *params, limit, offset])  # fmt: skip
        found = [pk for (pk,) in cursor.fetchall()]
    # A short page may be the last one, or the walk may have stopped too soon: only the
    # collected page can tell. (Entries without a 发布日期 come last, and are never walked.)
    return found if len(found) == limit else None


def walkable(filters) -> listing.CatalogFilters | None:
    """The search filters as the 目录's, if its listing reads them in date order off one
    index: a year, with at most one of a single agency, a subject, a 第二十条 item or a
    有效性."""
    agency = filters.agency
    if agency is not None and agency.children.exists():
        return None  # a subtree: the listing checks each row's agency along the date index
    served = [value for value in (agency, filters.subject, filters.item, filters.validity)
              if value is not None]  # fmt: skip
    if filters.form is not None or len(served) > 1:
        return None
    return listing.CatalogFilters(agency=agency, subject=filters.subject, item=filters.item,
                                  year=filters.year, validity=filters.validity)  # fmt: skip


def page(query: Query, limit: int, offset: int) -> list[int]:
    match, params = condition(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH hits AS MATERIALIZED (SELECT s.entry_id, s.published_on FROM {TABLE} s "
            f"WHERE {match}) SELECT entry_id FROM hits "
            "ORDER BY published_on DESC NULLS LAST, entry_id DESC LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [pk for (pk,) in cursor.fetchall()]


def recent_years(needed: int, total: int) -> list[int]:
    """The publication years, newest first, that likely hold the first `needed` hits if hits
    are spread like the catalogue (twice as many entries, for safety); none when that is
    most of the catalogue anyway. Read from the 目录's tally."""
    years = tally.by_year()
    entries = sum(count for _year, count in years)
    span = 2 * needed * entries / max(total, 1)
    if span > entries / 2:
        return []
    recent, covered = [], 0
    for year, count in years:
        recent.append(year)
        covered += count
        if covered >= span:
            break
    return recent
