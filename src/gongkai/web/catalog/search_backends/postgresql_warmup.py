"""PostgreSQL: count the catalogue's most common words before anyone searches for them.

Counting a word found in 5 % of a million entries visits 50,000 rows of the index (~0.4 µs
each, plus decoding its postings): 30–200 ms the first time, ~1 ms once the count is kept
(postgresql.exact_count keeps it and brings it up to date from the log of changes). Which
words those are is read from a sample of the entries' texts: every run of one to four tokens
found in WARM_FROM of the sample (with some slack) is counted in full, and kept. Run after a
rebuild of the index and from time to time after (`gongkai catalog warm-search`): a kept
count is dropped once MAX_LAG generations of changes have passed it unread (migration 0009).
"""

from collections import Counter

from django.db import connection

from gongkai.web.catalog.search_backends.postgresql_counts import exact_count
from gongkai.web.catalog.search_backends.postgresql_query import TABLE, query_terms
from gongkai.web.catalog.search_backends.tokens import GRAM, tokens

WARM_FROM = 0.05  # share of the entries a word must be in to be counted ahead
SAMPLE = 5_000  # texts read to find those words
SLACK = 0.7  # a sample share this far below WARM_FROM still counts (sampling error)
LIMIT = 2_000  # words counted at most, the most common first


def common_words(sample: list[str], share: float = WARM_FROM) -> list[list[str]]:
    """The runs of one to GRAM tokens in at least `share` × SLACK of the texts (each counted
    once a text, within a line: a text's fields are its lines), most common first."""
    found: Counter = Counter()
    for text in sample:
        runs = set()
        for line in text.split("\n"):
            parts = tokens(line)
            runs.update(tuple(parts[n : n + size]) for size in range(1, GRAM + 1)
                        for n in range(len(parts) - size + 1))  # fmt: skip
        found.update(runs)
    least = max(1, share * SLACK * len(sample))
    return [list(run) for run, texts in found.most_common() if texts >= least]


def sample_texts(size: int = SAMPLE) -> list[str]:
    """About `size` entries' compact texts, drawn evenly from the whole index."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT greatest(count(*), 1) FROM {TABLE} WHERE part = 0")
        rows = cursor.fetchone()[0]
        percent = min(100.0, 100.0 * size / rows)
        cursor.execute(f"SELECT doc FROM {TABLE} TABLESAMPLE BERNOULLI (%s) "
                       "REPEATABLE (7) WHERE part = 0", [percent])  # fmt: skip
        return [doc for (doc,) in cursor.fetchall()]


def warm(limit: int = LIMIT) -> int:
    """Count the most common words in full, unfiltered, and keep their counts; returns how
    many were counted."""
    words = common_words(sample_texts(), WARM_FROM)[:limit]
    for word in words:
        exact_count(query_terms(word, NO_FILTERS)[0], None)
    return len(words)


class NoFilters:
    agency = subject = form = year = validity = None


NO_FILTERS = NoFilters()
