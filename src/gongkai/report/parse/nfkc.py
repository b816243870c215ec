"""NFKC normalisation, character by character where that is the same thing.

`unicodedata.normalize("NFKC", …)` costs ~0.6 µs a character on Chinese text with full-width
punctuation — half of a parse's time, as every line is folded. NFKC of a string equals the
NFKC of each of its characters joined, unless characters combine: a combining mark (or a
Hangul jamo) composes with what precedes it, and canonical ordering moves marks. Text without
any such character — nearly every report — is mapped with a translate table of each BMP
character's own NFKC form; any other text goes to unicodedata as before.
"""

import re
import unicodedata
from functools import cache

BMP = 0x10000
SURROGATES = range(0xD800, 0xE000)
# Hangul conjoining and compatibility jamo: they compose with each other and into syllables.
JAMO = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xD7B0, 0xD7FF))
HANGUL_SYLLABLES = (0xAC00, 0xD7A3)  # a syllable composes with a following jamo
# Blocks NFKC leaves alone and whose characters never combine (CJK ideographs, Yi, Hangul
# syllables — handled apart —, private use): not looked at one by one (test_nfkc.py checks).
INERT = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xAC00, 0xD7A3),
         (0xE000, 0xF8FF))  # fmt: skip


def looked_at() -> list[int]:
    """The BMP code points outside INERT and the surrogates."""
    codes, start = [], 0
    for low, high in (*sorted(INERT), (SURROGATES.start, SURROGATES.stop - 1)):
        codes += range(start, low)
        start = max(start, high + 1)
    return [code for code in [*codes, *range(start, BMP)] if code not in SURROGATES]


def combining_characters() -> frozenset[str]:
    """Characters that may compose with or reorder against their neighbours: combining
    marks, Hangul jamo, and characters that compose with the one before them though not
    combining marks (Indic and Myanmar vowel signs …: the second halves of two-character
    canonical decompositions)."""
    found = {chr(low + n) for low, high in JAMO for n in range(high - low + 1)}
    for code in looked_at():
        ch = chr(code)
        if unicodedata.combining(ch):
            found.add(ch)
        parts = unicodedata.decomposition(ch).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            found.add(chr(int(parts[1], 16)))
    return frozenset(found)


@cache
def tables() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """(each BMP character's NFKC form where it differs; a pattern of those characters; a
    pattern of the characters that must go through unicodedata: those that combine, or
    whose NFKC form does, Hangul syllables, and every character beyond the BMP)."""
    combining = combining_characters()
    mapping: dict[str, str] = {}
    unsafe: list[int] = [*range(HANGUL_SYLLABLES[0], HANGUL_SYLLABLES[1] + 1)]
    for code in looked_at():
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        if ch in combining:
            unsafe.append(code)
        elif folded != ch:
            if combining.isdisjoint(folded):
                mapping[ch] = folded
            else:
                unsafe.append(code)
    changed = re.compile(character_class(sorted(map(ord, mapping))))
    unsafe_class = character_class(sorted(unsafe), "\\U00010000-\\U0010ffff")
    return mapping, changed, re.compile(unsafe_class)


def character_class(codes: list[int], more: str = "") -> str:
    """A regular expression's class of these code points (ascending), as ranges."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + more + "]"


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), the same result, faster on ordinary text."""
    mapping, changed, unsafe = tables()
    if unsafe.search(text):
        return unicodedata.normalize("NFKC", text)
    return changed.sub(lambda found: mapping[found.group()], text)
