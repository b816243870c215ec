"""Figures placed under their column by where they stand on the line.

PDF text extracted with its layout kept (`pdftotext -layout`, pdfplumber `layout=True`)
prints a table's figures in columns, and a blank cell as nothing but spaces: a row with a
blank cell has fewer figures than the table has columns, and counting cannot tell which
column is blank. Where the rows with every cell filled agree on each column's position, a
short row's figures are placed under the nearest column; text without such columns (one
space between figures) is left alone. Figures are right-aligned, left-aligned or centred
in their column: whichever edge the full rows agree on is the one compared.
"""

from collections.abc import Callable
from itertools import combinations, pairwise
from statistics import median

from gongkai.report.parse.tokens import Kind, Token

STEADY = 1.5  # how far a full row's figure may stray from its column's place, in characters
EDGES = ("end", "start", "middle")

Columns = tuple[str, list[float]]  # the edge compared, and each column's place


def column_places(full_rows: list[list[Token]], width: int, least: int = 2) -> Columns | None:
    """Each column's place, when most full rows (`least` at least) agree on it; a row that
    stands apart (a label too long for its column, run into the figures) does not count."""
    rows = [row for row in full_rows if len(row) == width and _placed(row)]
    if len(rows) < least or width < 2:
        return None
    for edge in EDGES:
        places = [median(_at(row[n], edge) for row in rows) for n in range(width)]
        agree = [row for row in rows if _fits(row, places, edge)]
        if len(agree) >= max(least, 0.6 * len(rows)) and all(a < b for a, b in pairwise(places)):
            return edge, places
    return None


def _fits(row: list[Token], places: list[float], edge: str) -> bool:
    return all(
        abs(_at(token, edge) - place) <= STEADY for token, place in zip(row, places, strict=True)
    )


def under_columns(tokens: list[Token], columns: Columns) -> list[Token] | None:
    """The row's cells by column, blanks where no figure stands; None unless every figure
    stands right at a column's place, each under a column of its own."""
    edge, places = columns
    figures = [token for token in tokens if token.kind is not Kind.BLANK]
    if not figures or not _placed(figures) or len(figures) >= len(places):
        return None
    cells: list[Token | None] = [None] * len(places)
    for token in figures:
        at = _at(token, edge)
        nearest = min(range(len(places)), key=lambda n: abs(places[n] - at))
        if abs(places[nearest] - at) > STEADY or cells[nearest] is not None:
            return None
        cells[nearest] = token
    line, where = figures[0].line, figures[0].where
    return [cell or Token(Kind.BLANK, "", line, where) for cell in cells]


def by_gaps(tokens: list[Token], width: int) -> list[Token] | None:
    """A lone row (section 四's run of 15) short of a few figures: where the gap between two
    figures is a whole number of the usual gaps wider, the columns between them are blank.
    None unless every gap is close to a whole number of usual gaps and the count works out."""
    figures = [token for token in tokens if token.kind is not Kind.BLANK]
    missing = width - len(figures)
    if not 0 < missing <= 3 or len(figures) < 4 or not _placed(figures):
        return None
    for edge in EDGES:
        cells = _gap_cells(figures, missing, edge)
        if cells is not None:
            return cells
    return None


def _gap_cells(figures: list[Token], missing: int, edge: str) -> list[Token] | None:
    gaps = [_at(b, edge) - _at(a, edge) for a, b in pairwise(figures)]
    usual = median(gaps)
    if usual < 2:
        return None
    steps = [round(gap / usual) for gap in gaps]
    close = all(
        abs(gap - step * usual) <= 0.45 * usual for gap, step in zip(gaps, steps, strict=True)
    )
    if not close or min(steps) < 1 or sum(steps) - len(steps) != missing:
        return None
    cells: list[Token] = [figures[0]]
    for token, step in zip(figures[1:], steps, strict=True):
        cells += [Token(Kind.BLANK, "", token.line, token.where)] * (step - 1) + [token]
    return cells


def _at(token: Token, edge: str) -> float:
    """Where the figure's start, end or middle stands (`Token.offset` is its middle)."""
    start = (token.offset or 0) - len(token.text) // 2
    if edge == "start":
        return float(start)
    if edge == "end":
        return float(start + len(token.text) - 1)
    return start + (len(token.text) - 1) / 2


def _placed(tokens: list[Token]) -> bool:
    return all(token.offset is not None for token in tokens)


WIDER = 1.5  # the blank's gap must be this much wider than any other candidate's


def by_arithmetic(
    tokens: list[Token], width: int, consistent: Callable[[list[Token]], bool]
) -> list[Token] | None:
    """A lone row short of a few figures whose gaps are too uneven for `by_gaps` (a caption
    drawn over it shifted the figures): the blanks go where the row's 勾稽关系 hold, a blank
    counting as 0. One such placement is taken; of several, the one whose blanks stand in
    gaps clearly wider than the other placements' (a blank cell leaves a wider gap)."""
    figures = [token for token in tokens if token.kind is not Kind.BLANK]
    missing = width - len(figures)
    if not 0 < missing <= 3 or len(figures) < 4:
        return None
    fits = [
        cells
        for spots in combinations(range(width), missing)
        if consistent(cells := _with_blanks(figures, spots))
    ]
    if len(fits) <= 1:
        return fits[0] if fits else None
    if not _placed(figures):
        return None
    widths = sorted(((_blank_gap(cells), n) for n, cells in enumerate(fits)), reverse=True)
    (best, chosen), (second, _) = widths[0], widths[1]
    return fits[chosen] if best >= WIDER * max(second, 1) else None


def _with_blanks(figures: list[Token], spots: tuple[int, ...]) -> list[Token]:
    given = iter(figures)
    line, where = figures[0].line, figures[0].where
    return [
        Token(Kind.BLANK, "", line, where) if n in spots else next(given)
        for n in range(len(figures) + len(spots))
    ]


def _blank_gap(cells: list[Token]) -> float:
    """The narrowest gap, in characters, that holds one of the row's blanks (0 at an end)."""
    widths = []
    for n, cell in enumerate(cells):
        if cell.kind is not Kind.BLANK:
            continue
        before = next((c for c in reversed(cells[:n]) if c.kind is not Kind.BLANK), None)
        after = next((c for c in cells[n + 1 :] if c.kind is not Kind.BLANK), None)
        if before is None or after is None:
            return 0.0
        widths.append(_at(after, "start") - _at(before, "end") - 1)
    return min(widths)
