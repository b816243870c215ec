"""The matching form of a line: what label and number recognition look at.

NFKC folds full-width digits, letters and brackets to ASCII (（一） → (一), １２ → 12); a
character table maps traditional characters to simplified ones; every kind of space and
invisible character goes. The original text is kept for provenance and section prose.
"""

import re
import unicodedata
from functools import cache

from zhconv import zhconv

# Words that differ between mainland and Taiwan/Hong Kong usage, not only in their characters.
REGIONAL_WORDS = {"資訊": "信息", "资讯": "信息"}
INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "─": "-", "‐": "-", "−": "-"})


@cache
def traditional_to_simplified() -> dict[int, str]:
    # Character-for-character entries only: a translate table is ~100× faster than zhconv's
    # phrase matcher, and report labels need no phrase-level conversion.
    table = zhconv.getdict("zh-hans")
    return str.maketrans({k: v for k, v in table.items() if len(k) == 1 and len(v) == 1})


def fold(text: str) -> str:
    """Full-width → half-width, traditional → simplified, dashes unified; spaces kept."""
    text = unicodedata.normalize("NFKC", text).translate(DASHES)
    text = text.translate(traditional_to_simplified())
    for word, mainland in REGIONAL_WORDS.items():
        text = text.replace(word, mainland)
    return text


def squeeze(text: str) -> str:
    """fold() and drop every space: labels are matched without spaces, since copy-paste
    inserts them anywhere in Chinese text."""
    return INVISIBLE.sub("", fold(text))
