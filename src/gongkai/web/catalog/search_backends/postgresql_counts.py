"""PostgreSQL: how many entries a search finds. Counting reads every hit's row for
visibility (GIN has no index-only scans), ~0.4 µs a hit, and decodes each filter's postings,
so counts that cost something are kept in catalog_search_counts with the generation of the
index they were taken at, and brought up to date from the log of changes since (migration
0009) when next asked for. A long query's hits are checked against their text, ~4 µs each:
beyond VERIFY_LIMIT candidates its count is estimated from a checked sample instead."""

import time

from django.db import connection

from gongkai.web.catalog.search_backends.postgresql_query import (
    TABLE,
    Query,
    condition,
    holds_pattern,
    query_terms,
)

CACHE_FROM = 10_000  # hits: smaller counts are kept only if they were slow
KEEP_SLOWER_THAN_MS = 5  # a count that took longer is kept, however small
VERIFY_LIMIT = 10_000  # candidates of a long query checked for an exact count
SAMPLE = 2_000  # candidates checked to estimate a count beyond that


def count(words: list[list[str]], filters) -> tuple[int, bool]:
    """The number of hits, and whether it is exact. It is, unless a long query (checked
    against the text) has more than VERIFY_LIMIT candidates, the entries holding all its
    four-token windows, and no exact count is kept: checking each costs ~4 µs, and an
    agency's full name can be in most entries. Then the candidates are counted, a sample
    of them checked, and the count estimated from the share that holds the query."""
    query = query_terms(words, filters)
    if not query.patterns:
        return exact_count(query), True
    candidates = exact_count(query.unchecked())
    if candidates <= VERIFY_LIMIT:
        return exact_count(query), True
    if (kept := exact_count(query, compute=False)) is not None:
        return kept, True
    match, params = condition(query.unchecked())
    check, checked = holds_pattern(query.patterns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FILTER (WHERE {check}), count(*) "
                       f"FROM (SELECT s.* FROM {TABLE} s WHERE {match} LIMIT %s) s",
                       [*checked, *params, SAMPLE])  # fmt: skip
        held, sampled = cursor.fetchone()
    if held == 0:  # too rare among its candidates to estimate: count them all
        return exact_count(query), True
    return round(candidates * held / sampled), False


def exact_count(query: Query, compute: bool = True, keep: bool = False) -> int | None:
    """Exact. Counting reads every hit's row for visibility, ~0.4 µs a hit (50 ms for a word
    in 124,000 entries), and decodes each filter's postings, so counts of CACHE_FROM hits or
    more, or that took longer than KEEP_SLOWER_THAN_MS, are kept in catalog_search_counts
    with the generation of the index they were taken at, and brought up to date from the
    log of changes since (migration 0009) when next asked for — any count, if `keep`. None
    if not kept and not to be computed."""
    with connection.cursor() as cursor:
        cursor.execute(*kept_count(query))
        generation, kept_at, total = cursor.fetchone()
        slow = False
        if kept_at is None:
            if not compute:
                return None
            match, params = condition(query)
            started = time.perf_counter()
            # One statement, one snapshot: the generation is the one the count saw.
            cursor.execute(f"SELECT (SELECT n FROM catalog_search_generation), count(*) "
                           f"FROM {TABLE} s WHERE {match}", params)  # fmt: skip
            generation, total = cursor.fetchone()
            slow = (time.perf_counter() - started) * 1000 > KEEP_SLOWER_THAN_MS
        if (kept_at is not None or slow or keep or total >= CACHE_FROM) and kept_at != generation:
            cursor.execute(
                "INSERT INTO catalog_search_counts (query, generation, total) "
                "VALUES (%s, %s, %s) ON CONFLICT (query) DO UPDATE SET "
                "generation = EXCLUDED.generation, total = EXCLUDED.total "
                "WHERE catalog_search_counts.generation < EXCLUDED.generation",
                [query.key, generation, total],
            )
        return total


# The kept count, if any may be carried forward, plus the entries that the logged changes
# since added to or took from its hits: a row of the log is one part of an entry, an entry
# changes once per sign in a generation, each word is in one of its parts, and the LIKE
# patterns are checked on part 0's text.
KEPT_COUNT = """
WITH g AS (SELECT n, floor FROM catalog_search_generation),
kept AS (SELECT c.generation, c.total FROM catalog_search_counts c, g
         WHERE c.query = %(key)s AND c.generation >= g.floor),
changed AS (
    SELECT x.sign FROM catalog_search_changes x, kept, g
    WHERE x.generation > kept.generation AND x.generation <= g.n
    GROUP BY x.generation, x.entry_id, x.sign
    HAVING {words} AND (%(patterns)s::text[] IS NULL
                        OR bool_or(x.part = 0 AND x.doc LIKE ALL (%(patterns)s::text[])))
)
SELECT g.n, kept.generation, kept.total + (SELECT coalesce(sum(sign), 0) FROM changed)
FROM g LEFT JOIN kept ON true
"""


def kept_count(query: Query) -> tuple[str, dict]:
    """KEPT_COUNT for the query, and its parameters."""
    words = " AND ".join(f"bool_or(x.grams @@ %(word{n})s::tsquery)"
                         for n in range(len(query.words)))  # fmt: skip
    params = {"key": query.key, "patterns": list(query.patterns) or None}
    params |= {f"word{n}": query.tsquery(n) for n in range(len(query.words))}
    return KEPT_COUNT.format(words=words), params
