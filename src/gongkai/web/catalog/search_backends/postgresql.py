"""PostgreSQL: a narrow table `catalog_search` (entry_id, part, chunked, published_on, grams,
doc) with a GIN index on `grams`, a tsvector whose lexemes are the leading n-grams of every
position (`tokens.leading_grams`) plus the filter values as `#a4`, `#y2024` … A query of up
to four tokens is one prefix lexeme AND the filter lexemes: the GIN index answers it exactly,
and no row's text is read. Longer queries AND the lexemes of their four-token windows and
check each candidate's compact text (`doc`) with LIKE.

Why not pg_trgm: a trigram index cannot answer a two-character word, and for common words it
must recheck every hit against its text — seconds to minutes at a million entries (measured
in docs/PERFORMANCE.md). Here a count reads only the narrow heap for visibility: `grams` and
`doc` are moved to TOAST (toast_tuple_target = 128), ~140 rows fit a page.

A text longer than CHUNK positions is split into rows (`part` 0, 1, …) overlapping by REACH
positions, so every tsvector stays far below PostgreSQL's 1 MB limit, and any REACH tokens
of a query lie in one row. `chunked` marks those entries, so that only they need a DISTINCT
count. Results come newest first. The table, its indexes and the triggers that drop an entry
when it stops being public are in migrations 0003 and 0004; large counts are kept and follow
the index through a log of its changes (0009).
"""

import time
from collections.abc import Iterable

from django.db import connection

from gongkai.web.catalog import listing, tally
from gongkai.web.catalog.search_backends.facets import facet_values, filter_values
from gongkai.web.catalog.search_backends.tokens import (
    compact,
    compact_pattern,
    leading_grams,
    query_lexemes,
    tokens,
)

TABLE = "catalog_search"
FIELDS = ("title", "doc_no", "keywords", "summary", "body", "attachments")
CHUNK = 20_000  # positions per row: ~16 bytes a lexeme keeps a tsvector well under 1 MB
CACHE_FROM = 10_000  # hits: smaller counts are cheap enough to redo
REACH = 64  # rows overlap by this many positions; a query is looked up by its first REACH
INDEXES = [
    f"CREATE INDEX IF NOT EXISTS catalog_search_grams ON {TABLE} USING gin (grams) "
    "WITH (fastupdate = off)",
    f"CREATE INDEX IF NOT EXISTS catalog_search_newest ON {TABLE} "
    "(published_on DESC NULLS LAST, entry_id DESC)",
]
INSERT = f"INSERT INTO {TABLE} (entry_id, part, chunked, published_on, grams, doc) VALUES "
VALUES = "(%s, %s, %s, %s, array_to_tsvector(%s::text[]), %s)"
BATCH = 1000  # rows per INSERT statement
# What a page costs, measured at a million entries (docs/PERFORMANCE.md): walking the 目录's
# listing tests each entry against the query (its tsvector read from TOAST); collecting
# decodes the hits' postings, visits their rows and sorts them.
WALK_ROW_MS = 0.02
COLLECT_HIT_MS = 0.0003
COLLECT_MS = 3
WALK_MARGIN = 100  # rows read beyond twice the expectation before giving up
KEEP_SLOWER_THAN_MS = 5  # a count that took longer is kept, however small
VERIFY_MS = 0.004  # checking an entry's text for a long query
VERIFY_LIMIT = 10_000  # candidates of a long query checked for an exact count
SAMPLE = 2_000  # candidates checked to estimate a count beyond that


def document(fields: dict) -> str:
    # A newline between fields: no query contains one, so no hit spans two fields.
    return "\n".join(compact(fields[name]) for name in FIELDS)


def rows(pk: int, fields: dict) -> list[list]:
    positions = [gram for name in FIELDS for gram in leading_grams(tokens(fields[name]))]
    facets = ["#" + value for value in facet_values(fields)]
    starts = range(0, max(1, len(positions)), CHUNK)
    chunked = len(starts) > 1
    return [[pk, part, chunked, fields["published_on"],
             sorted({*positions[start : start + CHUNK + REACH], *facets}),
             document(fields) if part == 0 else None]
            for part, start in enumerate(starts)]  # fmt: skip


def store(pk: int, fields: dict) -> None:
    store_many([(pk, fields)])


def store_many(documents: Iterable[tuple[int, dict]]) -> None:
    """One DELETE and one INSERT per batch of rows, never a statement per row: each
    statement moves the index's generation on (migration 0009), and every part of an entry
    must change in the same statement for the log of changes to count it once."""
    by_entry = [rows(pk, fields) for pk, fields in documents]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE entry_id = ANY(%s)",
                       [sorted({parts[0][0] for parts in by_entry})])  # fmt: skip
        for batch in batches(by_entry):
            values = ", ".join([VALUES] * len(batch))
            cursor.execute(INSERT + values, [value for row in batch for value in row])


