"""Which words to count before anyone searches for them, the same on both databases.

Counting a word found in 5 % of a million entries costs 10–200 ms the first time and about a
millisecond once the count is kept (postgresql_counts, sqlite_counts keep it and bring it up
to date from the log of changes). Which words those are is read from a sample of the
entries' texts: every run of one to four tokens found in WARM_FROM of the sample (with some
slack) is counted in full, and kept. Run after a rebuild of the index and from time to time
after (`gongkai catalog warm-search`): a kept count is dropped once MAX_LAG generations of
changes have passed it unread (migrations 0009, 0011).
"""

from collections import Counter

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


def words_to_warm(sample: list[str]) -> list[list[str]]:
    """The common words of the sample, none if it is less than half of SAMPLE: a catalogue
    that small counts any word in a millisecond or two."""
    if len(sample) < SAMPLE / 2:
        return []
    return common_words(sample, WARM_FROM)[:LIMIT]


class NoFilters:
    agency = subject = form = item = year = validity = None


NO_FILTERS = NoFilters()
