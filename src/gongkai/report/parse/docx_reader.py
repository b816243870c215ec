"""Word files → lines, paragraphs and tables in document order.

Merged cells: a horizontally merged cell is one <w:tc> with gridSpan, so it is read once; a
vertically merged cell repeats as empty <w:tc>s marked vMerge="continue", which are skipped,
just as a copied HTML table shows a rowspan cell only in its first row.
"""

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.readers import UnreadableSource, non_empty, row_line

PARAGRAPH, TABLE, ROW, CELL = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")


def paragraph_text(element) -> str:
    return "".join(node.text or "" for node in element.iter(qn("w:t"), qn("w:tab")))


def is_merge_continuation(cell) -> bool:
    merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val")) in (None, "continue")


def cell_text(cell) -> str:
    return "\n".join(paragraph_text(p) for p in cell.iter(PARAGRAPH))


def docx_lines(stream) -> list[SourceLine]:
    try:
        document = Document(stream)
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise UnreadableSource(f"not a readable Word (.docx) file: {error}") from None
    except Exception as error:  # zipfile and lxml raise many kinds for damaged files
        raise UnreadableSource(f"damaged Word file: {error}") from None
    lines: list[SourceLine] = []
    tables = paragraphs = 0
    for block in document.element.body.iterchildren():
        if block.tag == PARAGRAPH:
            paragraphs += 1
            lines.append(SourceLine(paragraph_text(block), {"paragraph": paragraphs}))
        elif block.tag == TABLE:
            tables += 1
            for number, row in enumerate(block.iterchildren(ROW), 1):
                cells = [
                    cell_text(c) for c in row.iterchildren(CELL) if not is_merge_continuation(c)
                ]
                lines.append(row_line(cells, {"table": tables, "row": number}))
    return non_empty(iter(lines))