def batches(by_entry: list[list[list]]) -> Iterable[list[list]]:
    """The rows in batches of about BATCH, an entry's parts always in one batch."""
    batch: list[list] = []
    for parts in by_entry:
        if batch and len(batch) + len(parts) > BATCH:
            yield batch
            batch = []
        batch += parts
    if batch:
        yield batch


def remove(pk: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE entry_id = %s", [pk])


def clear() -> None:
    """Empty the table and drop its indexes: building them once after a bulk load is many
    times faster than maintaining them row by row. `optimise()` makes them again."""
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TABLE}")
        cursor.execute("DROP INDEX IF EXISTS catalog_search_grams, catalog_search_newest")


def optimise() -> None:
    with connection.cursor() as cursor:
        # A GIN build sorts its keys in memory: the default 64 MB makes it several times
        # slower at a million entries. SET LOCAL lasts until the rebuild's transaction ends.
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for statement in INDEXES:
            cursor.execute(statement)
        cursor.execute(f"ANALYZE {TABLE}")


def warm() -> int:
    """Count the catalogue's most common words ahead of their first search."""
    from gongkai.web.catalog.search_backends import postgresql_warmup

    return postgresql_warmup.warm()


def quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def query_terms(words: list[str], filters) -> tuple[list[str], str | None]:
    """The tsquery's terms (ANDed) and, when a hit must be checked against the text, the
    LIKE pattern. Built from tokens only: never a syntax error."""
    lexemes, prefix, recheck = query_lexemes(words, REACH)
    terms = [quoted(lexeme) + (":*" if prefix else "") for lexeme in lexemes]
    terms += [quoted("#" + value) for value in filter_values(filters)]
    # Tokens hold only letters, digits and spaces: nothing in them is special to LIKE.
    return terms, f"%{compact_pattern(words)}%" if recheck else None


def condition(terms: list[str], pattern: str | None) -> tuple[str, list]:
    """WHERE on `catalog_search s`: matching rows, one per entry (a long text's first
    matching part), and, when asked, only those whose text holds the pattern."""
    query = " & ".join(terms)
    first_part = f"SELECT min(c.part) FROM {TABLE} c WHERE c.entry_id = s.entry_id"
    first_part += " AND c.grams @@ %s::tsquery"
    sql = f"s.grams @@ %s::tsquery AND (NOT s.chunked OR s.part = ({first_part}))"
    params = [query, query]
    if pattern is not None:
        sql += f" AND {holds_pattern()}"
        params += [pattern, pattern]
    return sql, params


def holds_pattern() -> str:
    """Whether the entry of row `s` holds the pattern: its text is in part 0, which is `s`
    itself unless the text was split into rows (~4 µs, read from TOAST)."""
    return (f"CASE WHEN s.part = 0 THEN s.doc LIKE %s ELSE EXISTS (SELECT 1 FROM {TABLE} d "
            "WHERE d.entry_id = s.entry_id AND d.part = 0 AND d.doc LIKE %s) END")  # fmt: skip


def count(words: list[str], filters) -> tuple[int, bool]:
    """The number of hits, and whether it is exact. It is, unless a long query (checked
    against the text) has more than VERIFY_LIMIT candidates, the entries holding all its
    four-token windows, and no exact count is kept: checking each costs ~4 µs, and an
    agency's full name can be in most entries. Then the candidates are counted, a sample
    of them checked, and the count estimated from the share that holds the query."""
    terms, pattern = query_terms(words, filters)
    if pattern is None:
        return exact_count(terms, None), True
    candidates = exact_count(terms, None)
    if candidates <= VERIFY_LIMIT:
        return exact_count(terms, pattern), True
    if (kept := exact_count(terms, pattern, compute=False)) is not None:
        return kept, True
    match, params = condition(terms, None)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FILTER (WHERE {holds_pattern()}), count(*) "
                       f"FROM (SELECT s.* FROM {TABLE} s WHERE {match} LIMIT %s) s",
                       [pattern, pattern, *params, SAMPLE])  # fmt: skip
        held, sampled = cursor.fetchone()
    if held == 0:  # too rare among its candidates to estimate: count them all
        return exact_count(terms, pattern), True
    return round(candidates * held / sampled), False


