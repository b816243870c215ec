"""Ruled tables on a PDF page: drawn paths → rules → cells → rows of cell text.

The method is pdfplumber's ("lines" strategy, default settings), done with indexes instead of
pairwise comparisons: rules closer than 3 points are snapped to one position and joined where
they meet or nearly meet; a crossing of a horizontal and a vertical rule is a corner; a cell
is the smallest rectangle of four corners joined by rules; cells sharing a corner make one
table. Every straight horizontal or vertical side of every drawn path is a rule, as
pdfplumber takes the sides of rects, lines and curves: a border drawn as a thin filled
rectangle gives two that snap into one, a shaded cell its four sides, a grid drawn as one long
path all of its lines; a form's paths are mapped onto the page by its matrix.
tests/report/parse/test_pdf_reader.py checks the cells against pdfplumber's own table finder.
"""

import bisect
import ctypes
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from gongkai.report.parse import pdfium_lean
from gongkai.report.parse.pdf_chars import Char, cell_text
from gongkai.report.parse.pdfium_lean import address_of, page_object_at

TOLERANCE = 3.0  # points: pdfplumber's snap, join and intersection tolerance
STRAIGHT = 0.01  # points: a segment whose ends differ by less across is horizontal/vertical
MIN_RULE = 3.0  # points: pdfplumber's edge_min_length
MAX_PATHS = 20_000  # a page of vector drawing (a map) holds no table worth the cost
MAX_SEGMENTS = 5_000  # a path longer than this is a drawing: a table's grid has far fewer
RECTANGLE = 5  # segments of a rectangle path: move, three lines, a closing line
LINETO, MOVETO = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (top measured down the page)


@dataclass
class Rule:
    """A horizontal rule (at: its top; start, end: x0, x1) or a vertical one (at: x)."""

    at: float
    start: float
    end: float


Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in PDF
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix applying `first`, then `second` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = second
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)  # fmt: skip


def path_matrix(item) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(item, ctypes.byref(matrix)):
        return IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def page_paths(page) -> list[tuple]:
    """Every path object of the page, nested forms included, with the matrix of its forms
    (which maps its bounds onto the page; its points need its own matrix first); [] for a
    page of vector drawing."""
    paths: list[tuple] = []
    on_page = (pdfium_c.FPDFPage_CountObjects, pdfium_lean.page_object)
    in_form = (pdfium_c.FPDFFormObj_CountObjects, pdfium_lean.form_object)
    forms = objects_into(page.raw, on_page, IDENTITY, paths)
    while forms and len(paths) <= MAX_PATHS:
        form, outer = forms.pop()
        forms += objects_into(form, in_form, then(path_matrix(form), outer), paths)
    return [] if len(paths) > MAX_PATHS else paths


def objects_into(holder, access: tuple, matrix: Matrix, paths: list) -> list[tuple]:
    """Adds the holder's (a page's or a form's) path objects to `paths`; returns its forms.
    A page holds hundreds of objects (thousands from WPS): the loop goes by address
    (pdfium_lean) and wraps only the objects it keeps."""
    count_of, object_at = access
    path_kind, form_kind = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    at, kind_of, wrapped = address_of(holder), pdfium_lean.object_type, page_object_at
    forms = []
    for index in range(count_of(holder)):
        item = object_at(at, index)
        kind = kind_of(item)
        if kind == path_kind:
            paths.append((wrapped(item), matrix))
        elif kind == form_kind:
            forms.append((wrapped(item), matrix))
    return forms


def add_rule(x0: float, y0: float, x1: float, y1: float, found: tuple[list, list]) -> None:
    """A straight horizontal or vertical segment becomes a rule; others draw no table."""
    if abs(y1 - y0) <= STRAIGHT:
        found[0].append(Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= STRAIGHT:
        found[1].append(Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def add_path_rules(item, matrix: Matrix, height: float, found: tuple[list, list]) -> None:
    """The rules of one path: its segments' points mapped onto the page (top measured down);
    a line to a point, and a close back to the subpath's start, is a side."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    start = current = None
    for index in range(pdfium_c.FPDFPath_CountSegments(item)):
        segment = pdfium_c.FPDFPath_GetPathSegment(item, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x_ref, y_ref):
            continue
        px, py = a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == LINETO and current is not None:
            add_rule(current[0], current[1], px, py, found)
        if kind == MOVETO or start is None:
            start = (px, py)
        current = (px, py)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            add_rule(px, py, start[0], start[1], found)
            current = start


def page_rules(page, height: float) -> tuple[list[Rule], list[Rule]]:
    """The page's horizontal and vertical rules: every straight side of every path, as
    pdfplumber takes the sides of rects, lines and curves (a grid drawn as one path too)."""
    found: tuple[list[Rule], list[Rule]] = ([], [])
    bounds = Bounds()
    for item, outer in page_paths(page):
        count = pdfium_c.FPDFPath_CountSegments(item)
        if count == RECTANGLE and add_box_rules(item, outer, height, found, bounds):
            continue
        if count <= MAX_SEGMENTS:
            add_path_rules(item, then(path_matrix(item), outer), height, found)
    return found


class Bounds:
    """One buffer for the bounds of a page's many rectangles (a call each)."""

    def __init__(self) -> None:
        self.values = [ctypes.c_float() for _ in range(4)]
        self.refs = [ctypes.byref(value) for value in self.values]

    def of(self, item) -> tuple[float, float, float, float] | None:
        if not pdfium_c.FPDFPageObj_GetBounds(item, *self.refs):
            return None
        left, bottom, right, top = self.values
        return left.value, bottom.value, right.value, top.value


def add_box_rules(
    item, outer: Matrix, height: float, found: tuple[list, list], bounds: Bounds
) -> bool:
    """The four sides of a path of five segments (a rectangle: `re`, a cell's border or
    shading, most of a table) from its bounds: one call instead of twenty."""
    box = bounds.of(item)
    if box is None:
        return False
    left, bottom, right, top = box if outer == IDENTITY else mapped(box, outer)
    top, bottom = height - top, height - bottom
    found[0].extend((Rule(top, left, right), Rule(bottom, left, right)))
    found[1].extend((Rule(left, top, bottom), Rule(right, top, bottom)))
    return True


def mapped(box: tuple, m: Matrix) -> tuple:
    """A form's box (left, bottom, right, top) mapped onto the page by the form's matrix."""
    left, bottom, right, top = box
    corners = [(left, bottom), (left, top), (right, bottom), (right, top)]
    xs = [m[0] * x + m[2] * y + m[4] for x, y in corners]
    ys = [m[1] * x + m[3] * y + m[5] for x, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


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
    horizontal, vertical = page_rules(page, height)
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
        found.append((top, row_texts(row, present, near)))
    return found


def row_texts(row: list[Box | None], present: list[Box], near: list[Char]) -> list[str | None]:
    """Each cell's text; the cells of a row do not overlap, so a character's middle finds its
    cell by bisection on the cells' left edges."""
    lefts = [cell[0] for cell in present]
    held: list[list[Char]] = [[] for _ in present]
    for char in near:
        x = (char.x0 + char.x1) / 2
        index = bisect.bisect_right(lefts, x) - 1
        if index >= 0 and centre_in(char, present[index]):
            held[index].append(char)
    texts = iter(cell_text(chars) for chars in held)
    return [None if cell is None else next(texts) for cell in row]
