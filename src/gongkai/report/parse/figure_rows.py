"""A table's region in the token stream and its figure rows: what the table solver
(`solve`) reads.

The region runs from the table's first label to its last, widened over the neighbours that
belong to no other table. Its figures are cut into rows — a line of `width` cells, or short
lines run together and cut by count while each row adds up — and each row is anchored to
the label printed on its line, or left free for the solver to place. A row short of figures
in column-laid-out text takes them by the column they stand in (`columns`); a glued digit
run offers its consistent cuts (`glued`).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

from gongkai.report.formats import CellSpec, Generation, Table
from gongkai.report.parse.columns import column_places, under_columns
from gongkai.report.parse.constraints import equations_within
from gongkai.report.parse.glued import row_cuts
from gongkai.report.parse.normalize import squeeze
from gongkai.report.parse.segments import Segment, fit
from gongkai.report.parse.tokens import Kind, Token
from gongkai.report.parse.values import CellValue, cell_value

Reading = tuple[CellValue, ...]


@dataclass
class Entry:
    """One segment as the row-by-row reader saw it."""

    segment: Segment
    table: str | None = None  # the table its label belongs to (None: no label matched)
    row: str | None = None  # the data row its label names
    prose: bool = False


@dataclass
class FigureRow:
    tokens: list[Token]
    position: int  # printed order among labels and figure rows
    anchor: str | None  # the data row printed on the same line
    cuts: list[Reading] = field(default_factory=list)  # a glued row's consistent cuts
    glued: bool = False
    placed: list[Token] | None = None  # a clean row's cells by column
    by_column: bool = False  # placed by where its figures stand (`columns`), not by count
    specs: list[CellSpec] = field(default_factory=list)

    @cached_property
    def readings(self) -> list[Reading]:
        """One reading for a clean row, the cuts of a glued one, none for a row whose
        columns cannot be told apart. Worked out only when the solver needs them."""
        if self.placed is None:
            return self.cuts
        pairs = zip(self.placed, self.specs, strict=True)
        return [tuple(cell_value(token, spec)[0] for token, spec in pairs)]


@dataclass
class Layout:
    marks: list[tuple[int, str]] = field(default_factory=list)  # (position, data row)
    rows: list[FigureRow] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    cut: bool = False  # the source ends within the table (a cut page)


def region_of(entries: list[Entry], key: str, last_row: str) -> list[Entry]:
    """From the first entry of the table to its last, widened over neighbours that belong to
    no other table (header rows, fragments of wrapped labels, figure rows without a label);
    the table's last row ends it (words of the next table's header may match its labels)."""
    own = [n for n, entry in enumerate(entries) if entry.table == key]
    if not own:
        return []
    start, end = own[0], own[-1]
    while start > 0 and _neutral(entries[start - 1]):
        start -= 1
    last = [n for n in own if entries[n].row == last_row]
    if last:
        return entries[start : last[0] + 1]
    while end + 1 < len(entries) and _neutral(entries[end + 1]):
        end += 1
    return entries[start : end + 1]


def plainly_read(region: list[Entry], width: int) -> bool:
    """Every figure of the region follows a row label and fits its row by count, from the
    first label to the last: the row-by-row reading is the only one, and the solver has
    nothing to add (most reports). A last label without figures could mean that every
    row's figures stand above its label instead."""
    marked = [entry for entry in region if entry.row is not None]
    if not marked or not _has_figure(marked[0]) or not _has_figure(marked[-1]):
        return False
    for entry in region:
        if _has_figure(entry) and (entry.row is None or fit(entry.segment.slots, width) is None):
            return False
    return True


def _has_figure(entry: Entry) -> bool:
    return any(token.kind is Kind.VALUE for token in entry.segment.slots)


def _neutral(entry: Entry) -> bool:
    return entry.table is None and not entry.prose


