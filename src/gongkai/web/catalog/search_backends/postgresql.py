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

from collections.abc import Iterable

from django.db import connection

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
        sql += (f" AND EXISTS (SELECT 1 FROM {TABLE} d WHERE d.entry_id = s.entry_id "
                "AND d.part = 0 AND d.doc LIKE %s)")  # fmt: skip
        params.append(pattern)
    return sql, params


def count(words: list[str], filters) -> int:
    """Exact. Counting reads every hit's row for visibility, ~0.4 µs a hit (50 ms for a word
    in 124,000 entries), so counts of CACHE_FROM hits or more are kept in
    catalog_search_counts with the generation of the index they were taken at, and brought up
    to date from the log of changes since (migration 0009) when next asked for."""
    terms, pattern = query_terms(words, filters)
    key = "\n".join([*terms, pattern or ""])
    with connection.cursor() as cursor:
        cursor.execute(KEPT_COUNT, {"query": " & ".join(terms), "pattern": pattern, "key": key})
        generation, kept_at, total = cursor.fetchone()
        if kept_at is None:
            match, params = condition(terms, pattern)
            # One statement, one snapshot: the generation is the one the count saw.
            cursor.execute(f"SELECT (SELECT n FROM catalog_search_generation), count(*) "
                           f"FROM {TABLE} s WHERE {match}", params)  # fmt: skip
            generation, total = cursor.fetchone()
        if (kept_at is not None or total >= CACHE_FROM) and kept_at != generation:
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
    """A page of hits, newest first. The hits are collected through the GIN index (walking
    the date index instead reads a whole tsvector per row: ~85 µs each) and sorted; for a
    common word, only those published in the last few years: if they fill the page, the
    page is the same as over all years, since they come first in this order."""
    terms, pattern = query_terms(words, filters)
    if filters.year is None and (years := recent_years(offset + limit, total)):
        recent = "(" + " | ".join(quoted(f"#y{year}") for year in years) + ")"
        found = page([*terms, recent], pattern, limit, offset)
        if len(found) == limit:
            return found
    return page(terms, pattern, limit, offset)


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
    are spread like the catalogue (twice as many rows, for safety); none when that is most
    of the catalogue anyway. Read off the date index."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT greatest(reltuples, 1) FROM pg_class WHERE oid = %s::regclass",
                       [TABLE])  # fmt: skip
        rows = cursor.fetchone()[0]
        span = int(2 * needed * rows / max(total, 1))
        if span > rows / 2:
            return []
        newest = (
            f"SELECT published_on FROM {TABLE} ORDER BY published_on DESC NULLS LAST, entry_id DESC"
        )
        cursor.execute(f"SELECT ({newest} LIMIT 1), ({newest} OFFSET %s LIMIT 1)", [span])
        first, last = cursor.fetchone()
    if first is None or last is None:
        return []
    return list(range(first.year, last.year - 1, -1))
