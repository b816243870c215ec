"""PostgreSQL: a table (entry_id, doc) holding the compact form of every field, searched with
LIKE '%…%'. A pg_trgm GIN index serves queries with a trigram; a two-character Chinese word
has none, so a GIN index of the doc's CJK bigrams (`gongkai_bigrams(doc)`) serves those.
Results come newest first: pg_trgm similarity says little about short Chinese queries.
Created with its trigger function in migration 0003.

Exact, but it rechecks every hit against its text: fine for selective queries, far too slow
for common words at a million entries (measured in docs/PERFORMANCE.md, with the design that
replaces it)."""

from collections.abc import Iterable

from django.db import connection

from gongkai.web.catalog.search_backends.tokens import compact, compact_pattern, is_cjk

TABLE = "catalog_search"
FIELDS = ("title", "doc_no", "keywords", "summary", "body", "attachments")
FROM = f"FROM {TABLE} s JOIN catalog_entry e ON e.id = s.entry_id"


def document(fields: dict[str, str]) -> str:
    # A newline between fields: no query contains one, so no hit spans two fields.
    return "\n".join(compact(fields[name]) for name in FIELDS)


def store(pk: int, fields: dict[str, str]) -> None:
    store_many([(pk, fields)])


def store_many(rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TABLE} (entry_id, doc) VALUES (%s, %s) "
            "ON CONFLICT (entry_id) DO UPDATE SET doc = EXCLUDED.doc",
            [(pk, document(fields)) for pk, fields in rows],
        )


def remove(pk: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE entry_id = %s", [pk])


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TABLE}")


def optimise() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}")


def condition(words: list[str]) -> tuple[str, list]:
    pattern = compact_pattern(words)
    if len(words) == 2 and all(is_cjk(word) for word in words):
        return "gongkai_bigrams(s.doc) @> ARRAY[%s]::text[] AND s.doc LIKE %s", [
            "".join(words), f"%{pattern}%"]  # fmt: skip
    # Tokens hold only letters, digits and spaces: nothing in them is special to LIKE.
    return "s.doc LIKE %s", [f"%{pattern}%"]


def count(words: list[str], filters) -> int:
    match, match_params = condition(words)
    where, params = filters.sql("e")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {FROM} WHERE {match} AND {' AND '.join(where)}",
                       [*match_params, *params])  # fmt: skip
        return cursor.fetchone()[0]


def ids(words: list[str], filters, limit: int, offset: int, total: int) -> list[int]:
    match, match_params = condition(words)
    where, params = filters.sql("e")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id {FROM} WHERE {match} AND {' AND '.join(where)} "
            "ORDER BY e.published_on DESC NULLS LAST, e.id DESC LIMIT %s OFFSET %s",
            [*match_params, *params, limit, offset],
        )
        return [pk for (pk,) in cursor.fetchall()]
