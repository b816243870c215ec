"""PostgreSQL: a search as SQL on `catalog_search s` — its tsquery terms, the LIKE pattern a
long query is checked with, and the WHERE that finds one row per entry. Built from tokens
only, so that no query is ever a syntax error."""

from gongkai.web.catalog.search_backends.facets import filter_values
from gongkai.web.catalog.search_backends.tokens import compact_pattern, query_lexemes

TABLE = "catalog_search"
# Rows of a long text overlap by this many positions; a query is looked up by its first REACH
# tokens, which therefore lie in one row.
REACH = 64


def quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def query_terms(words: list[str], filters) -> tuple[list[str], str | None]:
    """The tsquery's terms (ANDed) and, when a hit must be checked against the text, the
    LIKE pattern. Built from tokens only: never a syntax error."""
    lexemes, prefix, recheck = query_lexemes(words, REACH)
    terms = [quoted(lexeme) + (":*" if prefix else "") for lexeme in lexemes]
    terms += [quoted("#" + value) for value in filter_values(filters)]
    # Tokens hold only letters, digits and spaces: nothing in them is special to LIKE.
    return terms, f"%{compact_pattern(words)}%" if recheck else None


def condition(terms: list[str], pattern: str | None) -> tuple[str, list]:
    """WHERE on `catalog_search s`: matching rows, one per entry (a long text's first
    matching part), and, when asked, only those whose text holds the pattern."""
    query = " & ".join(terms)
    first_part = f"SELECT min(c.part) FROM {TABLE} c WHERE c.entry_id = s.entry_id"
    first_part += " AND c.grams @@ %s::tsquery"
    sql = f"s.grams @@ %s::tsquery AND (NOT s.chunked OR s.part = ({first_part}))"
    params = [query, query]
    if pattern is not None:
        sql += f" AND {holds_pattern()}"
        params += [pattern, pattern]
    return sql, params


def holds_pattern() -> str:
    """Whether the entry of row `s` holds the pattern: its text is in part 0, which is `s`
    itself unless the text was split into rows (~4 µs, read from TOAST)."""
    return (f"CASE WHEN s.part = 0 THEN s.doc LIKE %s ELSE EXISTS (SELECT 1 FROM {TABLE} d "
            "WHERE d.entry_id = s.entry_id AND d.part = 0 AND d.doc LIKE %s) END")  # fmt: skip
