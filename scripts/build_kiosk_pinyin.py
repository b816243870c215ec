"""Build the kiosk keyboard's pinyin table (src/gongkai/web/kiosk/static/gongkai/kiosk-pinyin.json).

A 查阅点's touch screen has no input method, so the kiosk's on-screen keyboard carries its own:
each syllable → its characters, and the common words of government information → their
pinyin. The readings come from pypinyin (a development dependency: the table is built here
and committed, nothing is looked up at run time). The characters are the 3,755 of GB 2312's
first level (the common ones) and every other character of the texts below; they and the words
are ordered by how often the texts use them, so that 政 comes first for "zheng".

The texts: the 条例, the catalogue's vocabularies and demo titles, the user manual.

    .venv/bin/python scripts/build_kiosk_pinyin.py
"""

import json
import re
from collections import Counter
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src/gongkai/web/kiosk/static/gongkai/kiosk-pinyin.json"
TEXTS = [
    "src/gongkai/statute/regulations-2019.md",
    "src/gongkai/statute/vocabularies.py",
    "src/gongkai/web/catalog/demo.py",
    "src/gongkai/web/catalog/demo_legacy_catalogue.csv",
    *sorted(str(path.relative_to(ROOT)) for path in (ROOT / "docs/manual").glob("*.md")),
]
HANZI_RUN = re.compile(r"[\u4e00-\u9fff]+")
DATE_UNIT = re.compile(r"(?<=\d)[年月日号]")  # 2024年部门预算: no word 年部门
# Characters that glue words together rather than start or end one: an n-gram holding one is
# almost never a word of its own (的政, 公开的).
GLUE = set("的了和或在是对与及等为以其并由向按本该之所从于将应可不者有被把也而则个这那")
MAX_WORDS = 3000
MIN_COUNT = 3
DOMINATED = 0.9  # share of a piece's uses inside one longer phrase


def gb2312_level_one() -> list[str]:
    """GB 2312's 3,755 first-level characters, rows 16–55 (in pinyin order)."""
    chars = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def corpus_runs() -> list[str]:
    runs = []
    for name in TEXTS:
        text = DATE_UNIT.sub(" ", (ROOT / name).read_text(encoding="utf-8"))
        runs += HANZI_RUN.findall(text)
    return runs


def syllable_table(runs: list[str]) -> dict[str, str]:
    """Each toneless syllable (ü as v) → its characters, the most used first."""
    used = Counter("".join(runs))
    chars = list(dict.fromkeys(gb2312_level_one() + sorted(used)))
    rank = {char: (-used[char], position) for position, char in enumerate(chars)}
    table: dict[str, list[str]] = {}
    for char in chars:
        for reading in pinyin(char, style=Style.NORMAL, heteronym=True)[0]:
            if reading.isascii() and reading.isalpha():
                table.setdefault(reading, []).append(char)
    return {syllable: "".join(sorted(chars, key=rank.get))
            for syllable, chars in sorted(table.items())}  # fmt: skip


def common_words(runs: list[str]) -> list[str]:
    """Words of 2–4 characters the texts use often, the most used first. A piece of a longer
    phrase is left out (府信 of 政府信息): one that one character more nearly always extends."""
    counts: Counter[str] = Counter()
    for run in runs:
        for size in range(2, 6):
            for start in range(len(run) - size + 1):
                counts[run[start : start + size]] += 1
    extended: Counter[str] = Counter()
    for gram, n in counts.items():
        if len(gram) > 2:
            for piece in (gram[1:], gram[:-1]):
                extended[piece] = max(extended[piece], n)
    words = [
        word
        for word, n in counts.most_common()
        if len(word) <= 4
        and n >= MIN_COUNT
        and not GLUE & set(word)
        and extended[word] < n * DOMINATED
    ]
    return words[:MAX_WORDS]


def word_entries(words: list[str]) -> list[list[str]]:
    """[pinyin run together, initials, word] for each word."""
    entries = []
    for word in words:
        syllables = lazy_pinyin(word, style=Style.NORMAL)
        if all(s.isascii() and s.isalpha() for s in syllables):
            entries.append(["".join(syllables), "".join(s[0] for s in syllables), word])
    return entries


def main() -> None:
    runs = corpus_runs()
    table = {"syllables": syllable_table(runs), "words": word_entries(common_words(runs))}
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(table['syllables'])} syllables, "
          f"{len(table['words'])} words")  # fmt: skip


if __name__ == "__main__":
    main()
