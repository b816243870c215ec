"""SQLite: an FTS5 table (unicode61 tokenizer) of the space-separated tokens, one column per
field, rowid = entry id; a query is one phrase of its tokens, ranked by bm25 with the title
weighted most. Created with its triggers in migration 0002."""

from collections.abc import Iterable

from django.db import connection

from gongkai.web.catalog.search_backends.tokens import spaced

TABLE = "catalog_search"
FIELDS = ("title", "doc_no", "keywords", "summary", "body", "attachments")
WEIGHTS = "10.0, 8.0, 5.0, 3.0, 1.0, 1.0"  # per column of FIELDS
INSERT = f"INSERT INTO {TABLE} (rowid, {', '.join(FIELDS)}) VALUES (%s{', %s' * len(FIELDS)})"
FROM = f"FROM {TABLE} JOIN catalog_entry e ON e.id = {TABLE}.rowid"


def row(pk: int, fields: dict[str, str]) -> list:
    return [pk, *(spaced(fields[name]) for name in FIELDS)]


def store(pk: int, fields: dict[str, str]) -> None:
    store_many([(pk, fields)])


def store_many(rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    values = [row(pk, fields) for pk, fields in rows]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [[v[0]] for v in values])
        cursor.executemany(INSERT, values)


def remove(pk: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [pk])


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")


def optimise() -> None:
    """Merge the index's segments into one: fewer b-trees to read per query."""
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")


def phrase(words: list[str]) -> str:
    # Tokens hold only letters and digits, so quoting cannot be escaped from; FTS5's rule for
    # a quote inside a string (double it) is applied all the same.
    return '"' + " ".join(word.replace('"', '""') for word in words) + '"'


def count(words: list[str], filters) -> int:
    where, params = filters.sql("e")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {FROM} WHERE {TABLE} MATCH %s AND {' AND '.join(where)}",
                       [phrase(words), *params])  # fmt: skip
        return cursor.fetchone()[0]


def ids(words: list[str], filters, limit: int, offset: int) -> list[int]:
    where, params = filters.sql("e")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id {FROM} WHERE {TABLE} MATCH %s AND {' AND '.join(where)} "
            f"ORDER BY bm25({TABLE}, {WEIGHTS}), e.published_on DESC, e.id DESC "
            "LIMIT %s OFFSET %s",
            [phrase(words), *params, limit, offset],
        )
        return [pk for (pk,) in cursor.fetchall()]