def build_layout(
    region: list[Entry],
    table: Table,
    generation: Generation,
    data_rows: list[str],
    last_line: int | None = None,
) -> Layout:
    layout = Layout()
    width = len(table.columns)
    order = {row: n for n, row in enumerate(data_rows)}
    adds_up = _row_adds_up(table, generation.code)
    for entry in region:
        label_line = entry.segment.label.line if entry.segment.label else None
        mark = entry.row if _in_order(layout, order, entry.row) else None
        if mark is not None:
            layout.marks.append((_position(layout), mark))
        for tokens, countable in _figure_groups(entry.segment.slots, width, adds_up):
            anchor = mark if mark and tokens[0].line == label_line else None
            if anchor is not None and any(row.anchor == anchor for row in layout.rows):
                continue  # a repeated table: the first printed figures win
            if _cut_short(tokens, width, last_line, layout):
                # A page cut off after the row's first cells: they are all it shows.
                blank = Token(Kind.BLANK, "", tokens[-1].line, tokens[-1].where)
                tokens, countable = [*tokens, *[blank] * (width - len(tokens))], True
            row = _figure_row(tokens, _position(layout), anchor, table, generation, countable)
            if row is not None:
                layout.rows.append(row)
                layout.segments.append(entry.segment)
    _place_by_columns(layout, table, generation)
    _drop_strays_at_edges(layout)
    last = region[-1].segment
    ends = [token.line for token in (last.label, *last.slots) if token is not None]
    layout.cut = last_line is not None and bool(ends) and max(ends) >= last_line
    return layout


def _cut_short(tokens: list[Token], width: int, last_line: int | None, layout: Layout) -> bool:
    """A row short of cells that the source's end cuts: on its last line, or one cell a line
    up to it after a full row of the table (blank cells are printed here, so a short row at
    the end is a cut page, not a row that lost its blanks)."""
    if len(tokens) >= width or tokens[-1].line != last_line:
        return False
    printed = (sum(1 for t in row.tokens if t.kind is not Kind.BLANK) for row in layout.rows)
    return tokens[0].line == last_line or any(count >= width for count in printed)


def _drop_strays_at_edges(layout: Layout) -> None:
    """Figures that no count places, before the table's first label or after its last
    (a header's column numbers, a page's furniture), are no row of the table."""
    if not layout.marks:
        return
    first, last = layout.marks[0][0], layout.marks[-1][0]
    kept = [
        (row, segment)
        for row, segment in zip(layout.rows, layout.segments, strict=True)
        if row.readings or row.glued or first < row.position < last + 2
    ]
    layout.rows = [row for row, _ in kept]
    layout.segments = [segment for _, segment in kept]


NEIGHBOURS = 4  # full rows nearest a short row that show its columns (a page break moves them)


def _place_by_columns(layout: Layout, table: Table, generation: Generation) -> None:
    """Rows short of figures in column-laid-out text take them by position (`columns`),
    by the columns of the full rows nearest them: each page of a PDF sets its own."""
    width = len(table.columns)
    full = [row for row in layout.rows if row.placed and len(row.tokens) == width]
    short = [row for row in layout.rows if row.placed is None and not row.glued]
    # A small table (section 二's one- and two-row tables) has one full row to go by;
    # header words are no guide, since CJK characters print wider than they count.
    least = 2 if len(layout.rows) > 2 else 1
    specs = [generation.cells[key] for key in first_row_keys(table)]
    for row in short:
        near = sorted(full, key=lambda other: abs(other.position - row.position))[:NEIGHBOURS]
        columns = column_places([other.placed for other in near], width, least)  # type: ignore[misc]
        placed = under_columns(row.tokens, columns) if columns else None
        if placed is not None:
            row.placed, row.specs, row.by_column = placed, specs, True


def _in_order(layout: Layout, order: dict[str, int], row: str | None) -> bool:
    """A row label after a later row's label names no row of this table (a header word
    such as 其他 matching （六）3.其他)."""
    if row not in order:
        return False
    return not layout.marks or order[layout.marks[-1][1]] < order[row]  # type: ignore[index]


def _position(layout: Layout) -> int:
    return len(layout.marks) + len(layout.rows)


