"""The parser's NFKC (nfkc.py) gives what unicodedata gives: on every line of the corpora, on
random mixes of the characters that make it hard (combining marks, Indic vowel signs that
compose though not marks, Hangul jamo and syllables, full-width forms, compatibility
ideographs, characters beyond the BMP), and the blocks it does not look at are inert."""

import random
import unicodedata
from pathlib import Path

from gongkai.report.parse.nfkc import INERT, combining_characters, nfkc

HERE = Path(__file__).parent
TRICKY = ["中", "文", "，", "（", "１", "\u3000", "é", "e", "\u0301", "\u0327", "\u0b47", "\u0b3e",
          "\u0dd9", "\u0dcf", "\u1100", "\u1161", "\u11a8", "\u3131", "\u314f", "가", "각",
          "\uf900", "\ufb01", "\uff9e", "\uff76", "\u2460", "\u3220", "\U0001d400", "\U0002f800",
          "\u00a0", "\u2126", "\u212b", "A", "\u030a"]  # fmt: skip


def normalized(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_every_line_of_the_corpora():
    files = [p for p in HERE.rglob("*") if p.suffix in (".txt", ".md", ".html")]
    assert len(files) > 100
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in (text, *text.splitlines()):
            assert nfkc(line) == normalized(line), (path, line[:60])


def test_random_mixes_of_tricky_characters():
    rng = random.Random(17)
    pool = TRICKY + [chr(c) for c in range(0x20, 0x3100, 7) if not 0xD800 <= c < 0xE000]
    for _ in range(50_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        assert nfkc(text) == normalized(text), [hex(ord(c)) for c in text]


def test_the_blocks_left_alone_are_inert():
    """NFKC leaves each of their characters as it is, none combines, and none is the second
    half of any character's canonical decomposition (so none composes with what precedes)."""
    inert = {code for low, high in INERT for code in range(low, high + 1)}
    for code in inert:
        ch = chr(code)
        assert normalized(ch) == ch and not unicodedata.combining(ch), hex(code)
    for code in range(0x10000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            assert int(parts[1], 16) not in inert, hex(code)
    assert combining_characters().isdisjoint(map(chr, inert))
