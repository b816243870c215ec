"""Section 三 read as a whole, for tables that PDF text extraction broke apart.

The row-by-row reader (`tables`) gives each label the figures after it, and
`figure_rows` cuts the table's region into label marks and figure rows. Extraction breaks
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

from dataclasses import dataclass, field
from itertools import combinations, pairwise, product
from math import comb, prod

from gongkai.report.findings import Finding
from gongkai.report.formats import Generation, Table
from gongkai.report.model import AMBIGUOUS, INFERRED, PRINTED
from gongkai.report.parse.constraints import Equation, equations_within, tally
from gongkai.report.parse.figure_rows import (
    Entry,
    FigureRow,
    Layout,
    Reading,
    build_layout,
    plainly_read,
    region_of,
)
from gongkai.report.parse.findings import parse_finding
from gongkai.report.parse.segments import Segment
from gongkai.report.parse.tokens import Token
from gongkai.report.parse.values import CellValue

MAX_READINGS = 5_000  # order-keeping assignments examined before the table is left as read
MAX_GLUED_COMBINATIONS = 50_000


@dataclass
class Solution:
    cells: dict[str, CellValue] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)
    confidence: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)  # segments whose figures it placed


def figures_follow_labels(entries: list[Entry], generation: Generation) -> bool:
    """Whether some table of the report is read plainly, every label with its figures after
    it: the report prints figures after their labels, which settles a tie between the
    readings `after` and `before` in its other tables (a report prints one way)."""
    for table in generation.tables:
        data_rows = [row.key for row, _ in table.walk() if row.key]
        region = region_of(entries, table.key, data_rows[-1]) if data_rows else []
        if region and plainly_read(region, len(table.columns)):
            return True
    return False


def solve_table(
    entries: list[Entry],
    generation: Generation,
    key: str,
    last_line: int | None = None,
    follows: bool = False,
) -> Solution | None:
    """The cells of table `key` read as a whole; None when its region has no figures, or
    when the only reading is the row-by-row reader's (each label's figures after it).
    `follows`: the report's other tables print figures after their labels."""
    table = generation.table(key)
    data_rows = [row.key for row, _ in table.walk() if row.key]
    region = region_of(entries, key, data_rows[-1])
    if not region or plainly_read(region, len(table.columns)):
        return None
    layout = build_layout(region, table, generation, data_rows, last_line)
    if not layout.rows:
        return None
    found = equations_within(generation.code, f"{table.prefix}.")
    maps = _positional(layout) or _enumerated(layout, data_rows)
    if not maps or (maps == [_positional_after(layout)] and _all_read(layout)):
        return None
    best = _best(maps, layout, table, found)
    as_read = _positional_after(layout)
    if follows and len(best) > 1 and as_read in best:
        best = [as_read]  # the report's own way of printing decides between equals
    return _solution(best, layout, table, found)


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
    gaps = []
    for (left, low), (right, high) in pairwise(bounds):
        free = [at for at in range(low + 1, high) if at not in taken]
        gaps.append((free, right - left - 1))
    # Counted before any is listed: a long stretch of free rows has astronomically many.
    total = prod(comb(len(free), wanted) for free, wanted in gaps)
    if total == 0 or total > MAX_READINGS:
        return []
    choices = [list(combinations(free, wanted)) for free, wanted in gaps]
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
