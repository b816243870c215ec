"""HTML pages → lines. Navigation, footers and side bars that the page marks as such (`<nav>`,
`<footer>`, `<aside>`, or a class or id like `nav`, `footer`, `breadcrumb`) are left out here;
chrome.py sets apart what is left of the page's chrome line by line."""

import re

from lxml import etree, html

from gongkai.report.parse.limits import check_time
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.readers import UnreadableSource, clean_cell, non_empty, row_line

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
SKIPPED = {"script", "style", "noscript", "template", "head", "select", "button", "iframe"}
CHROME_TAGS = {"nav", "footer", "aside"}
# Class and id words of page chrome (a whole word of the attribute: `top-nav`, `footer_2`).
CHROME_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumb|crumbs?|copyright|login|share|"
    r"sidebar|related|topbar|toolbar|position|location|weizhi|dqwz|bqxx)(?:$|[\s_\d-])",
    re.IGNORECASE,
)
BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "nav", "main", "aside", "blockquote", "pre", "dl", "dt",
    "dd", "form", "hr", "center", "title", "td", "th", "tr", "caption", "figure",
}  # fmt: skip


class Collector:
    def __init__(self) -> None:
        self.lines: list[SourceLine] = []
        self.buffer: list[str] = []
        self.buffer_line: int | None = None
        self.tables = 0

    def add(self, text: str | None, line: int | None) -> None:
        if text:
            if self.buffer_line is None:
                self.buffer_line = line
            self.buffer.append(text)

    def flush(self) -> None:
        text = clean_cell("".join(self.buffer))
        if text:
            self.lines.append(SourceLine(text, {"line": self.buffer_line or 0}))
        self.buffer, self.buffer_line = [], None

    def walk(self, element) -> None:
        check_time()
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED or not tag or is_chrome_element(element, tag):
            return self.add(element.tail, element.sourceline)
        if tag == "table" and not element.xpath(".//table"):
            self.flush()
            self.table(element)
        else:
            block = tag in BLOCKS or tag == "table"
            if block:
                self.flush()
            self.add(element.text, element.sourceline)
            for child in element:
                self.walk(child)
            if block:
                self.flush()
        self.add(element.tail, element.sourceline)

    def table(self, table) -> None:
        self.tables += 1
        for number, row in enumerate(table.xpath("./tr | ./*/tr"), 1):
            cells = [cell_text(cell) for cell in row.xpath("./td | ./th")]
            where = {"table": self.tables, "row": number, "line": row.sourceline or 0}
            self.lines.append(row_line(cells, where))


def is_chrome_element(element, tag: str) -> bool:
    """A page's own mark of chrome; never a table (a report table may sit in any wrapper)."""
    if tag in CHROME_TAGS:
        return not element.xpath(".//table")
    names = f"{element.get('class') or ''} {element.get('id') or ''}".strip()
    return bool(names and CHROME_NAMES.search(names)) and not element.xpath(".//table")


def cell_text(element) -> str:
    """A cell's text; paragraphs and line breaks inside it become newlines for clean_cell."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in SKIPPED:
            inner = cell_text(child)
            parts.append(f"\n{inner}\n" if tag in BLOCKS else inner)
        parts.append(child.tail or "")
    return "".join(parts)


def html_lines(text: str) -> list[SourceLine]:
    text = XML_DECLARATION.sub("", text, count=1)
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise UnreadableSource(f"not readable as HTML: {error}") from None
    collector = Collector()
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        collector.lines.append(SourceLine(title.text_content().strip(), {"line": 0}))
    body = root.find("body")
    collector.walk(body if body is not None else root)
    collector.flush()
    return non_empty(iter(collector.lines))
