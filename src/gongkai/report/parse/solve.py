"""Section 三 read as a whole, for tables that PDF text extraction broke apart.

The row-by-row reader (`tables`) gives each label the figures after it. Extraction breaks
that: labels wrap so that a group label carries the figures, a block of labels comes before
a block of figure rows, a row's figures stand above its label, a fragment loses its label
after a page break, cells are glued into one digit run. Here the table is read as one
puzzle. Its figure rows (a line of `width` values, or several cells in a run) are assigned
to the format's data rows, keeping the printed order; a row printed on its label's line is
fixed there. The readings tried are the positional ones (each figure row belongs to the
nearest label before it, or after it) and, when neither fits, every order-keeping
assignment. Readings are ranked by the 勾稽关系 (`constraints`) they violate and satisfy;
figures on which the best readings disagree are left blank with a finding, never guessed.
Glued rows offer every cut that satisfies their own total (`glued`); the table's column
sums choose among them, and a cut is taken only when it is the one consistent cut.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import combinations, pairwise, product

from gongkai.report.findings import Finding
from gongkai.report.formats import CellSpec, Generation, Table
from gongkai.report.model import AMBIGUOUS, INFERRED, PRINTED
from gongkai.report.parse.columns import column_places, under_columns
from gongkai.report.parse.constraints import Equation, equations_within, tally
from gongkai.report.parse.findings import parse_finding
from gongkai.report.parse.glued import row_cuts
from gongkai.report.parse.normalize import squeeze
from gongkai.report.parse.segments import Segment, fit
from gongkai.report.parse.tokens import Kind, Token
from gongkai.report.parse.values import CellValue, cell_value

MAX_READINGS = 5_000  # order-keeping assignments examined before the table is left as read
MAX_GLUED_COMBINATIONS = 50_000

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


@dataclass
class Solution:
    cells: dict[str, CellValue] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)
    confidence: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)  # segments whose figures it placed


def solve_table(
    entries: list[Entry], generation: Generation, key: str, last_line: int | None = None
) -> Solution | None:
    """The cells of table `key` read as a whole; None when its region has no figures, or
    when the only reading is the row-by-row reader's (each label's figures after it)."""
    table = generation.table(key)
    data_rows = [row.key for row, _ in table.walk() if row.key]
    region = _region(entries, key, data_rows[-1])
    if not region or _plainly_read(region, len(table.columns)):
        return None
    layout = _layout(region, table, generation, data_rows, last_line)
    if not layout.rows:
        return None
    found = equations_within(generation.code, f"{table.prefix}.")
    maps = _positional(layout) or _enumerated(layout, data_rows)
    if not maps or (maps == [_positional_after(layout)] and _all_read(layout)):
        return None
    best = _best(maps, layout, table, found)
    return _solution(best, layout, table, found)


# -- the table's region and its figure rows ------------------------------------------------


def _region(entries: list[Entry], key: str, last_row: str) -> list[Entry]:
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


def _plainly_read(region: list[Entry], width: int) -> bool:
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


def _layout(
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
            if tokens[0].line == last_line and len(tokens) < width:
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
    specs = [generation.cells[key] for key in _first_row_keys(table)]
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
    for tokens in _lines(slots):
        if len(tokens) % width == 0:
            yield from _cut_run(run, width, adds_up)
            run = []
            yield from ((row, True) for row in _chunks(tokens, width))
        else:
            run += tokens
    yield from _cut_run(run, width, adds_up)


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
    keys = _first_row_keys(table)
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
    keys = _first_row_keys(table)
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
def _first_row_keys(table: Table) -> tuple[str, ...]:
    """The cell keys of one data row: what a glued row's cuts are checked against (every
    row of the table has the same equations within it)."""
    row = next(row for row, _ in table.walk() if row.key)
    return tuple(table.cell_key(row, column) for column in table.columns)


# -- readings: which figure row belongs to which data row ----------------------------------

Assignment = tuple[str, ...]  # the data row of each figure row, in printed order


def _all_read(layout: Layout) -> bool:
    return all(row.placed is not None and not row.by_column for row in layout.rows)


def _positional_after(layout: Layout) -> Assignment | None:
    rows = [row.anchor or _nearest_mark(layout, row.position, -1) for row in layout.rows]
    return tuple(rows) if all(rows) else None  # type: ignore[arg-type]


def _positional(layout: Layout) -> list[Assignment]:
    found = []
    for side in (-1, 1):
        rows = [row.anchor or _nearest_mark(layout, row.position, side) for row in layout.rows]
        if all(rows) and len(set(rows)) == len(rows):
            found.append(tuple(rows))  # type: ignore[arg-type]
    return list(dict.fromkeys(found))


def _nearest_mark(layout: Layout, position: int, side: int) -> str | None:
    if side < 0:
        before = [row for at, row in layout.marks if at < position]
        return before[-1] if before else None
    after = [row for at, row in layout.marks if at > position]
    return after[0] if after else None


def _enumerated(layout: Layout, data_rows: list[str]) -> list[Assignment]:
    """Every order-keeping assignment: rows printed beside their label stay there; the
    others take free data rows between them."""
    order = {row: n for n, row in enumerate(data_rows)}
    fixed = [(n, order[row.anchor]) for n, row in enumerate(layout.rows) if row.anchor in order]
    taken = {at for _, at in fixed}
    if any(a >= b for (_, a), (_, b) in pairwise(fixed)):
        return []  # labels out of the format's order: no order-keeping reading
    bounds = [(-1, -1), *fixed, (len(layout.rows), len(data_rows))]
    choices = []
    for (left, low), (right, high) in pairwise(bounds):
        free = [at for at in range(low + 1, high) if at not in taken]
        choices.append(list(combinations(free, right - left - 1)))
    total = 1
    for options in choices:
        total *= len(options)
    if total == 0 or total > MAX_READINGS:
        return []
    anchored = dict(fixed)
    maps = []
    for picks in product(*choices):
        spots = iter(at for pick in picks for at in pick)
        indices = [anchored[n] if n in anchored else next(spots) for n in range(len(layout.rows))]
        maps.append(tuple(data_rows[at] for at in indices))
    return maps


def _cells(assignment: Assignment, layout: Layout, table: Table) -> dict[str, CellValue]:
    """The figures an assignment gives (a glued row with several cuts counts as unknown)."""
    values: dict[str, CellValue] = {}
    for row, figure_row in zip(assignment, layout.rows, strict=True):
        reading = figure_row.readings[0] if len(figure_row.readings) == 1 else None
        for n, column in enumerate(table.columns):
            values[_key(table, row, column.key)] = reading[n] if reading else None
    return values


def _key(table: Table, row: str, column: str | None) -> str:
    return ".".join(part for part in (table.prefix, row, column) if part)


def _best(
    maps: list[Assignment], layout: Layout, table: Table, found: tuple[Equation, ...]
) -> list[Assignment]:
    """The readings that violate fewest 勾稽关系, then give most labels the figure row next
    to them. One that leaves more equations unevaluable (a row without figures) earns
    nothing for it: equally good readings that disagree leave their cells blank — unless
    the page was cut off within the table, which explains why its last labels have no
    figures: then the row-by-row reading (each label's figures after it) stands."""
    as_read = _positional_after(layout) if layout.cut else None
    scored = []
    for assignment in maps:
        violated, _ = tally(found, _cells(assignment, layout, table))
        agreement = -_agreement(assignment, layout)
        scored.append(((violated, agreement, assignment != as_read), assignment))
    top = min(score for score, _ in scored)
    return [assignment for score, assignment in scored if score == top]


def _agreement(assignment: Assignment, layout: Layout) -> int:
    """How many labels have their figure row right beside them — all on the same side, as
    a report prints figures either after their labels or before them."""
    rows = {row.position: row for row in layout.rows}
    assigned = {row.position: key for row, key in zip(layout.rows, assignment, strict=True)}
    sides = []
    for step in (1, -1):
        agree = 0
        for position, key in layout.marks:
            beside = position + step
            agree += beside in rows and assigned[beside] == key
        sides.append(agree)
    return max(sides)


# -- the solution ---------------------------------------------------------------------------


def _solution(
    best: list[Assignment], layout: Layout, table: Table, found: tuple[Equation, ...]
) -> Solution:
    solution = Solution(segments=list(layout.segments))
    as_read = _positional_after(layout)
    readings = [_choose_cuts(a, layout, table, found, a == as_read) for a in best]
    keys = {key for reading in readings for key in reading}
    for key in sorted(keys, key=_order(table)):
        values = {reading.get(key, (None,))[0] for reading in readings}
        if len(values) == 1:
            _take(solution, key, *readings[0].get(key, (None, None, AMBIGUOUS)))
        else:
            _take(solution, key, None, None, AMBIGUOUS)
    _note_ambiguous(solution, table)
    return solution


def _order(table: Table):
    keys = [
        table.cell_key(row, column)
        for row, _ in table.walk()
        if row.key
        for column in table.columns
    ]
    rank = {key: n for n, key in enumerate(keys)}
    return lambda key: rank.get(key, len(rank))


def _take(solution: Solution, key: str, value: CellValue, token: Token | None, level: str) -> None:
    solution.cells[key] = value
    solution.confidence[key] = level
    if token is not None:
        solution.tokens[key] = token


def _choose_cuts(
    assignment: Assignment,
    layout: Layout,
    table: Table,
    found: tuple[Equation, ...],
    as_read: bool,
) -> dict[str, tuple[CellValue, Token | None, str]]:
    """(value, printed token, confidence) of every cell the assignment fills; the cuts of
    glued rows chosen by the equations, blank where more than one cut stays consistent."""
    fixed = _cells(assignment, layout, table)
    open_rows = [n for n, row in enumerate(layout.rows) if len(row.readings) > 1]
    chosen = _consistent_cuts(open_rows, assignment, layout, table, found, fixed)
    result: dict[str, tuple[CellValue, Token | None, str]] = {}
    for n, (row, figure_row) in enumerate(zip(assignment, layout.rows, strict=True)):
        reading = chosen.get(n) if n in open_rows else (figure_row.readings or [None])[0]
        level = _level(row, figure_row, as_read) if reading else AMBIGUOUS
        placed = figure_row.placed
        for c, column in enumerate(table.columns):
            token = placed[c] if placed and reading else None
            value = reading[c] if reading else None
            result[_key(table, row, column.key)] = (value, token, level)
    return result


def _level(row: str, figure_row: FigureRow, as_read: bool) -> str:
    """Printed when the figures stand on their label's line, or the reading is the one a
    reader takes (each label's figures after it); inferred when the order or the 勾稽关系
    placed them, or cut a glued run."""
    if figure_row.glued or figure_row.by_column:
        return INFERRED
    return PRINTED if figure_row.anchor == row or as_read else INFERRED


def _consistent_cuts(
    open_rows: list[int],
    assignment: Assignment,
    layout: Layout,
    table: Table,
    found: tuple[Equation, ...],
    fixed: dict[str, CellValue],
) -> dict[int, Reading]:
    """The one combination of cuts of the glued rows that breaks no equation; rows whose cut
    differs between consistent combinations are left out (blank)."""
    if not open_rows:
        return {}
    options = [layout.rows[n].readings for n in open_rows]
    count = 1
    for readings in options:
        count *= len(readings)
    if count > MAX_GLUED_COMBINATIONS:
        return {}
    consistent = []
    for combination in product(*options):
        values = dict(fixed)
        for n, reading in zip(open_rows, combination, strict=True):
            for c, column in enumerate(table.columns):
                values[_key(table, assignment[n], column.key)] = reading[c]
        if tally(found, values)[0] == 0:
            consistent.append(combination)
    return {
        n: consistent[0][i]
        for i, n in enumerate(open_rows)
        if consistent and len({combination[i] for combination in consistent}) == 1
    }


def _note_ambiguous(solution: Solution, table: Table) -> None:
    blank = tuple(key for key, level in solution.confidence.items() if level == AMBIGUOUS)
    if blank:
        solution.findings.append(parse_finding("P-9", blank, table=table.caption, count=len(blank)))