def exact_count(terms: list[str], pattern: str | None, compute: bool = True) -> int | None:
    """Exact. Counting reads every hit's row for visibility, ~0.4 µs a hit (50 ms for a word
    in 124,000 entries), and decodes each filter's postings, so counts of CACHE_FROM hits or
    more, or that took longer than KEEP_SLOWER_THAN_MS, are kept in catalog_search_counts
    with the generation of the index they were taken at, and brought up to date from the
    log of changes since (migration 0009) when next asked for. None if not kept and not
    to be computed."""
    key = "\n".join([*terms, pattern or ""])
    with connection.cursor() as cursor:
        cursor.execute(KEPT_COUNT, {"query": " & ".join(terms), "pattern": pattern, "key": key})
        generation, kept_at, total = cursor.fetchone()
        slow = False
        if kept_at is None:
            if not compute:
                return None
            match, params = condition(terms, pattern)
            started = time.perf_counter()
            # One statement, one snapshot: the generation is the one the count saw.
            cursor.execute(f"SELECT (SELECT n FROM catalog_search_generation), count(*) "
                           f"FROM {TABLE} s WHERE {match}", params)  # fmt: skip
            generation, total = cursor.fetchone()
            slow = (time.perf_counter() - started) * 1000 > KEEP_SLOWER_THAN_MS
        if (kept_at is not None or slow or total >= CACHE_FROM) and kept_at != generation:
            cursor.execute(
                "INSERT INTO catalog_search_counts (query, generation, total) "
                "VALUES (%s, %s, %s) ON CONFLICT (query) DO UPDATE SET "
                "generation = EXCLUDED.generation, total = EXCLUDED.total "
                "WHERE catalog_search_counts.generation < EXCLUDED.generation",
                [key, generation, total],
            )
        return total


# The kept count, if any may be carried forward, plus the entries that the logged changes
# since added to or took from its hits: a row of the log is one part of an entry, an entry
# changes once per sign in a generation, and the LIKE pattern is checked on part 0's text.
KEPT_COUNT = """
WITH g AS (SELECT n, floor FROM catalog_search_generation),
kept AS (SELECT c.generation, c.total FROM catalog_search_counts c, g
         WHERE c.query = %(key)s AND c.generation >= g.floor),
changed AS (
    SELECT x.sign FROM catalog_search_changes x, kept, g
    WHERE x.generation > kept.generation AND x.generation <= g.n
    GROUP BY x.generation, x.entry_id, x.sign
    HAVING bool_or(x.grams @@ %(query)s::tsquery)
       AND (%(pattern)s::text IS NULL OR bool_or(x.part = 0 AND x.doc LIKE %(pattern)s))
)
SELECT g.n, kept.generation, kept.total + (SELECT coalesce(sum(sign), 0) FROM changed)
FROM g LEFT JOIN kept ON true
"""


def ids(words: list[str], filters, limit: int, offset: int, total: int) -> list[int]:
    """A page of hits, newest first. A common word's are found by walking the entries in
    date order and testing each (~20 µs: its tsvector is read from TOAST) when that should
    cost less than collecting them; other queries' hits are collected through
    the GIN index and sorted — for a common word, only those published in the last few
    years: if they fill the page, it is the same page as over all years, which come after
    them in this order."""
    terms, pattern = query_terms(words, filters)
    if (found := walk(terms, pattern, filters, limit, offset, total)) is not None:
        return found
    if filters.year is None and (years := recent_years(offset + limit, total)):
        recent = "(" + " | ".join(quoted(f"#y{year}") for year in years) + ")"
        found = page([*terms, recent], pattern, limit, offset)
        if len(found) == limit:
            return found
    return page(terms, pattern, limit, offset)


def walk(terms: list[str], pattern: str | None, filters, limit: int, offset: int,
         total: int) -> list[int] | None:  # fmt: skip
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
    if pattern is not None:  # every candidate collected is checked against the text
        collecting += exact_count(terms, None) * VERIFY_MS
    if expected * WALK_ROW_MS > collecting:
        return None
    entries = listed.apply(listing.listed(), walking_dates=True).filter(published_on__isnull=False)
    walked = entries.order_by("-published_on", "-id").values_list("id", "published_on")
    walk_sql, walk_params = walked[: int(2 * expected) + WALK_MARGIN].query.sql_with_params()
    match, params = condition(terms, pattern)
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
    index: a year, with at most one of a single agency, a subject or a 有效性."""
    agency = filters.agency
    if agency is not None and agency.children.exists():
        return None  # a subtree: the listing checks each row's agency along the date index
    served = [value for value in (agency, filters.subject, filters.validity) if value is not None]
    if filters.form is not None or len(served) > 1:
        return None
    return listing.CatalogFilters(agency=agency, subject=filters.subject, year=filters.year,
                                  validity=filters.validity)  # fmt: skip


def page(terms: list[str], pattern: str | None, limit: int, offset: int) -> list[int]:
    match, params = condition(terms, pattern)
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