def _figure_groups(
    slots: list[Token], width: int, adds_up: Callable[[list[Token]], bool]
) -> Iterator[tuple[list[Token], bool]]:
    """The slots cut into rows, each with whether counting may place its cells: a line of
    `width` cells (or a multiple) is a row each; shorter lines run together (one cell a
    line, or a row broken over lines) and are cut every `width` cells."""
    run: list[Token] = []
    for tokens in (_without_surplus_blanks(line, width) for line in _lines(slots)):
        if len(tokens) % width == 0:
            yield from _cut_run(run, width, adds_up)
            run = []
            yield from ((row, True) for row in _chunks(tokens, width))
        else:
            run += tokens
    yield from _cut_run(run, width, adds_up)


def _without_surplus_blanks(tokens: list[Token], width: int) -> list[Token]:
    """A line with more cells than the table has columns loses its empty cells at either
    end: a row label merged over two grid columns leaves an empty cell before the figures."""
    start, end = 0, len(tokens)
    while end - start > width and tokens[start].kind is Kind.BLANK:
        start += 1
    while end - start > width and tokens[end - 1].kind is Kind.BLANK:
        end -= 1
    return tokens[start:end]


def _lines(slots: list[Token]) -> list[list[Token]]:
    lines: list[list[Token]] = []
    for token in slots:
        if lines and lines[-1][-1].line == token.line:
            lines[-1].append(token)
        else:
            lines.append([token])
    return lines


def _cut_run(
    run: list[Token], width: int, adds_up: Callable[[list[Token]], bool]
) -> Iterator[tuple[list[Token], bool]]:
    """A run of short lines: cut by count when its length is a whole number of rows;
    otherwise a row lost a blank cell and shifted every figure after it, so it is cut
    only while each row adds up, and the rest is one row that no count can place."""
    if len(run) % width == 0:
        yield from ((row, True) for row in _chunks(run, width))
        return
    while len(run) > width and adds_up(run[:width]):
        yield run[:width], True
        run = run[width:]
    if run:
        yield run, len(run) <= width


def _chunks(tokens: list[Token], width: int) -> Iterator[list[Token]]:
    for start in range(0, len(tokens), width):
        yield tokens[start : start + width]


@cache
def _row_adds_up(table: Table, code: str) -> Callable[[list[Token]], bool]:
    """Whether a row's cells satisfy the equations within the row (its total column); a
    blank or unreadable cell leaves an equation unchecked."""
    keys = first_row_keys(table)
    within = equations_within(code, f"{table.prefix}.")
    own = [equation for equation in within if set(equation.keys) <= set(keys)]

    def adds_up(tokens: list[Token]) -> bool:
        values = {key: token.number for key, token in zip(keys, tokens, strict=True)}
        return all(equation.holds(values) is not False for equation in own)

    return adds_up


def _figure_row(
    tokens: list[Token],
    position: int,
    anchor: str | None,
    table: Table,
    generation: Generation,
    countable: bool = True,
) -> FigureRow | None:
    if anchor is None and not any(token.kind is not Kind.BLANK for token in tokens):
        return None  # whitespace-only lines between rows (PDF layout text): no figure row
    keys = first_row_keys(table)
    placed = fit(tokens, len(keys)) if countable else None
    if placed is not None:
        specs = [generation.cells[key] for key in keys]
        return FigureRow(tokens, position, anchor, placed=placed, specs=specs)
    runs = [squeeze(token.text) for token in tokens if token.kind is not Kind.BLANK]
    found = equations_within(generation.code, f"{table.prefix}.")
    cuts = row_cuts(runs, keys, found)
    if cuts is not None:
        return FigureRow(tokens, position, anchor, list(cuts), glued=True)
    if len(tokens) == 1:
        return None  # a stray figure (a page number, a year), no row of this table
    return FigureRow(tokens, position, anchor)


@cache
def first_row_keys(table: Table) -> tuple[str, ...]:
    """The cell keys of one data row: what a glued row's cuts are checked against (every
    row of the table has the same equations within it)."""
    row = next(row for row, _ in table.walk() if row.key)
    return tuple(table.cell_key(row, column) for column in table.columns)
