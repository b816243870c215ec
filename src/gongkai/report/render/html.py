"""A report as one self-contained, accessible HTML page (also the source of the PDF).

No template engine: the report package stays free of Django and Jinja, and the page is
small enough to build from a few functions. Every text goes through `html.escape`.
"""

from collections.abc import Callable
from html import escape
from importlib.resources import files

from gongkai.report.model import Report
from gongkai.report.render.document import Document, DocumentSection, build_document
from gongkai.report.render.layout import Grid, GridCell, Part

CellLink = Callable[[str], str | None]  # a cell key -> the URL its figure links to

SCOPES = {
    Part.COLUMN_HEADER: "col",
    Part.COLUMN_GROUP: "colgroup",
    Part.ROW_HEADER: "row",
    Part.ROW_GROUP: "rowgroup",
}
CELL_CLASSES = {
    Part.NOTE: "note",
    Part.COLUMN_HEADER: "column",
    Part.COLUMN_GROUP: "column-group",
    Part.ROW_HEADER: "label",
    Part.ROW_GROUP: "label group",
    Part.UNIT: "unit",
    Part.VALUE: "number",
    Part.MARK: "mark",
}


def stylesheet() -> str:
    return files("gongkai.report.render").joinpath("report.css").read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    return html_page(build_document(report))


def html_page(document: Document) -> str:
    body = "\n".join(section_html(section) for section in document.sections)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.title)}</title>\n"
        f'<meta name="generator" content="gongkai">\n<style>\n{stylesheet()}</style>\n'
        f'</head>\n<body>\n<article class="ogi-report generation-{document.generation}">\n'
        f"<header>{title_html(document)}</header>\n"
        f"{body}\n{signature_html(document)}</article>\n</body>\n</html>\n"
    )


def title_html(document: Document) -> str:
    """The title; a long one in two spans that print as two lines (see TITLE_LINE_CHARS)."""
    lines = "".join(
        f'<span class="title-line">{escape(line)}</span>' for line in document.title_lines
    )
    return f'<h1 class="title">{lines}</h1>'


def section_html(section: DocumentSection) -> str:
    anchor = f"section-{section.numeral or 'tables'}"
    prose = "".join(f"<p>{escape(text)}</p>\n" for text in section.paragraphs)
    tables = "".join(
        table_html(grid, hidden_caption=grid.key in section.hide_captions) for grid in section.grids
    )
    return (
        f'<section aria-labelledby="{anchor}">\n'
        f'<h2 id="{anchor}">{escape(section.heading)}</h2>\n{prose}{tables}</section>'
    )


def table_html(grid: Grid, hidden_caption: bool = False, link: CellLink | None = None) -> str:
    """The grid as an HTML table; `link` gives a figure's URL (staff drill-down) or None."""
    caption_class = ' class="visually-hidden"' if hidden_caption else ""
    rows = grid.rows()
    head = "".join(row_html(row) for row in rows[: grid.header_rows])
    body = "".join(row_html(row, link) for row in rows[grid.header_rows :])
    return (
        f'<table class="statutory" id="table-{escape(grid.key.replace(".", "-"))}">\n'
        f"<caption{caption_class}>{escape(grid.caption)}</caption>\n{colgroup_html(grid)}"
        f"<thead>\n{head}</thead>\n<tbody>\n{body}</tbody>\n</table>\n"
    )


def colgroup_html(grid: Grid) -> str:
    cols = "".join(f'<col style="width:{width:.2f}%">' for width in grid.widths(100))
    return f"<colgroup>{cols}</colgroup>\n"


def row_html(cells: list[GridCell], link: CellLink | None = None) -> str:
    return "<tr>" + "".join(cell_html(cell, link) for cell in cells) + "</tr>\n"


def cell_html(cell: GridCell, link: CellLink | None = None) -> str:
    tag = "th" if cell.is_header else "td"
    attributes = [f'class="{cell_class(cell)}"']
    if cell.part in SCOPES:
        attributes.append(f'scope="{SCOPES[cell.part]}"')
    if cell.rowspan > 1:
        attributes.append(f'rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attributes.append(f'colspan="{cell.colspan}"')
    if cell.key:
        attributes.append(f'data-key="{escape(cell.key)}"')
    text = escape(cell.text)
    href = link(cell.key) if link and cell.key and cell.part is Part.VALUE else None
    if href:
        text = f'<a href="{escape(href)}">{text or "—"}</a>'
    return f"<{tag} {' '.join(attributes)}>{text}</{tag}>"


def cell_class(cell: GridCell) -> str:
    depth = f" depth-{min(cell.depth, 4)}" if cell.depth else ""
    return CELL_CLASSES[cell.part] + depth


def signature_html(document: Document) -> str:
    """The 落款: agency and publication date, right-aligned at the end."""
    lines = []
    if document.agency:
        lines.append(f"<p>{escape(document.agency)}</p>")
    if document.published_on:
        iso = document.published_on.isoformat()
        lines.append(f'<p><time datetime="{iso}">{document.signature_date}</time></p>')
    return f'<footer class="signature">{"".join(lines)}</footer>\n' if lines else ""
