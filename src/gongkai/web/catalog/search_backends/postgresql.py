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
when it stops being public are in migrations 0003 and 0004.
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
WALK_LIMIT = 3000  # rows the date index may be walked for one page (see ids())
REACH = 64  # rows overlap by this many positions; a query is looked up by its first REACH
INDEXES = [
    f"CREATE INDEX IF NOT EXISTS catalog_search_grams ON {TABLE} USING gin (grams) "
    "WITH (fastupdate = off)",
    f"CREATE INDEX IF NOT EXISTS catalog_search_newest ON {TABLE} "
    "(published_on DESC NULLS LAST, entry_id DESC)",
]
INSERT = (
    f"INSERT INTO {TABLE} (entry_id, part, chunked, published_on, grams, doc) "
    "VALUES (%s, %s, %s, %s, array_to_tsvector(%s::text[]), %s)"
)


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
    values = [row for pk, fields in documents for row in rows(pk, fields)]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE entry_id = ANY(%s)",
                       [sorted({row[0] for row in values})])  # fmt: skip
        cursor.executemany(INSERT, values)


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


def condition(words: list[str], filters) -> tuple[str, list]:
    """The WHERE clause on `catalog_search s`: built from tokens only, never a syntax error."""
    lexemes, prefix, recheck = query_lexemes(words, REACH)
    terms = [quoted(lexeme) + (":*" if prefix else "") for lexeme in lexemes]
    terms += [quoted("#" + value) for value in filter_values(filters)]
    sql, params = "s.grams @@ %s::tsquery", [" & ".join(terms)]
    if recheck:
        # Tokens hold only letters, digits and spaces: nothing in them is special to LIKE.
        sql += (f" AND EXISTS (SELECT 1 FROM {TABLE} d WHERE d.entry_id = s.entry_id "
                "AND d.part = 0 AND d.doc LIKE %s)")  # fmt: skip
        params.append(f"%{compact_pattern(words)}%")
    return sql, params


def count(words: list[str], filters) -> int:
    match, params = condition(words, filters)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE NOT s.chunked) "
            "+ count(DISTINCT s.entry_id) FILTER (WHERE s.chunked) "
            f"FROM {TABLE} s WHERE {match}",
            params,
        )
        return cursor.fetchone()[0]


def ids(words: list[str], filters, limit: int, offset: int, total: int) -> list[int]:
    """A page of hits, newest first. Walking the date index until the page is full is
    fastest when hits are common; when they are few it reads nearly every row, and the
    planner, which cannot know how many a prefix matches, takes it anyway. Knowing the total,
    choose: collect the hits first (MATERIALIZED) unless the walk is short."""
    match, params = condition(words, filters)
    hits = f"SELECT s.entry_id, s.published_on FROM {TABLE} s WHERE {match}"
    walk = (offset + limit) * table_size() / max(total, 1) <= WALK_LIMIT
    source = hits if walk else f"WITH hits AS MATERIALIZED ({hits}) SELECT * FROM hits"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT ON (s.published_on, s.entry_id) s.entry_id FROM ({source}) s "
            "ORDER BY s.published_on DESC NULLS LAST, s.entry_id DESC LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [pk for (pk,) in cursor.fetchall()]


def table_size() -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT greatest(reltuples, 1) FROM pg_class WHERE oid = %s::regclass",
                       [TABLE])  # fmt: skip
        return cursor.fetchone()[0]
