"""What a reader sees of a page in the Chinese interface, and the English left in it.

A page's words are its text and the attributes people read or hear (title, placeholder,
aria-label, alt, the value of a button). Data is not interface and is left out: e-mail and
web addresses, file names, codes (索引号, 查询码, case and document numbers), the contents of
<code>, <kbd>, <samp>, <pre>, form inputs, and of anything marked translate="no" (HTML's own
way of saying "not to be translated"). What is left must be Chinese, except for the names of
formats and products that Chinese text writes in Latin letters too (NAMES).
"""

import re

from lxml import html as lxml_html

# Names written in Latin letters in Chinese text as well: file formats, units, products.
NAMES = frozenset({
    "Gongkai", "PDF", "Word", "Excel", "WPS", "JSON", "HTML", "DOCX", "DOC", "XLSX", "XLS",
    "CSV", "TXT", "PNG", "JPG", "JPEG", "OFD", "ZIP", "Atom", "RSS", "OpenAPI", "API", "Swagger",
    "KB", "MB", "GB", "TB", "PB", "U", "IP", "IPv", "ID", "URL", "USCC", "English", "SMTP",
    "JavaScript", "Cookie", "Chrome", "Chromium", "Firefox", "Edge", "Safari", "CA", "Markdown",
    "pdf", "docx", "xlsx", "doc", "xls", "csv", "ofd", "Control", "Command", "Mac",
    "Parquet", "Lines", "zip", "MP", "WebM", "QR",
})  # fmt: skip
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
DATA_ELEMENTS = ("code", "kbd", "samp", "pre", "script", "style", "textarea", "template")
DATA_SHAPES = re.compile(
    r"""[\w.+-]+@[\w-]+(?:\.[\w-]+)+            # e-mail addresses
      | (?:https?://|www\.)\S+                   # web addresses
      | [\w.\-]+\.(?:pdf|docx?|xlsx?|csv|png|jpe?g|txt|html?|json|xml|ofd|zip)\b  # files
      | (?<![0-9A-Za-z])[0-9A-Z]+(?:[-/.〔〕][0-9A-Z*]+)+(?![0-9A-Za-z])  # 索引号, 查询码, numbers
      | (?<![0-9A-Za-z])(?=[0-9A-Z]*[0-9])[0-9A-Z]{6,}(?![0-9A-Za-z])  # 统一社会信用代码
      | (?<![A-Za-z])[A-Z](?![A-Za-z])         # one capital: a code (report generation C)
      | \b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b  # UUIDs
      | \b[a-z][a-z0-9]*(?:[._][a-z0-9]+)*_[a-z0-9_.]+\b  # identifiers: send_notice, a.b_c
    """,
    re.VERBOSE,
)
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ \-][A-Za-z][A-Za-z'’]*)*")
# A key of the report formats' cells (spec/cells.csv): s2.fees.amount, s3.new.natural …
CELL_KEY = re.compile(r"(?<![0-9A-Za-z_.])s[1-6]\.[a-z0-9_]+(?:\.[a-z0-9_]+)+(?![0-9A-Za-z_])")


def readable_text(page: str) -> str:
    """The text of an HTML page as read, data elements and inputs left out."""
    document = lxml_html.document_fromstring(page)
    buttons = document.xpath("//input[@type='submit' or @type='button' or @type='reset']/@value")
    data = "|".join(f"//{name}" for name in DATA_ELEMENTS) + "|//input|//*[@translate='no']"
    for element in document.xpath(data):
        if element.getparent() is not None:
            element.drop_tree()
    parts = [" ".join(document.itertext()), *buttons]  # elements apart: <td>a</td><td>b</td>
    for name in READ_ATTRIBUTES:
        parts += document.xpath(f"//@{name}")
    return "\n".join(str(part) for part in parts)


def english_fragments(page: str, data_words: frozenset[str] = frozenset()) -> list[str]:
    """The runs of Latin words that are neither data nor NAMES (nor `data_words`: values of the
    database a page may show, such as usernames)."""
    text = CELL_KEY.sub(" ", DATA_SHAPES.sub(" ", readable_text(page)))  # keys: cell_keys()
    found = []
    for run in LATIN_RUN.findall(text):
        words = re.findall(r"[A-Za-z][A-Za-z'’]*", run)
        if all(word in NAMES or word in data_words for word in words):
            continue
        found.append(" ".join(run.split()))
    return list(dict.fromkeys(found))


def cell_keys(page: str) -> list[str]:
    """Raw keys of report cells in what a reader sees (a label belongs there)."""
    return list(dict.fromkeys(CELL_KEY.findall(readable_text(page))))
