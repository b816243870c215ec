"""The damage PDF text extraction does to a report's tables, as functions on printed rows:
each returns the lines of section 三 (or 二) as one extractor or layout leaves them. Used by
test_damaged_tables.py with figures that satisfy every 勾稽关系 (consistent_figures.py)."""

from tests.report.parse.consistent_figures import CAPTION, HEADER_LINES, cells_text

Rows = list[tuple[str, list]]
SPLIT_HEADERS = (
    "申请人情况",
    "自然人  法人或其他组织  总计",
    "商业企  科研机  社会公  法律服  其他",
    "业  构  益组织  务机构",
)
PAGE_BREAK = ("— 4 —", "", CAPTION, *HEADER_LINES)


def wrapped(rows: Rows, width: int = 12, figures_on: str = "first") -> list[str]:
    """Labels longer than `width` run on over further lines; the figures stand on the first
    or the last line of the label (the row's vertical alignment)."""
    lines = [CAPTION, *HEADER_LINES]
    for label, figures in rows:
        pieces = [label[i : i + width] for i in range(0, len(label), width)]
        at = 0 if figures_on == "first" else len(pieces) - 1
        pieces[at] = f"{pieces[at]}  {cells_text(figures)}"
        lines.extend(pieces)
    return lines


def split_headers(rows: Rows) -> list[str]:
    return [CAPTION, *SPLIT_HEADERS, *(f"{label}  {cells_text(f)}" for label, f in rows)]


def page_broken(rows: Rows, at: int) -> list[str]:
    """A page break after row `at`: page number, repeated caption and header rows."""
    body = [f"{label}  {cells_text(f)}" for label, f in rows]
    return [CAPTION, *HEADER_LINES, *body[:at], *PAGE_BREAK, *body[at:]]


def label_block(rows: Rows) -> list[str]:
    """Every label first, then every row of figures (a column-wise extractor)."""
    return [CAPTION, *HEADER_LINES, *(label for label, _ in rows)] + [
        cells_text(figures) for _, figures in rows
    ]


def figures_first(rows: Rows) -> list[str]:
    """Each row's figures one line above its label (figures baseline above a wrapped label)."""
    lines = [CAPTION, *HEADER_LINES]
    for label, figures in rows:
        lines.extend((cells_text(figures), label))
    return lines


def lost_label(rows: Rows, lost: int) -> list[str]:
    """Row `lost` printed without its label (a fragment across a page break)."""
    return [
        CAPTION,
        *HEADER_LINES,
        *(
            cells_text(f) if n == lost else f"{label}  {cells_text(f)}"
            for n, (label, f) in enumerate(rows)
        ),
    ]


def glued(label: str, figures: list) -> str:
    """A crawled row whose cell separators are lost: label and figures run together."""
    return label + "".join("" if value is None else str(value) for value in figures)


def documents(code: str, values: dict, shape: str) -> list[str]:
    """Section 二's small tables: `plain`; `annotated` (the 第二十条第（一）项 cells carry a note
    on what they include, split over spaces as PDF text leaves it); `one-row tables` (the
    header printed again above every row, each row a table of its own); `figures above`
    (each row's figures a line above its label)."""
    from gongkai.report.formats import GENERATIONS

    lines = ["二、主动公开政府信息情况"]
    for table in GENERATIONS[code].sections[1].tables:
        header = "  ".join((table.stub_header, *(column.label for column in table.columns)))
        lines += [table.caption] + ([] if shape == "one-row tables" else [header])
        for row, _ in table.walk():
            cells = [str(values[table.cell_key(row, column)]) for column in table.columns]
            if shape == "annotated" and table.key == "s2.documents":
                cells[0] += "（其中修订 5 件）"
                cells[1] += " （含自然失效 17 件）"
            if shape == "one-row tables":
                lines.append(header)
            if shape == "figures above":
                lines += ["  ".join(cells), row.label]
            else:
                lines.append("  ".join((row.label, *cells)))
    return lines


def side_labels(rows: Rows, width: int = 11) -> list[str]:
    """A PDF table read with its layout kept (pdfplumber `layout=True`): every label wraps at
    `width` characters with the figures on its middle line, the group label (（四）无法提供)
    stands in its own column cut into pieces beside the rows, and whitespace-only lines pad
    the rows apart."""
    lines = [CAPTION, *HEADER_LINES]
    for label, figures in rows:
        group, _, own = label.rpartition("  ")
        pieces = [own[i : i + width] for i in range(0, len(own), width)]
        middle = len(pieces) // 2
        pieces[middle] = f"{pieces[middle]}  {cells_text(figures)}"
        if group:
            cut = [group[i : i + 3] for i in range(0, len(group), 3)]
            lines.extend(f"     {piece}" for piece in cut[:-1])
            pieces[-1] = f"{cut[-1]}  {pieces[-1]}"
        lines.extend([*pieces, " " * 40])
    return lines


def aligned(label: str, figures: list, at: int = 40, step: int = 7) -> str:
    """A row as `pdftotext -layout` prints it: each figure right-aligned in its column, a
    blank cell as nothing but spaces."""
    line = label.ljust(at)  # the text keeps the page's columns in characters
    for value in figures:
        line += ("" if value is None else str(value)).rjust(step)
    return line


def aligned_matrix(rows: Rows) -> list[str]:
    return [CAPTION, *HEADER_LINES, *(aligned(label, figures) for label, figures in rows)]
