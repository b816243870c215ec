"""The matching form of a line: what label and number recognition look at.

NFKC folds full-width digits, letters and brackets to ASCII (（一） → (一), １２ → 12); a
character table maps traditional characters to simplified ones; every kind of space and
invisible character goes. The original text is kept for provenance and section prose.
"""

import re
from functools import cache, lru_cache

from zhconv import zhconv

from gongkai.report.parse.nfkc import nfkc

# Words that differ between mainland and Taiwan/Hong Kong usage, not only in their characters.
REGIONAL_WORDS = {"資訊": "信息", "资讯": "信息"}
INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
TAIWAN_DOCUMENT = re.compile(r"檔案(?![館馆])")
DASH_RUN = re.compile("[—–－─‐−]")  # one dash each: `——` stays two characters long


@cache
def traditional_to_simplified() -> dict[int, str]:
    # Character-for-character entries only: a translate table is ~100× faster than zhconv's
    # phrase matcher, and report labels need no phrase-level conversion.
    table = zhconv.getdict("zh-hans")
    return str.maketrans({k: v for k, v in table.items() if len(k) == 1 and len(v) == 1 and k != v})


@cache
def traditional_characters() -> frozenset[str]:
    # Most reports are simplified: a set intersection spares the per-character translate.
    return frozenset(map(chr, traditional_to_simplified()))


def fold(text: str) -> str:
    """Full-width → half-width, traditional → simplified, dashes unified; spaces kept."""
    if text.isascii():
        return text
    text = DASH_RUN.sub("-", nfkc(text))
    if not traditional_characters().isdisjoint(text):
        # Phrase-aware conversion, only for traditional text: 答覆 → 答复 and 反覆 → 反复, where
        # 覆 alone is also a simplified character (a character table leaves it). Taiwan
        # usage writes 文件 as 檔案 (規範性檔案); 檔案館 stays the archives.
        text = TAIWAN_DOCUMENT.sub("文件", text)
        text = zhconv.convert(text, "zh-hans").translate(traditional_to_simplified())
    if "讯" in text or "訊" in text:
        for word, mainland in REGIONAL_WORDS.items():
            text = text.replace(word, mainland)
    return text


def squeeze(text: str) -> str:
    """fold() and drop every space: labels are matched without spaces, since copy-paste
    inserts them anywhere in Chinese text. Short texts (cells, labels) repeat: cached."""
    if len(text) <= 200:
        return _squeeze_cell(text)
    return INVISIBLE.sub("", fold(text))


@lru_cache(maxsize=1 << 15)
def _squeeze_cell(text: str) -> str:
    return INVISIBLE.sub("", fold(text))
