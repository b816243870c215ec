"""A PDF page's characters with their boxes (PDFium), and characters → lines of text.

Boxes are in pdfplumber's orientation (top and bottom measured down from the page's top) so
that the table code can use pdfplumber's grid functions. The loose box (the font's ascent and
descent, not the glyph's ink) keeps every character of a line at the same top, which is what
groups them into a line. The spaces a PDF prints are kept; those PDFium infers, and its line
breaks, are dropped: gaps between characters say where a space goes.
"""

import ctypes
import itertools
import operator
from typing import NamedTuple

import pypdfium2.raw as pdfium_c

from gongkai.report.parse import pdfium_lean
from gongkai.report.parse.pdfium_lean import address_of

LINE_TOLERANCE = 3.0  # points: characters whose tops differ by less are on one line
SPACE_GAP = 3.0  # points: a wider gap between two characters reads as a space
SPACES = (0x20, 0xA0, 0x3000)
HUGE = 60.0  # points: no character of a report is this wide or tall; PDFium's box is wrong


class Char(NamedTuple):  # a tuple: thousands are made per page
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


TOP_LEFT, LEFT = operator.itemgetter(3, 1), operator.itemgetter(1)  # sort keys of Char


def page_chars(page, height: float) -> list[Char]:
    textpage = page.get_textpage()
    try:
        return list(chars_of(textpage.raw, height))
    finally:
        textpage.close()


def codes_of(textpage, count: int) -> list[int]:
    """Every character's code point: one call for the page's text, one a character only
    where the page holds characters beyond the basic plane (their UTF-16 takes two units)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    units = list(buffer[: max(written - 1, 0)])
    if len(units) == count and not any(0xD800 <= unit <= 0xDFFF for unit in units):
        return units
    return [pdfium_c.FPDFText_GetUnicode(textpage, index) for index in range(count)]


def chars_of(textpage, height: float):
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    at, box_at, loose_box = address_of(textpage), ctypes.addressof(box), pdfium_lean.loose_char_box
    for index, code in enumerate(codes_of(textpage, pdfium_c.FPDFText_CountChars(textpage))):
        if code < 32 or code in (0xFFFE, 0xFFFF):
            continue  # line breaks and PDFium's markers
        if code in SPACES and pdfium_c.FPDFText_IsGenerated(textpage, index):
            continue  # a space PDFium inferred: the gaps decide
        if not loose_box(at, index, box_at):
            continue
        left, top, right, bottom = box[0], box[1], box[2], box[3]
        if right - left > HUGE or top - bottom > HUGE:
            left, right, bottom, top = ink_box(textpage, index, (left, right, bottom, top))
        yield Char(chr(code), left, right, height - top, height - bottom)


def ink_box(textpage, index: int, loose: tuple) -> tuple:
    """The glyph's own box, for a character whose loose box PDFium makes page-sized (seen on
    vertical text in a merged cell of a WPS export)."""
    box = [ctypes.c_double() for _ in range(4)]
    if not pdfium_c.FPDFText_GetCharBox(textpage, index, *(ctypes.byref(v) for v in box)):
        return loose
    return tuple(v.value for v in box)  # left, right, bottom, top


def group_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters by line, top to bottom; each line left to right."""
    if len(chars) <= 1:
        return [list(chars)] if chars else []
    lines: list[list[Char]] = []
    for char in sorted(chars, key=TOP_LEFT):
        if lines and abs(char.top - lines[-1][0].top) <= LINE_TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=LEFT) for line in lines]


def line_text(line: list[Char]) -> str:
    parts = [line[0].text]
    before = line[0]
    for char in itertools.islice(line, 1, None):
        gap = char.x0 - before.x1 > SPACE_GAP
        if gap and not before.text.isspace() and not char.text.isspace():
            parts.append(" ")
        parts.append(char.text)
        before = char
    return "".join(parts).strip()


def text_lines(chars: list[Char]) -> list[tuple[float, str]]:
    """(top, text) of each line the characters make."""
    return [(line[0].top, line_text(line)) for line in group_lines(chars)]


def cell_text(chars: list[Char]) -> str:
    """A table cell's text: its lines joined by line breaks (readers.clean_cell joins them)."""
    return "\n".join(text for _, text in text_lines(chars))


def by_middle(chars: list[Char]) -> list[Char]:
    """Characters in the order of their middle height, for table rows to slice."""
    return sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
