"""Ruled tables on a PDF page: drawn paths → rules → cells → rows of cell text.

The method is pdfplumber's ("lines" strategy, default settings), done with indexes instead of
pairwise comparisons: rules closer than 3 points are snapped to one position and joined where
they meet or nearly meet; a crossing of a horizontal and a vertical rule is a corner; a cell
is the smallest rectangle of four corners joined by rules; cells sharing a corner make one
table. A thin path (a drawn rule or a border) is one rule along its middle; a larger
rectangle (a shaded cell) gives its four sides. tests/report/parse/test_pdf_reader.py checks
the cells against pdfplumber's own table finder.
"""

import bisect
import ctypes
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from gongkai.report.parse.pdf_chars import Char, cell_text

TOLERANCE = 3.0  # points: pdfplumber's snap, join and intersection tolerance
THIN = 2.0  # points: a path no thicker than this is a rule, not a box
MIN_RULE = 3.0  # points: pdfplumber's edge_min_length
MAX_PATHS = 20_000  # a page of vector drawing (a map) holds no table worth the cost

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (top measured down the page)


@dataclass
class Rule:
    """A horizontal rule (at: its top; start, end: x0, x1) or a vertical one (at: x)."""

    at: float
    start: float
    end: float


def path_rules(box: Box) -> tuple[list[Rule], list[Rule]]:
    left, top, right, bottom = box
    if bottom - top <= THIN:
        return [Rule((top + bottom) / 2, left, right)], []
    if right - left <= THIN:
        return [], [Rule((left + right) / 2, top, bottom)]
    return [Rule(top, left, right), Rule(bottom, left, right)], [
        Rule(left, top, bottom),
        Rule(right, top, bottom),
    ]


Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in PDF
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix applying `first`, then `second` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = second
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)  # fmt: skip


def mapped(bounds: tuple[float, float, float, float], m: Matrix) -> tuple:
    """The page-space bounds of a rectangle given in a form's space."""
    left, bottom, right, top = bounds
    xs, ys = [], []
    for x, y in ((left, bottom), (left, top), (right, bottom), (right, top)):
        xs.append(m[0] * x + m[2] * y + m[4])
        ys.append(m[1] * x + m[3] * y + m[5])
    return min(xs), min(ys), max(xs), max(ys)


def form_matrix(item) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(item, ctypes.byref(matrix)):
        return IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def path_boxes(page, height: float) -> list[Box]:
    """The bounds of the page's path objects, nested forms included (a form's objects are
    given in its own space: its matrix maps them onto the page), as top-down boxes."""
    boxes: list[Box] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds = [ctypes.byref(v) for v in (left, bottom, right, top)]
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    stack = [(pdfium_c.FPDFPage_GetObject(page.raw, i), IDENTITY) for i in range(count)]
    while stack and len(boxes) <= MAX_PATHS:
        item, matrix = stack.pop()
        kind = pdfium_c.FPDFPageObj_GetType(item)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = then(form_matrix(item), matrix)
            children = range(pdfium_c.FPDFFormObj_CountObjects(item))
            stack += [(pdfium_c.FPDFFormObj_GetObject(item, i), inner) for i in children]
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and pdfium_c.FPDFPageObj_GetBounds(item, *bounds):
            box = (left.value, bottom.value, right.value, top.value)
            x0, y0, x1, y1 = box if matrix == IDENTITY else mapped(box, matrix)
            boxes.append((x0, height - y1, x1, height - y0))
    return [] if len(boxes) > MAX_PATHS else boxes


def snap(rules: list[Rule]) -> list[Rule]:
    """Rules whose positions chain within the tolerance move to their mean position."""
    rules = sorted(rules, key=lambda r: r.at)
    groups: list[list[Rule]] = []
    for rule in rules:
        if groups and rule.at - groups[-1][-1].at <= TOLERANCE:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    for group in groups:
        mean = sum(r.at for r in group) / len(group)
        for rule in group:
            rule.at = mean
    return rules


def join(rules: list[Rule]) -> list[Rule]:
    """Collinear rules that overlap or nearly touch become one; short ones are dropped."""
    joined: list[Rule] = []
    for rule in sorted(snap(rules), key=lambda r: (r.at, r.start)):
        last = joined[-1] if joined else None
        if last and last.at == rule.at and rule.start <= last.end + TOLERANCE:
            last.end = max(last.end, rule.end)
        else:
            joined.append(Rule(rule.at, rule.start, rule.end))
    return [rule for rule in joined if rule.end - rule.start >= MIN_RULE]


