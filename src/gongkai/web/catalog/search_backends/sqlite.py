"""SQLite: an FTS5 table (unicode61 tokenizer), one column per text field holding
overlapping character pairs (`tokens.document_grams`), and a `facets` column of filter tokens
(`facets.py`), so that a filtered search is answered by the index alone. A query is one
phrase per word, each restricted to the text columns, ANDed with each other and with the
filters' facet tokens. An entry's rowid is its key, `发布日期 << 32 | id` (`key()`;
catalog_search_keys maps the entry to it, migration 0012), so that rowid order is
publication order.

Order: when the query matches at most RANK_LIMIT entries, best first — by the fields it is
found in (名称 weighs most, then 文号, 关键词, 内容概述; RANKED_FIELDS), newest first among
equals — then newest first. FTS5's bm25 would rank too, but it evaluates the phrase a second
time for its IDF (which one phrase does not even need), ~25 ms for a 文号 at a million
entries; reading the hits' short fields costs ~6 µs each. Beyond RANK_LIMIT, a ranking of
thousands of equally plausible hits is noise: newest first (rowid descending, read straight
from the index: by 发布日期, as the 目录 lists them). Created in migration 0003.

Counts that are slow to take are kept and follow the changes to the index
(`sqlite_counts.py`): every store and removal is logged here, in catalog_search_changes, under
a new generation; a change of more than LOG_LIMIT rows (a rebuild) or LOG_TEXT_LIMIT
characters logs nothing and forgets every count instead (migration 0011).
"""

import random
from collections.abc import Iterable

from django.db import connection, transaction

from gongkai.web.catalog.search_backends import sqlite_counts, warmup
from gongkai.web.catalog.search_backends.facets import facet_values, filter_values
from gongkai.web.catalog.search_backends.tokens import (
    document_grams,
    is_cjk,
    join_compact,
    query_grams,
    tokens,
)

TABLE = "catalog_search"
TEXT = ("title", "doc_no", "keywords", "summary", "body", "attachments")
# What a hit in each short field adds to an entry's rank; hits only in the text add nothing.
RANKED_FIELDS = {"title": 10, "doc_no": 8, "keywords": 5, "summary": 3}
RANK_LIMIT = 1000
LOG_LIMIT = 200  # rows one change may add and remove and still be logged (as in 0009)
LOG_TEXT_LIMIT = 200_000  # characters of pairs one change may log: the log keeps 2,000 changes
COLUMNS = ", ".join([*TEXT, "facets"])
INSERT = f"INSERT INTO {TABLE} (rowid, {COLUMNS}) VALUES (%s{', %s' * (len(TEXT) + 1)})"
ID_BITS = 32  # the low bits of a key: the entry's id


def key(pk: int, published_on) -> int:
    """The entry's rowid: newer 发布日期 first, then the higher id, when read descending."""
    return (published_on.toordinal() if published_on else 0) << ID_BITS | pk


def entry_id(key: int) -> int:
    return key & ((1 << ID_BITS) - 1)


def row(pk: int, document: dict) -> list:
    text = [" ".join(document_grams(tokens(document[name]))) for name in TEXT]
    return [key(pk, document["published_on"]), *text, " ".join(facet_values(document))]


def write_order(entry: tuple) -> int:
    """A rebuild writes entries (`entry`: id, 发布日期, agency path) in key order: FTS5 keeps
    its lists by rowid, and appending to them is fastest."""
    pk, published_on, _path = entry
    return key(pk, published_on)


def store(pk: int, document: dict) -> None:
    store_many([(pk, document)])


def store_many(documents: Iterable[tuple[int, dict]]) -> None:
    values = [row(pk, document) for pk, document in documents]
    # One transaction: a reader sees the new generation with its log, or neither.
    with transaction.atomic(), connection.cursor() as cursor:
        old = keys_of(cursor, [entry_id(v[0]) for v in values])
        log_changes(cursor, old, values)
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [[k] for k in old])
        cursor.executemany(INSERT, values)
        cursor.executemany("INSERT OR REPLACE INTO catalog_search_keys (entry_id, key) "
                           "VALUES (%s, %s)", [[entry_id(v[0]), v[0]] for v in values])  # fmt: skip


def remove(pk: int) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        old = keys_of(cursor, [pk])
        log_changes(cursor, old, [])
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [[k] for k in old])
        cursor.execute("DELETE FROM catalog_search_keys WHERE entry_id = %s", [pk])


def keys_of(cursor, pks: list[int]) -> list[int]:
    """The keys the entries are indexed under now (none for those not in the index)."""
    if not pks:
        return []
    cursor.execute(f"SELECT key FROM catalog_search_keys WHERE entry_id IN ({marks(pks)})", pks)
    return [k for (k,) in cursor.fetchall()]


