"""PostgreSQL: a narrow table `catalog_search` (entry_id, part, chunked, published_on, grams,
doc) with a GIN index on `grams`, a tsvector whose lexemes are the leading n-grams of every
position (`tokens.leading_grams`) plus the filter values as `#a4`, `#y2024` … A word of up
to four tokens is one prefix lexeme, ANDed with the query's other words and the filter
lexemes: the GIN index answers it exactly, and no row's text is read. Longer words AND the
lexemes of their four-token windows and check each candidate's compact text (`doc`) with
LIKE (postgresql_query.py).

Why not pg_trgm: a trigram index cannot answer a two-character word, and for common words it
must recheck every hit against its text — seconds to minutes at a million entries (measured
in docs/PERFORMANCE.md). Here a count reads only the narrow heap for visibility: `grams` and
`doc` are moved to TOAST (toast_tuple_target = 128), ~140 rows fit a page.

A text longer than CHUNK positions is split into rows (`part` 0, 1, …) overlapping by REACH
positions, so every tsvector stays far below PostgreSQL's 1 MB limit, and any REACH tokens
of a word lie in one row. `chunked` marks those entries, and so does the `#chunked` lexeme
in each of their rows: a query whose words lie in different rows finds them through the
index. This module stores entries and is the backend's face; counting is in
postgresql_counts.py (counts kept and brought up to date from a log of changes, migration
0009), pages of hits, newest first, in postgresql_pages.py, counting common words ahead in
postgresql_warmup.py. The table, its indexes and the triggers that drop an entry when it
stops being public are in migrations 0003, 0004 and 0008.
"""

from collections.abc import Iterable
from datetime import date

from django.db import connection

from gongkai.web.catalog.search_backends import postgresql_query
from gongkai.web.catalog.search_backends.facets import facet_values
from gongkai.web.catalog.search_backends.postgresql_counts import count  # noqa: F401
from gongkai.web.catalog.search_backends.postgresql_pages import ids  # noqa: F401
from gongkai.web.catalog.search_backends.postgresql_query import CHUNKED, TABLE
from gongkai.web.catalog.search_backends.tokens import compact, leading_grams, tokens

FIELDS = ("title", "doc_no", "keywords", "summary", "body", "attachments")
CHUNK = 20_000  # positions per row: ~16 bytes a lexeme keeps a tsvector well under 1 MB
INDEXES = [
    f"CREATE INDEX IF NOT EXISTS catalog_search_grams ON {TABLE} USING gin (grams) "
    "WITH (fastupdate = off)",
]
INSERT = f"INSERT INTO {TABLE} (entry_id, part, chunked, published_on, grams, doc) VALUES "
VALUES = "(%s, %s, %s, %s, array_to_tsvector(%s::text[]), %s)"
BATCH = 1000  # rows per INSERT statement


def document(fields: dict) -> str:
    # A newline between fields: no query contains one, so no hit spans two fields.
    return "\n".join(compact(fields[name]) for name in FIELDS)


def rows(pk: int, fields: dict) -> list[list]:
    positions = [gram for name in FIELDS for gram in leading_grams(tokens(fields[name]))]
    starts = range(0, max(1, len(positions)), CHUNK)
    chunked = len(starts) > 1
    facets = ["#" + value for value in facet_values(fields)] + ([CHUNKED] if chunked else [])
    return [[pk, part, chunked, fields["published_on"],
             sorted({*positions[start : start + CHUNK + postgresql_query.REACH], *facets}),
             document(fields) if part == 0 else None]
            for part, start in enumerate(starts)]  # fmt: skip


def write_order(key: tuple) -> tuple:
    """A rebuild writes entries (`key`: id, 发布日期, agency path) by publication year, then
    agency subtree, then date: what a filter on a year or an agency reads then lies together
    in the table, a fraction of its pages. Later publications come after, as they are made."""
    pk, published_on, path = key
    return (published_on.year if published_on else 0, path, published_on or date.min, pk)


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
        cursor.execute("DROP INDEX IF EXISTS catalog_search_grams")


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
