"""PostgreSQL: count the catalogue's most common words (warmup.py) before anyone searches for
them. Counting a word found in 5 % of a million entries visits 50,000 rows of the index
(~0.4 µs each, plus decoding its postings): 30–200 ms the first time, ~1 ms once kept."""

from django.db import connection

from gongkai.web.catalog.search_backends import warmup
from gongkai.web.catalog.search_backends.postgresql_counts import exact_count
from gongkai.web.catalog.search_backends.postgresql_query import TABLE, query_terms


def sample_texts(size: int | None = None) -> list[str]:
    """About `size` (SAMPLE) entries' compact texts, drawn evenly from the whole index."""
    size = size or warmup.SAMPLE
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT greatest(count(*), 1) FROM {TABLE} WHERE part = 0")
        rows = cursor.fetchone()[0]
        percent = min(100.0, 100.0 * size / rows)
        cursor.execute(f"SELECT doc FROM {TABLE} TABLESAMPLE BERNOULLI (%s) "
                       "REPEATABLE (7) WHERE part = 0", [percent])  # fmt: skip
        return [doc for (doc,) in cursor.fetchall()]


def warm() -> int:
    """Count the most common words in full, unfiltered, and keep their counts; returns how
    many were counted."""
    words = warmup.words_to_warm(sample_texts())
    for word in words:
        exact_count(query_terms([word], warmup.NO_FILTERS), keep=True)
    return len(words)
