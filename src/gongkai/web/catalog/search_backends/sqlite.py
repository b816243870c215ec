"""SQLite: an FTS5 table (unicode61 tokenizer), rowid = entry id, one column per text field
holding overlapping character pairs (`tokens.document_grams`), and a `facets` column of
filter tokens (`facets.py`), so that a filtered search is answered by the index alone.
A query is one phrase, restricted to the text columns, AND the filters' facet tokens.

Order: bm25 (title weighted most) when the query matches at most RANK_LIMIT entries;
beyond that, computing bm25 for every match costs more than the 50 ms budget at a million
entries, and a ranking of thousands of equally plausible hits is noise: newest first
(rowid descending, read straight from the index). Created in migration 0003.
"""

from collections.abc import Iterable

from django.db import connection

from gongkai.web.catalog.search_backends.facets import facet_values, filter_values
from gongkai.web.catalog.search_backends.tokens import document_grams, query_grams, tokens

TABLE = "catalog_search"
TEXT = ("title", "doc_no", "keywords", "summary", "body", "attachments")
WEIGHTS = "10.0, 8.0, 5.0, 3.0, 1.0, 1.0, 0.0"  # per column: TEXT, then facets
RANK_LIMIT = 1000
COLUMNS = ", ".join([*TEXT, "facets"])
INSERT = f"INSERT INTO {TABLE} (rowid, {COLUMNS}) VALUES (%s{', %s' * (len(TEXT) + 1)})"


def row(pk: int, document: dict) -> list:
    text = [" ".join(document_grams(tokens(document[name]))) for name in TEXT]
    return [pk, *text, " ".join(facet_values(document))]


def write_order(key: tuple) -> int:
    """A rebuild writes entries (`key`: id, 发布日期, agency path) in id order: FTS5 keeps its
    lists by rowid, and appending to them is fastest."""
    return key[0]


def store(pk: int, document: dict) -> None:
    store_many([(pk, document)])


def store_many(documents: Iterable[tuple[int, dict]]) -> None:
    values = [row(pk, document) for pk, document in documents]
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


def warm() -> int:
    """Nothing to do: FTS5 counts a common word in a few milliseconds (postgresql_warmup)."""
    return 0


def quoted(token: str) -> str:
    # Tokens hold only letters and digits; FTS5's rule for a quote (double it) applies anyway.
    return '"' + token.replace('"', '""') + '"'


def expression(words: list[str], filters) -> str:
    """The MATCH expression: built from tokens only, so it is never a syntax error."""
    grams, prefix = query_grams(words)
    text = "{" + " ".join(TEXT) + "} : " + quoted(" ".join(grams)) + (" *" if prefix else "")
    return " AND ".join([text, *(f"facets : {quoted(t)}" for t in filter_values(filters))])


def count(words: list[str], filters) -> tuple[int, bool]:
    """Exact, always: the index holds positions, so a phrase needs no check of the text."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH %s",
                       [expression(words, filters)])  # fmt: skip
        return cursor.fetchone()[0], True


def ids(words: list[str], filters, limit: int, offset: int, total: int) -> list[int]:
    order = f"bm25({TABLE}, {WEIGHTS}), rowid DESC" if total <= RANK_LIMIT else "rowid DESC"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY {order} LIMIT %s OFFSET %s",
            [expression(words, filters), limit, offset],
        )
        return [pk for (pk,) in cursor.fetchall()]
