"""PostgreSQL: a search as SQL on `catalog_search s` — each word's tsquery terms, the LIKE
patterns long words are checked with, and the WHERE that finds one row per entry. Built from
tokens only, so that no query is ever a syntax error."""

from dataclasses import dataclass, replace

from gongkai.web.catalog.search_backends.facets import filter_values
from gongkai.web.catalog.search_backends.tokens import compact_pattern, query_lexemes

TABLE = "catalog_search"
# Rows of a long text overlap by this many positions; a word is looked up by its first REACH
# tokens, which therefore lie in one row.
REACH = 64
# In every row of an entry whose text is split into rows: the words of a query may then lie
# in different rows, and such an entry is found by its first word's row (condition()).
CHUNKED = "#chunked"


@dataclass(frozen=True)
class Query:
    """What the index is asked: each word's terms (ANDed), the filters' terms (ANDed with
    every word), and the LIKE patterns that the text of a hit must hold (words longer than
    one lexeme)."""

    words: tuple[tuple[str, ...], ...]
    filters: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def tsquery(self, *words: int) -> str:
        """The tsquery of the words numbered (all of them if none is named) and the filters."""
        chosen = words or range(len(self.words))
        return " & ".join([term for n in chosen for term in self.words[n]] + list(self.filters))

    def unchecked(self) -> "Query":
        """The candidates: the same query without its check of the text."""
        return replace(self, patterns=())

    def narrowed(self, term: str) -> "Query":
        return replace(self, filters=(*self.filters, term))

    @property
    def key(self) -> str:
        """What a kept count is kept under; a one-word query's as before words were ANDed."""
        terms = [term for word in self.words for term in word] + list(self.filters)
        patterns = list(self.patterns) or [""]
        prefix = [f"{len(self.words)} words"] if len(self.words) > 1 else []
        return "\n".join(prefix + terms + patterns)


def quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def query_terms(words: list[list[str]], filters) -> Query:
    """The query for the words (`tokens.query_words`) and filters."""
    terms, patterns = [], []
    for word in words:
        lexemes, prefix, recheck = query_lexemes(word, REACH)
        terms.append(tuple(quoted(lexeme) + (":*" if prefix else "") for lexeme in lexemes))
        if recheck:  # tokens hold only letters, digits and spaces: nothing special to LIKE
            patterns.append(f"%{compact_pattern(word)}%")
    facets = tuple(quoted("#" + value) for value in filter_values(filters))
    return Query(tuple(terms), facets, tuple(patterns))


def condition(query: Query) -> tuple[str, list]:
    """WHERE on `catalog_search s`: matching rows, one per entry (a long text's first
    matching part), and only those whose text holds the patterns."""
    sql, params = one_row(query) if len(query.words) == 1 else one_row_of_each(query)
    if query.patterns:
        check, more = holds_pattern(query.patterns)
        sql, params = f"({sql}) AND {check}", params + more
    return sql, params


def one_row(query: Query) -> tuple[str, list]:
    """One word: every row holding it (and the filters), the first of a long text's."""
    tsquery = query.tsquery()
    first_part = f"SELECT min(c.part) FROM {TABLE} c WHERE c.entry_id = s.entry_id"
    first_part += " AND c.grams @@ %s::tsquery"
    sql = f"s.grams @@ %s::tsquery AND (NOT s.chunked OR s.part = ({first_part}))"
    return sql, [tsquery, tsquery]


def one_row_of_each(query: Query) -> tuple[str, list]:
    """Several words: a row holding them all, of an entry in one row; or, of an entry split
    into rows, the first row holding the first word, if each other word is in one of its
    rows. Both are found through the GIN index (the second by the CHUNKED lexeme)."""
    others = range(1, len(query.words))
    exists = "".join(f" AND EXISTS (SELECT 1 FROM {TABLE} c WHERE c.entry_id = s.entry_id "
                     "AND c.grams @@ %s::tsquery)" for _ in others)  # fmt: skip
    first = query.tsquery(0)
    sql = (f"(NOT s.chunked AND s.grams @@ %s::tsquery) OR (s.grams @@ %s::tsquery "
           f"AND s.part = (SELECT min(c.part) FROM {TABLE} c WHERE c.entry_id = s.entry_id "
           f"AND c.grams @@ %s::tsquery){exists})")  # fmt: skip
    chunked_first = f"{first} & {quoted(CHUNKED)}"
    return sql, [query.tsquery(), chunked_first, first, *(query.tsquery(n) for n in others)]


def holds_pattern(patterns: tuple[str, ...]) -> tuple[str, list]:
    """Whether the entry of row `s` holds every pattern: its text is in part 0, which is `s`
    itself unless the text was split into rows (~4 µs, read from TOAST)."""
    one = len(patterns) == 1
    like, value = ("LIKE %s", patterns[0]) if one else ("LIKE ALL (%s::text[])", list(patterns))
    sql = (f"CASE WHEN s.part = 0 THEN s.doc {like} ELSE EXISTS (SELECT 1 FROM {TABLE} d "
           f"WHERE d.entry_id = s.entry_id AND d.part = 0 AND d.doc {like}) END")  # fmt: skip
    return sql, [value, value]
