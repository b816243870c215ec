"""The text of the 2019 条例, read from a verbatim copy, so that letters and vocabularies quote
it and never retype it.

A reference is written the way letters cite the law — 第三十条, 第十六条第二款,
第三十六条第（四）项 — and resolves to the exact words of that article, paragraph or item.
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

REGULATIONS = "《中华人民共和国政府信息公开条例》"
SOURCE = "regulations-2019.md"  # a copy of shared spec/law/政府信息公开条例-2019.md

NUMERALS = {c: n for n, c in enumerate("〇一二三四五六七八九", start=0)}
ARTICLE_LINE = re.compile(r"^第([一二三四五六七八九十]+)条 (.+)$")
ITEM_MARK = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]")
REFERENCE = re.compile(
    r"^第(?P<article>[一二三四五六七八九十]+)条"
    r"(?:第(?P<paragraph>[一二三四五六七八九十]+)款)?"
    r"(?:第[(（](?P<item>[一二三四五六七八九十]+)[)）]项)?$"
)
CLOSING = "。；："


def chinese_number(text: str) -> int:
    """一 … 九十九, as article, paragraph and item numbers are written."""
    if "十" not in text:
        return NUMERALS[text]
    tens, _, units = text.partition("十")
    return (NUMERALS[tens] if tens else 1) * 10 + (NUMERALS[units] if units else 0)


@dataclass(frozen=True)
class Article:
    number: int
    paragraphs: tuple[str, ...]  # items are their own paragraphs, as in the official text

    def paragraph(self, number: int) -> str:
        """The 款 `number`: items belong to the 款 they follow."""
        return self.paragraphs_without_items()[number - 1]

    def paragraphs_without_items(self) -> tuple[str, ...]:
        return tuple(text for text in self.paragraphs if not ITEM_MARK.match(text))

    def item(self, number: int) -> str:
        for text in self.paragraphs:
            mark = ITEM_MARK.match(text)
            if mark and chinese_number(mark.group(1)) == number:
                return text
        raise KeyError(number)


@cache
def articles() -> dict[int, Article]:
    text = files("gongkai.statute").joinpath(SOURCE).read_text(encoding="utf-8")
    found: dict[int, list[str]] = {}
    current: list[str] | None = None
    for line in (line.strip() for line in text.splitlines()):
        if match := ARTICLE_LINE.match(line):
            current = found.setdefault(chinese_number(match.group(1)), [match.group(2)])
        elif line.startswith("#"):
            current = None
        elif line and current is not None:
            current.append(line)
    return {number: Article(number, tuple(texts)) for number, texts in found.items()}


def provision(reference: str) -> str:
    """The verbatim text that `reference` points to (an article, a 款, or an item)."""
    match = REFERENCE.match(reference)
    if not match:
        raise ValueError(f"无法识别的条文引用：{reference}")
    number = chinese_number(match["article"])
    if number not in articles():
        raise ValueError(f"条例没有{reference}")
    article = articles()[number]
    try:
        if match["item"]:
            return article.item(chinese_number(match["item"]))
        if match["paragraph"]:
            return article.paragraph(chinese_number(match["paragraph"]))
    except (IndexError, KeyError):
        raise ValueError(f"条例没有{reference}") from None
    return "".join(article.paragraphs)


def quotation(reference: str) -> str:
    """The provision as a letter quotes it inside a sentence: 条例第三十条“…”, with the
    sentence-final mark dropped (it belongs to the sentence around the quotation)."""
    text = ITEM_MARK.sub("", provision(reference)).rstrip(CLOSING)
    return f"{REGULATIONS}{reference}“{text}”"
