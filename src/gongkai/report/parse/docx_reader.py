"""Word files → lines, paragraphs and tables in document order.

Merged cells: a horizontally merged cell is one <w:tc> with gridSpan, so it is read once; a
vertically merged cell repeats as empty <w:tc>s marked vMerge="continue", which are skipped,
just as a copied HTML table shows a rowspan cell only in its first row.
"""

import zipfile
import zlib

from lxml import etree

from gongkai.report.parse.limits import check_time, open_archive, read_member
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.readers import UnreadableSource, non_empty, row_line

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARAGRAPH, TABLE, ROW, CELL, BODY = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}body"
TEXT, TAB, CELL_PROPERTIES, VERTICAL_MERGE, VALUE = (
    f"{W}t", f"{W}tab", f"{W}tcPr", f"{W}vMerge", f"{W}val"
)  # fmt: skip
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
MAIN_PARTS = {  # the document part of .docx, .docm, .dotx and .dotm files
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
SAFE_XML = {"resolve_entities": False, "no_network": True, "huge_tree": False}


def paragraph_text(element) -> str:
    return "".join(node.text or "" for node in element.iter(TEXT, TAB))


def is_merge_continuation(cell) -> bool:
    merge = cell.find(f"{CELL_PROPERTIES}/{VERTICAL_MERGE}")
    return merge is not None and merge.get(VALUE) in (None, "continue")


def cell_text(cell) -> str:
    return "\n".join(paragraph_text(p) for p in cell.iter(PARAGRAPH))


def docx_lines(data: bytes) -> list[SourceLine]:
    """The document's lines, read as a stream: each top-level paragraph or table is read
    and then dropped, so memory stays that of the largest table, not of the document."""
    archive = open_archive(data, "Word")
    lines: list[SourceLine] = []
    counts = {PARAGRAPH: 0, TABLE: 0}
    try:
        with archive.open(main_part(archive)) as stream:
            events = etree.iterparse(stream, events=("end",), tag=(PARAGRAPH, TABLE), **SAFE_XML)
            for _event, block in events:
                if block.getparent() is None or block.getparent().tag != BODY:
                    continue  # a paragraph inside a table cell: read with its table
                counts[block.tag] += 1
                lines.extend(block_lines(block, counts[block.tag]))
                drop(block)
                check_time()
    except (
        etree.XMLSyntaxError,
        zipfile.BadZipFile,
        NotImplementedError,
        EOFError,
        zlib.error,
    ) as error:
        raise UnreadableSource(f"damaged Word file: {error}") from None
    return non_empty(iter(lines))


def block_lines(block, number: int) -> list[SourceLine]:
    if block.tag == PARAGRAPH:
        return [SourceLine(paragraph_text(block), {"paragraph": number})]
    rows = []
    for row_number, row in enumerate(block.iterchildren(ROW), 1):
        cells = [cell_text(c) for c in row.iterchildren(CELL) if not is_merge_continuation(c)]
        rows.append(row_line(cells, {"table": number, "row": row_number}))
    return rows


def drop(block) -> None:
    """Free a block once read, and the blocks before it (the parser keeps their shells)."""
    block.clear(keep_tail=True)
    parent = block.getparent()
    while block.getprevious() is not None:
        del parent[0]


def main_part(archive) -> str:
    """The name of the document part, as [Content_Types].xml declares it."""
    try:
        parser = etree.XMLParser(**SAFE_XML)  # one per call: lxml parsers are not shared
        types = etree.fromstring(read_member(archive, "[Content_Types].xml"), parser)
    except KeyError:
        raise UnreadableSource("not a Word (.docx) file: no [Content_Types].xml") from None
    except etree.XMLSyntaxError as error:
        raise UnreadableSource(f"damaged Word file: {error}") from None
    for override in types.iter(CONTENT_TYPES):
        if override.get("ContentType") in MAIN_PARTS:
            name = override.get("PartName", "").lstrip("/")
            if name in archive.namelist():
                return name
    raise UnreadableSource("not a Word (.docx) file: it has no Word document part")