def corners(horizontal: list[Rule], vertical: list[Rule]) -> dict[tuple, tuple[int, int]]:
    """Each crossing point (x, y) → (its vertical rule's index, its horizontal rule's index)."""
    found: dict[tuple, tuple[int, int]] = {}
    for v_index, v in enumerate(vertical):
        for h_index, h in enumerate(horizontal):
            if (
                v.start - TOLERANCE <= h.at <= v.end + TOLERANCE
                and h.start - TOLERANCE <= v.at <= h.end + TOLERANCE
            ):
                found.setdefault((v.at, h.at), (v_index, h_index))
    return found


def smallest_cell(point: tuple, points: dict, below: list, right: list) -> Box | None:
    """The smallest rectangle with `point` as its top-left corner and rules along all sides."""
    v_rule, h_rule = points[point]
    for down in below:
        if points[down][0] != v_rule:
            continue  # no rule runs down from the point to this corner
        for across in right:
            if points[across][1] != h_rule:
                continue
            corner = (across[0], down[1])
            if corner in points and points[corner] == (points[across][0], points[down][1]):
                return (point[0], point[1], across[0], down[1])
    return None


def cells(points: dict) -> list[Box]:
    by_x: dict[float, list] = {}
    by_y: dict[float, list] = {}
    for point in sorted(points):
        by_x.setdefault(point[0], []).append(point)
    for point in sorted(points, key=lambda p: (p[1], p[0])):
        by_y.setdefault(point[1], []).append(point)
    found = []
    for point in points:
        column, row = by_x[point[0]], by_y[point[1]]
        below = column[column.index(point) + 1 :]
        right = row[row.index(point) + 1 :]
        cell = smallest_cell(point, points, below, right)
        if cell:
            found.append(cell)
    return found


def corners_of(cell: Box) -> list[tuple]:
    x0, top, x1, bottom = cell
    return [(x0, top), (x0, bottom), (x1, top), (x1, bottom)]


def tables(cells_found: list[Box]) -> list[list[Box]]:
    """Cells that share corners, table by table, top to bottom; a lone cell is no table."""
    parent = list(range(len(cells_found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_at: dict[tuple, int] = {}
    for index, cell in enumerate(cells_found):
        for corner in corners_of(cell):
            other = first_at.setdefault(corner, index)
            parent[root(index)] = root(other)
    groups: dict[int, list[Box]] = {}
    for index, cell in enumerate(cells_found):
        groups.setdefault(root(index), []).append(cell)
    found = [group for group in groups.values() if len(group) > 1]
    return sorted(found, key=lambda group: min((c[1], c[0]) for c in group))


def page_tables(page, height: float) -> list[list[Box]]:
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    for box in path_boxes(page, height):
        h, v = path_rules(box)
        horizontal += h
        vertical += v
    return tables(cells(corners(join(horizontal), join(vertical))))


def bbox(table: list[Box]) -> Box:
    return (
        min(c[0] for c in table),
        min(c[1] for c in table),
        max(c[2] for c in table),
        max(c[3] for c in table),
    )


def rows(table: list[Box]) -> list[list[Box | None]]:
    """The rows top to bottom, a slot per column start (None: under a merged cell)."""
    starts = sorted({cell[0] for cell in table})
    by_top: dict[float, dict[float, Box]] = {}
    for cell in sorted(table, key=lambda c: (c[1], c[0])):
        by_top.setdefault(cell[1], {})[cell[0]] = cell
    return [[row.get(x) for x in starts] for _, row in sorted(by_top.items())]


def centre_in(char: Char, box: Box) -> bool:
    x = (char.x0 + char.x1) / 2
    y = (char.top + char.bottom) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def extract(table: list[Box], chars: list[Char]) -> list[tuple[float, list[str | None]]]:
    """(top, cells) of each row; a cell that a merged cell above covers is None.

    `chars` must be sorted by their middle height (pdf_chars.by_middle)."""
    middles = [(c.top + c.bottom) / 2 for c in chars]
    found = []
    for row in rows(table):
        present = [cell for cell in row if cell is not None]
        top, bottom = min(c[1] for c in present), max(c[3] for c in present)
        near = chars[bisect.bisect_left(middles, top) : bisect.bisect_left(middles, bottom)]
        texts = [
            None if cell is None else cell_text([c for c in near if centre_in(c, cell)])
            for cell in row
        ]
        found.append((top, texts))
    return found
