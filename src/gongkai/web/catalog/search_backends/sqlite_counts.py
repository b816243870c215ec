"""SQLite: how many entries a search finds. FTS5 counts a phrase by reading the position
lists of all its pairs: 10 ms for a two-character word in 12 % of a million entries, 30–50 ms
for four characters, 150 ms for an agency's full name. So a count that took longer than
KEEP_SLOWER_THAN_MS is kept in catalog_search_counts with the generation of the index it was
taken at, and brought up to date from the log of changes since (catalog_search_changes, an
FTS5 table of the rows added and removed, matched by the same expression: migration 0011)
when next asked for — under a millisecond."""

import time
from contextlib import contextmanager

from django.db import OperationalError, connection, transaction

KEEP_SLOWER_THAN_MS = 5  # a count that took longer is kept
KEEP_WAIT_MS = 50  # how long keeping a count may wait for another writer

# The kept count, if it may be carried forward, plus the signs of the logged rows since
# that the expression matches. One statement: one snapshot of the index, log and counts.
KEPT_COUNT = """
SELECT g.n, c.generation, c.total + coalesce((
    SELECT sum(sign) FROM catalog_search_changes
    WHERE catalog_search_changes MATCH %s AND generation > c.generation), 0)
FROM catalog_search_generation g
LEFT JOIN catalog_search_counts c ON c.query = %s AND c.generation >= g.floor
"""
KEEP = """
INSERT INTO catalog_search_counts (query, generation, total) VALUES (%s, %s, %s)
ON CONFLICT (query) DO UPDATE SET generation = excluded.generation, total = excluded.total
WHERE excluded.generation > catalog_search_counts.generation
"""


def count(expression: str, keep: bool = False) -> int:
    """The number of entries the MATCH expression finds: kept, or counted (and kept if that
    was slow, or if `keep`)."""
    with connection.cursor() as cursor:
        cursor.execute(KEPT_COUNT, [expression, expression])
        generation, kept_at, total = cursor.fetchone()
        if kept_at is None:
            started = time.perf_counter()
            cursor.execute("SELECT (SELECT n FROM catalog_search_generation), count(*) "
                           "FROM catalog_search WHERE catalog_search MATCH %s",
                           [expression])  # fmt: skip
            generation, total = cursor.fetchone()
            keep = keep or (time.perf_counter() - started) * 1000 > KEEP_SLOWER_THAN_MS
        if keep or (kept_at is not None and kept_at != generation):
            keep_count(cursor, expression, generation, total)
        return total


def keep_count(cursor, expression: str, generation: int, total: int) -> None:
    """Keep the count, unless another connection is writing: a search never waits long for
    a write (SQLite has one writer at a time), and the count is only kept next time."""
    try:
        with waiting_at_most(cursor, KEEP_WAIT_MS), transaction.atomic():
            cursor.execute(KEEP, [expression, generation, total])
    except OperationalError:
        pass


@contextmanager
def waiting_at_most(cursor, milliseconds: int):
    cursor.execute("PRAGMA busy_timeout")
    usual = cursor.fetchone()[0]
    cursor.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
    try:
        yield
    finally:
        cursor.execute(f"PRAGMA busy_timeout = {int(usual)}")
