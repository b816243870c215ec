"""Search snippets: the words of a query found again in an entry's original text (whatever
its punctuation, width or case), a short passage around them, escaped, each hit in <mark>."""

import re
from functools import cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gongkai.web.catalog.search_backends.tokens import is_cjk

# A character that would continue a Latin word or a number: digits and Latin, Greek and
# Cyrillic letters, full-width forms included. Spelt out: the class of every such letter
# (`[^\W_…]`) costs ~8 ms to compile, twice for each word or number of a query.
WORD_CHAR = (
    "[0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
    "\u0370-\u03ff\u0400-\u04ff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
)
SNIPPET_LENGTH = 80
SNIPPET_BEFORE = 20
MOST_PASSAGES = 3  # passages of a snippet, one for each word not already in an earlier one


@cache
def variants(char: str) -> str:
    """A regex class for one character as it may be written: half- or full-width, any case."""
    forms = {char, char.upper()}
    if "!" <= char <= "~":
        forms |= {chr(ord(form) + 0xFEE0) for form in forms if "!" <= form <= "~"}
    return "[" + "".join(re.escape(form) for form in sorted(forms)) + "]"


def word_pattern(word: list[str]) -> str:
    """Finds one word (its tokens) in the original text, tolerating punctuation and spacing
    between tokens (〔2023〕5号 for `2023 5 号`); a miss only costs the highlight."""
    parts = []
    for token in word:
        body = "".join(variants(char) for char in token)
        parts.append(body if is_cjk(token) else rf"(?<!{WORD_CHAR}){body}(?!{WORD_CHAR})")
    return r"[\W_]*?".join(parts)


def highlight_pattern(words: list[list[str]]) -> re.Pattern:
    """Finds any word of the query (the longest first where two start at one place)."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(f"(?:{word_pattern(word)})" for word in ordered), re.IGNORECASE)


def word_patterns(words: list[list[str]]) -> list[re.Pattern]:
    return [re.compile(word_pattern(word), re.IGNORECASE) for word in words]


def excerpt(text: str, pattern: re.Pattern, whole: bool = False) -> SafeString | None:
    """About SNIPPET_LENGTH characters around the first hit, escaped, every hit in <mark>."""
    first = pattern.search(text or "")
    if first is None:
        return None
    return passage(text, first, pattern, whole)[1]


def passage(text: str, first: re.Match, marked: re.Pattern, whole: bool = False
            ) -> tuple[str, SafeString]:  # fmt: skip
    """The window of text around `first` (all of it if `whole`), as plain text and as HTML
    with every hit of `marked` in <mark>."""
    start = 0 if whole else max(0, first.start() - SNIPPET_BEFORE)
    end = len(text) if whole else max(first.end(), start + SNIPPET_LENGTH)
    window, html, position = text[start:end], [], 0
    for hit in marked.finditer(window):
        html += [escape(window[position : hit.start()]), "<mark>", escape(hit.group()), "</mark>"]
        position = hit.end()
    html.append(escape(window[position:]))
    text_html = re.sub(r"\s+", " ", "".join(html))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return window, mark_safe(prefix + text_html + suffix)


def snippet(texts: list[str], words: list[list[str]]) -> SafeString | None:
    """A passage around the first hit of each word (in the first text that has it) that an
    earlier passage does not already show, in the order of the texts, every hit of every
    word marked; None if no text holds any word."""
    marked = highlight_pattern(words)
    passages: list[tuple[int, int, str, SafeString]] = []
    for pattern in word_patterns(words):
        if any(pattern.search(window) for _n, _start, window, _html in passages):
            continue
        found = next(((n, text, hit) for n, text in enumerate(texts)
                      if text and (hit := pattern.search(text))), None)  # fmt: skip
        if found is not None and len(passages) < MOST_PASSAGES:
            n, text, hit = found
            passages.append((n, hit.start(), *passage(text, hit, marked)))
    return mark_safe(" ".join(html for *_place, html in sorted(passages))) if passages else None
