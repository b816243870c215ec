"""The one normalisation of text and queries, shared by both databases (no Django).

Text is NFKC-folded and case-folded, then cut into tokens: every character from U+2E80 on
(CJK ideographs, kana, hangul …) is a token of its own, and each run of other letters and
digits (`2023`, `pdf`) is one token; punctuation and spaces only separate. A query is cut
into words at white space (any width, any number): a word matches a text when its tokens
occur consecutively in it, and a query matches an entry when each of its words matches one
of the entry's fields (财政 预算: both, anywhere). `matches()` is the definition that both
databases must agree with.
"""

import re
import unicodedata

CJK_START = "\u2e80"
TOKEN = re.compile(rf"[^\W_{CJK_START}-\U0010ffff]+|[^\W_]")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def is_cjk(token: str) -> bool:
    return token >= CJK_START


def spaced(text: str) -> str:
    """Every token separated by one space: what FTS5 indexes (unicode61 splits on spaces)."""
    return " ".join(tokens(text))


def join_compact(parts: list[str]) -> str:
    """Tokens joined without a space inside CJK runs and with one elsewhere."""
    out = []
    for previous, token in zip([None, *parts], parts, strict=False):
        if previous is not None and not (is_cjk(previous) and is_cjk(token)):
            out.append(" ")
        out.append(token)
    return "".join(out)


def compact(text: str) -> str:
    """PostgreSQL's form, padded with spaces so that a pattern like `' 5 号'` can only match
    where the token `5` starts: then LIKE '%…%' means exactly `matches()`."""
    return " " + join_compact(tokens(text)) + " "


def compact_pattern(words: list[str]) -> str:
    """The LIKE substring for a query's tokens: a Latin word or a number at either end is
    bounded by a space, so `5号` does not find `15号`; a CJK token is whole by itself."""
    before = "" if is_cjk(words[0]) else " "
    after = "" if is_cjk(words[-1]) else " "
    return before + join_compact(words) + after


MAX_WORDS = 5  # words of a query searched for; each more is one more list to intersect


def query_words(query: str) -> list[list[str]]:
    """The words of a query, each as its tokens, as the index is asked for them: at most
    MAX_WORDS, without repeats or words that another word contains (预算 in 预算执行), in one
    order — so the same search typed differently is the same search, and keeps one count."""
    words = [parts for _typed, parts in typed_words(query)[:MAX_WORDS]]
    kept = [
        word
        for n, word in enumerate(words)
        if not any(contains(other, word) for other in words[:n] + words[n + 1 :])
    ]
    return sorted(kept)


def ignored_words(query: str) -> list[str]:
    """The words of a query beyond MAX_WORDS, as typed: not searched for."""
    return [typed for typed, _parts in typed_words(query)[MAX_WORDS:]]


def typed_words(query: str) -> list[tuple[str, list[str]]]:
    """Each distinct word of the query (by its tokens) as typed, and its tokens."""
    found: dict[tuple[str, ...], str] = {}
    for word in unicodedata.normalize("NFKC", query).split():
        if parts := tokens(word):
            found.setdefault(tuple(parts), word)
    return [(typed, list(parts)) for parts, typed in found.items()]


def contains(longer: list[str], word: list[str]) -> bool:
    """Whether `word`'s tokens occur consecutively in `longer`'s."""
    return f" {' '.join(word)} " in f" {' '.join(longer)} "


def matches(query: str, *texts: str) -> bool:
    """The definition of a hit: each word of the query has its tokens consecutively in one
    of the texts (an entry's fields)."""
    words = query_words(query)
    fields = [tokens(text) for text in texts]
    return bool(words) and all(any(contains(field, word) for field in fields) for word in words)


# -- overlapping bigrams: what the SQLite index holds --------------------------------------
#
# One token per character makes every query a phrase over very long lists (a common
# character occurs in most entries). Instead, each CJK character is indexed as the pair it
# starts (预算法 → 预算 算法 法): still one token per character position, so phrases work
# as before, but a 2-character word is a single token and longer words are phrases of
# pairs. The last character of a run stands alone, so that every character starts a token.


def document_grams(parts: list[str]) -> list[str]:
    grams = []
    for n, token in enumerate(parts):
        following = parts[n + 1] if n + 1 < len(parts) else ""
        grams.append(token + following if is_cjk(token) and is_cjk(following) else token)
    return grams


def query_grams(parts: list[str]) -> tuple[list[str], bool]:
    """The tokens to ask for as one phrase, and whether the last one is a prefix.

    A CJK character followed by another in the query asks for their pair; one followed by a
    word or number must end its run, so it asks for itself alone; the query's last character
    asks for the pair it starts, whatever follows it: a prefix. Its pair is already asked for
    when the character before it is CJK too, so it is dropped then.
    """
    grams = document_grams(parts)
    last = parts[-1]
    if not is_cjk(last):
        return grams, False
    if len(parts) > 1 and is_cjk(parts[-2]):
        return grams[:-1], False
    return grams, True


# -- leading n-grams: what the PostgreSQL index holds ---------------------------------------
#
# PostgreSQL's GIN keeps no positions, so a phrase cannot be matched inside the index. Each
# position is indexed instead as the run of up to GRAM tokens it starts (预算执行情况 →
# 预算执行 算执行情 执行情况 行情况 情况 况), and a query of up to GRAM tokens is a *prefix*
# of the lexeme at the position where it occurs: one prefix lookup, exact, nothing to read
# back. A Latin word or a number ends with a space inside a lexeme, so `2023` is not a prefix
# of `20231`. Longer queries AND the lexemes of their GRAM-token windows and are checked
# against the text.

GRAM = 4
LEXEME_LIMIT = 240  # characters: a GIN key must stay under ~2,000 bytes


def lexeme(parts: list[str]) -> str:
    text = "".join(part if is_cjk(part) else part + " " for part in parts)
    return text[:LEXEME_LIMIT]


def leading_grams(parts: list[str]) -> list[str]:
    """The lexeme at every position of one field, in order (repeats kept)."""
    return [lexeme(parts[n : n + GRAM]) for n in range(len(parts))]


def query_lexemes(parts: list[str], reach: int) -> tuple[list[str], bool, bool]:
    """What to ask the index for: lexemes that all occur in the same row of the index when
    the text holds the query; whether the only one is a prefix; whether a hit must still be
    checked against the text. Only the first `reach` tokens are asked for: rows of a long
    text overlap by that many positions (see postgresql.py)."""
    if len(parts) <= GRAM:
        whole = lexeme(parts)
        return [whole], True, len(whole) == LEXEME_LIMIT
    head = parts[:reach]
    starts = sorted({*range(0, len(head) - GRAM + 1, GRAM), len(head) - GRAM})
    return [lexeme(head[n : n + GRAM]) for n in starts], False, True