def marks(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def clear() -> None:
    """Empty the index: dropped and made again as migration 0003 made it, since deleting a
    million FTS5 rows one by one reads and unindexes each of them (tens of minutes). The
    drop does not zero the freed pages (Debian's SQLite does by default, secure_delete): it
    would write the whole index again, 2.9 s instead of 0.16 s for 370 MB. What it frees
    was public text."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(FORGET_EVERY_COUNT)
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [TABLE])
        (create,) = cursor.fetchone()
        cursor.execute("PRAGMA secure_delete")
        (usual,) = cursor.fetchone()
        cursor.execute("PRAGMA secure_delete = FAST")
        try:
            cursor.execute(f"DROP TABLE {TABLE}")
        finally:
            cursor.execute(f"PRAGMA secure_delete = {['OFF', 'ON', 'FAST'][usual]}")
        cursor.execute(create)
        cursor.execute("DELETE FROM catalog_search_keys")


# A new generation whose floor is itself: migration 0011's trigger then empties the log and
# drops every kept count.
FORGET_EVERY_COUNT = "UPDATE catalog_search_generation SET n = n + 1, floor = n + 1"
LOG = (f"INSERT INTO catalog_search_changes (generation, sign, {COLUMNS}) "
       f"SELECT n, %s{', %s' * (len(TEXT) + 1)} FROM catalog_search_generation")  # fmt: skip


def log_changes(cursor, replaced: list[int], added: list[list]) -> None:
    """Log, under a new generation, the index rows of the keys `replaced` as removed and the
    rows `added` (as `row()` makes them) as added — before the index is changed."""
    if len(replaced) + len(added) > LOG_LIMIT:
        cursor.execute(FORGET_EVERY_COUNT)
        return
    removed = []
    if replaced:
        cursor.execute(f"SELECT {COLUMNS} FROM {TABLE} WHERE rowid IN ({marks(replaced)})",
                       replaced)  # fmt: skip
        removed = cursor.fetchall()
    if not removed and not added:
        return
    logged = [[-1, *columns] for columns in removed] + [[1, *values[1:]] for values in added]
    if sum(len(text) for _sign, *columns in logged for text in columns) > LOG_TEXT_LIMIT:
        cursor.execute(FORGET_EVERY_COUNT)  # an attachment of a book's length: not logged
        return
    cursor.execute("UPDATE catalog_search_generation SET n = n + 1")
    cursor.executemany(LOG, logged)


def optimise() -> None:
    """Merge the index's segments into one: fewer b-trees to read per query."""
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")


def warm() -> int:
    """Count the most common words (warmup.py) in full, unfiltered, and keep their counts;
    returns how many were counted."""
    words = warmup.words_to_warm(sample_texts())
    for word in words:
        sqlite_counts.count(expression([word], warmup.NO_FILTERS), keep=True)
    return len(words)


def sample_texts(size: int | None = None, tries: int = 20) -> list[str]:
    """About `size` (SAMPLE) entries' texts, one field a line, drawn evenly by id: read from the
    index's pairs (each position's pair starts with its token)."""
    size = size or warmup.SAMPLE
    rng = random.Random(7)
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(entry_id), 0) FROM catalog_search_keys")
        last = cursor.fetchone()[0]  # ids are dense: few draws miss
        found = []
        for pk in rng.sample(range(1, last + 1), min(last, size * tries)):
            cursor.execute(f"SELECT {', '.join(TEXT)} FROM {TABLE} WHERE rowid = (SELECT key "
                           "FROM catalog_search_keys WHERE entry_id = %s)", [pk])  # fmt: skip
            if fields := cursor.fetchone():
                found.append("\n".join(join_compact(
                    [gram[0] if is_cjk(gram) else gram for gram in text.split()])
                    for text in fields))  # fmt: skip
            if len(found) == size:
                break
    return found


def quoted(token: str) -> str:
    # Tokens hold only letters and digits; FTS5's rule for a quote (double it) applies anyway.
    return '"' + token.replace('"', '""') + '"'


def expression(words: list[list[str]], filters) -> str:
    """The MATCH expression: one phrase per word of the query (`tokens.query_words`), each
    in any text column, ANDed with the filters. Built from tokens only, so it is never a
    syntax error; the same words give the same expression, which keys a kept count."""
    columns = "{" + " ".join(TEXT) + "} : "
    texts = [columns + phrase(word) for word in words]
    return " AND ".join([*texts, *(f"facets : {quoted(t)}" for t in filter_values(filters))])


def phrase(word: list[str]) -> str:
    grams, prefix = query_grams(word)
    return quoted(" ".join(grams)) + (" *" if prefix else "")


def count(words: list[list[str]], filters) -> tuple[int, bool]:
    """Exact, always: the index holds positions, so a phrase needs no check of the text."""
    return sqlite_counts.count(expression(words, filters)), True


def ids(words: list[list[str]], filters, limit: int, offset: int, total: int) -> list[int]:
    match = expression(words, filters)
    with connection.cursor() as cursor:
        if total > RANK_LIMIT:
            cursor.execute(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s "
                           "ORDER BY rowid DESC LIMIT %s OFFSET %s",
                           [match, limit, offset])  # fmt: skip
            return [entry_id(k) for (k,) in cursor.fetchall()]
        cursor.execute(f"SELECT rowid, {', '.join(RANKED_FIELDS)} FROM {TABLE} "
                       f"WHERE {TABLE} MATCH %s", [match])  # fmt: skip
        hits = cursor.fetchall()
    needles = [phrase_needle(word) for word in words]
    weights = list(RANKED_FIELDS.values())
    rank = {hit[0]: sum(weight for weight, field in zip(weights, hit[1:], strict=True)
                        for needle in needles if needle in f" {field} ")
            for hit in hits}  # fmt: skip
    ranked = sorted(rank, key=lambda k: (rank[k], k), reverse=True)  # newest first among equals
    return [entry_id(k) for k in ranked[offset : offset + limit]]


def phrase_needle(word: list[str]) -> str:
    """What a field of the index (pairs separated by spaces, padded with one) holds where
    the word's phrase is: its pairs, the last one whole unless it is a prefix."""
    grams, prefix = query_grams(word)
    return " " + " ".join(grams) + ("" if prefix else " ")
