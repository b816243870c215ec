"""Tokens → cells: each row label takes the values that follow it, counted against its table.

The token stream is cut into segments (a text cell and the value cells after it). A segment
whose text is a row label of the generation gets its values placed in the table's columns:
by position when the count fits the table (blanks included), or the non-blank values when
those fit; any other count is ambiguous and stays null with a finding. Generation-A lists
take the first figure after the label (the 单位 cell and an empty 统计数 may come first, seed
000). Section 四 of B/C is usually one flat run of 15 values after its header (§2.3). Rows
with figures but no canonical key are kept in `extra` with their heading path (§1.2).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.report.findings import Finding
from gongkai.report.formats import GENERATIONS, Table
from gongkai.report.model import AMBIGUOUS, INFERRED, PRINTED, ExtraRow
from gongkai.report.parse.columns import by_arithmetic, by_gaps
from gongkai.report.parse.constraints import equations, equations_within, tally
from gongkai.report.parse.findings import parse_finding
from gongkai.report.parse.glued import row_cuts
from gongkai.report.parse.locate import (
    Candidate,
    Match,
    is_group,
    is_numbered,
    label_core,
    label_index,
    numbering_level,
)
from gongkai.report.parse.normalize import squeeze
from gongkai.report.parse.segments import Segment, fit, segments
from gongkai.report.parse.solve import Entry, Solution, figures_follow_labels, solve_table
from gongkai.report.parse.tokens import Kind, Token
from gongkai.report.parse.values import CellValue, cell_value, extra_value

APPEALS_KEY = "s4"
# A change printed with its sign or word (`+4`, `-3`, `增2`, `减少5`): the 本年增/减 column.
SIGNED = re.compile(r"^(?:[+-]|增|减)\d")
MATRIX_KEY = "s3"


@dataclass
class TableRead:
    cells: dict[str, CellValue] = field(default_factory=dict)
    provenance: dict[str, dict] = field(default_factory=dict)
    extra: list[ExtraRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    confidence: dict[str, str] = field(default_factory=dict)  # how each cell was read


def read_tables(tokens: list[Token], code: str) -> TableRead:
    reader = TableReader(code)
    reader.last_line = tokens[-1].line if tokens else None
    parts = segments(tokens)
    index = 0
    while index < len(parts):
        index = reader.step(parts, index)
    reader.flush_appeals()
    follows = code != "A" and figures_follow_labels(reader.trace, reader.generation)
    for table in reader.generation.tables if code != "A" else ():
        if table.key != APPEALS_KEY:  # section 四 is one flat run (flush_appeals)
            solution = solve_table(
                reader.trace, reader.generation, table.key, reader.last_line, follows
            )
            if solution is not None:
                reader.apply(solution, table.key)
    return reader.out


class TableReader:
    def __init__(self, code: str) -> None:
        self.index = label_index(code)
        self.generation = GENERATIONS[code]
        self.single_column = code == "A"
        self.cursor = 0
        self.context: Table | None = None
        self.region = False  # inside a table: unknown rows with figures become `extra`
        self.headings: list[tuple[int, str]] = []
        self.pending: tuple[Candidate, Token] | None = None  # a row label still awaiting values
        self.appeals: list[Token] = []
        self.out = TableRead()
        self.trace: list[Entry] = []  # every segment with what its label matched (`solve`)
        self.extra_from: list[Segment] = []  # the segment of each extra row
        self.last_line: int | None = None  # the source's last line: a page cut off there
        self.full_tables: set[str] = set()  # tables with a row printed to its last column
        self.short_totals: dict[str, Token] = {}  # cells of short rows (`_place_total`, sign)

    def step(self, parts: list[Segment], index: int) -> int:
        segment = parts[index]
        label = segment.label
        if label is None:
            self._orphan_values(segment)
        elif label.prose:
            self._end_region()
        elif is_gloss(label.text):
            self._continue_pending(segment)
        elif self.index.is_header(label.text) and (not segment.has_figure or self._in_appeals()):
            self.region = True
            self._orphan_values(segment)
        else:
            return self._labelled(parts, index)
        self.trace.append(Entry(segment, prose=bool(label and label.prose)))
        return index + 1

    def _labelled(self, parts: list[Segment], index: int) -> int:
        segment = parts[index]
        found = self.index.match(segment.label.text, self.cursor, segment.has_figure)
        match = self._accept(found, segment)
        if match is not None:
            self._matched(match, segment)
            return index + 1
        if self.pending and not is_numbered(segment.label.text):
            self._continue_pending(segment)
            self.trace.append(Entry(segment))
            return index + 1
        merged = self._merge(parts, index)
        if merged is not None:
            match, joined = merged
            self._matched(match, joined)
            return index + 2
        self._unknown(segment)
        self.trace.append(_weak_entry(segment, found))
        return index + 1

    def _accept(self, match: Match | None, segment: Segment) -> Match | None:
        """Weak or very short matches count only when figures follow (a header cell 总计 is
        not the row （七）总计)."""
        if match is None:
            return None
        if not match.candidate.takes_values:
            # A fragment of a wrapped label (`政府信息公开`) is no caption of another table.
            elsewhere = self.context is not None and match.candidate.table is not self.context
            return None if match.strength < 2 and elsewhere else match
        if len(label_core(segment.label.text)) <= 3 and not segment.has_figure:
            # 总计 / 其他 padded with blanks is a header cell; 规章 with blanks is a blank row.
            return None if self.index.is_header(segment.label.text) else match
        return None if match.strength < 3 and not segment.slots else match

    def _merge(self, parts: list[Segment], index: int) -> tuple[Match, Segment] | None:
        """A label split over two cells (`（二）部分` / `公开（区分处理的…）`)."""
        if parts[index].slots or index + 1 >= len(parts):
            return None
        following = parts[index + 1]
        if following.label is None or following.label.prose or is_numbered(following.label.text):
            return None
        alone = self.index.match(following.label.text, self.cursor, following.has_figure)
        if alone is not None and alone.strength == 3 and alone.candidate.takes_values:
            return None  # the next cell is a row of its own, not the rest of this label
        text = parts[index].label.text + following.label.text
        if len(label_core(text)) <= 3 and not following.has_figure:
            return None  # header words one character a line (其 / 他) make no row label
        if self.index.is_header(text) and (not following.has_figure or self._in_appeals()):
            return None  # a header word (总 / 计) above section 四's run
        match = self.index.match(text, self.cursor, following.has_figure)
        if match is None or match.strength < 2:
            return None
        joined_label = Token(Kind.TEXT, text, parts[index].label.line, parts[index].label.where)
        return match, Segment(joined_label, following.slots, following.units)

    def _matched(self, match: Match, segment: Segment) -> None:
        candidate = match.candidate
        table = candidate.table.key if candidate.table is not None else None
        self.trace.append(
            Entry(segment, table, candidate.row.key if candidate.takes_values else None)
        )
        if self._in_appeals() and candidate.table is not self.context:
            self.flush_appeals()
        self.cursor, self.context, self.region = candidate.index, candidate.table, True
        self.pending = None
        if candidate.table is not None and candidate.table.key == APPEALS_KEY:
            self._appeals_row(candidate, segment)
        elif candidate.row is None or is_group(candidate.row):
            self._heading(candidate, segment)
        elif segment.slots:
            self._place(candidate, segment.label, segment.slots)
        else:
            self.pending = (candidate, segment.label)

    def _heading(self, candidate: Candidate, segment: Segment) -> None:
        self._push_heading(segment.label.text)
        if candidate.row is not None and segment.has_figure:
            self.out.findings.append(parse_finding("P-5", label=segment.label.text))
            self._extra(segment)
        elif candidate.row is None:
            self._orphan_values(segment)

    def _continue_pending(self, segment: Segment) -> None:
        if self.pending is None:
            return
        if segment.slots:
            candidate, label = self.pending
            self.pending = None
            self._place(candidate, label, segment.slots)

    def _unknown(self, segment: Segment) -> None:
        if self._in_appeals():
            self._collect_appeals(segment)  # a header line that no cell split (§2.3)
        elif self.region and segment.has_figure:
            self._extra(segment)
        elif not segment.slots or not segment.has_figure:
            self._push_heading(segment.label.text)

    def _orphan_values(self, segment: Segment) -> None:
        if self._in_appeals():
            self._collect_appeals(segment)

    def _collect_appeals(self, segment: Segment) -> None:
        """Blank cells before a header cell pad the header rows (DOCX, PDF); only the run
        after the last header is the data row."""
        if not any(token.kind is Kind.VALUE for token in self.appeals):
            self.appeals = []
        self.appeals.extend(segment.slots)

    def _end_region(self) -> None:
        self.flush_appeals()
        self.region, self.pending, self.headings = False, None, []
        self.context = None

    def _in_appeals(self) -> bool:
        return self.context is not None and self.context.key == APPEALS_KEY

    def _push_heading(self, text: str) -> None:
        level = min(numbering_level(text), 3) if is_numbered(text) else 1
        self.headings = [(lv, t) for lv, t in self.headings if lv < level]
        self.headings.append((level, " ".join(text.split())))

    def _extra(self, segment: Segment) -> None:
        value = next(token for token in segment.slots if token.kind is Kind.VALUE)
        level = numbering_level(segment.label.text)
        section = " > ".join(text for lv, text in self.headings if lv < level) or None
        unit = segment.units[0].unit if segment.units else value.unit
        label = " ".join(segment.label.text.split())
        self.out.extra.append(ExtraRow(label, extra_value(value), section, unit))
        self.extra_from.append(segment)

    # -- the table read as a whole (solve.py) ---------------------------------------------

    def apply(self, solution: Solution, key: str) -> None:
        """The solver's reading of table `key` replaces the row-by-row one: its cells, their
        confidence and provenance; extra rows and findings made of the figures it placed go."""
        table = self.generation.table(key)
        own = {table.cell_key(row, c) for row, _ in table.walk() if row.key for c in table.columns}
        placed = {id(segment) for segment in solution.segments}
        kept = [(row, seg) for row, seg in zip(self.out.extra, self.extra_from, strict=True)]
        kept = [(row, seg) for row, seg in kept if id(seg) not in placed]
        placed_labels = {seg.label.text for seg in solution.segments if seg.label}
        self.out.extra = [row for row, _ in kept]
        self.extra_from = [seg for _, seg in kept]
        self.out.findings = [
            f for f in self.out.findings if not _replaced(f, own, placed_labels, solution)
        ]
        for cell in [c for c in self.out.cells if c in own]:
            if cell not in solution.cells and self.out.cells[cell] is not None:
                self._set(cell, None, None, PRINTED)
        for cell, value in solution.cells.items():
            if value != self.out.cells.get(cell) or cell not in self.out.cells:
                self._set(cell, value, solution.tokens.get(cell), solution.confidence[cell])
            else:
                self.out.confidence[cell] = solution.confidence[cell]
        self._keep_short_totals(own, solution)
        explained = {c for f in self.out.findings if f.rule == "P-2" for c in f.cells}
        for finding in solution.findings:
            if not set(finding.cells) <= explained:
                self.out.findings.append(finding)

    def _keep_short_totals(self, own: set[str], solution: Solution) -> None:
        """A short row's 总计 that the whole-table reading left blank stays, unless that
        reading placed the same figure in another cell."""
        used = {id(token) for token in solution.tokens.values() if token is not None}
        for key, token in self.short_totals.items():
            if key in own and solution.cells.get(key) is None and id(token) not in used:
                value, _ = cell_value(token, self.generation.cells[key])
                self._set(key, value, token, INFERRED)

    def _set(self, key: str, value: CellValue, token: Token | None, level: str) -> None:
        self.out.cells[key] = value
        self.out.confidence[key] = level
        self.out.provenance.pop(key, None)
        if token is not None:
            self.out.provenance[key] = {**token.provenance, "value": token.text}

    # -- placing values -----------------------------------------------------------------

    def _place(self, candidate: Candidate, label: Token, slots: list[Token]) -> None:
        table, row = candidate.table, candidate.row
        keys = [table.cell_key(row, column) for column in table.columns]
        if self.single_column:
            figures = [t for t in slots if t.kind in (Kind.VALUE, Kind.UNREADABLE)]
            placed = [figures[0] if figures else None]
        else:
            if len(slots) > len(keys) and all(t.line == self.last_line for t in slots[len(keys) :]):
                slots = slots[: len(keys)]  # the start of a label cut off with the page (`2`)
            placed = fit(slots, len(keys))
            if placed is not None and _printed(slots) >= len(keys):
                self.full_tables.add(table.key)  # every cell of a row printed in this table
            if placed is None:
                if self._cut_off(slots, len(keys), table.key):
                    keys, placed = keys[: len(slots)], slots  # the rest was never printed
                elif not self._place_glued(keys, label, slots):
                    self._ambiguous(keys, label, len(slots))
                    self._place_total(keys, label, slots)
                    self._place_by_sign(keys, slots)
                    return
                else:
                    return
        for key, token in zip(keys, placed, strict=True):
            self._record(key, token, label)

    def _cut_off(self, slots: list[Token], width: int, table: str) -> bool:
        """A row short of figures that ends on the last line of the source: a page cut off
        after the row's first cells (a cut page keeps the figures it shows) — its cells on
        that line, or one a line after a full row of the same table (blank cells are printed
        there, so the short row lost its end, not its blanks)."""
        if not 0 < len(slots) < width or slots[-1].line != self.last_line:
            return False
        return slots[0].line == self.last_line or table in self.full_tables

    def _place_glued(self, keys: list[str], label: Token, slots: list[Token]) -> bool:
        """Figures whose separators were lost (`310100032`): taken when exactly one cut into
        the row's cells satisfies the 勾稽关系 within the row (glued.py), marked inferred."""
        runs = [squeeze(token.text) for token in slots if token.kind is not Kind.BLANK]
        cuts = row_cuts(runs, keys, equations(self.generation.code))
        if not cuts or len(cuts) != 1:
            return False
        text = " ".join(token.text for token in slots)
        values = " | ".join(map(str, cuts[0]))
        self.out.findings.append(
            parse_finding("P-10", tuple(keys), label=label.text, text=text, values=values)
        )
        for key, value in zip(keys, cuts[0], strict=True):
            if self.out.cells.get(key) is None:
                self.out.cells[key] = value
                self.out.confidence[key] = INFERRED
                self.out.provenance[key] = {**slots[0].provenance, "value": text}
        return True

    def _place_total(self, keys: list[str], label: Token, slots: list[Token]) -> None:
        """A row printed one cell a line with its blank cells dropped (`1`, `1` under seven
        columns): when the last figure is the sum of those before it (a lone `0` too), it is
        the 总计 column by the row's own 勾稽关系 — taken as inferred; the rest stay blank."""
        if not keys[-1].endswith(".total") or not slots or len(slots) >= len(keys):
            return
        if any(token.kind is not Kind.VALUE or token.number is None for token in slots):
            return
        lines = {token.line for token in slots}
        if len(lines) < len(slots) or label.line in lines:
            return  # figures side by side lost a cell, not their blanks: no column is sure
        *parts, last = slots
        if last.number != sum((token.number for token in parts), Decimal(0)):
            return
        value, readable = cell_value(last, self.generation.cells[keys[-1]])
        if readable and value is not None:
            self._set(keys[-1], value, last, INFERRED)
            self.short_totals[keys[-1]] = last

    def _place_by_sign(self, keys: list[str], slots: list[Token]) -> None:
        """A short row one cell a line whose 本年增/减 figure carries its sign (`19`, `+4`
        under 上一年项目数量 | 本年增/减 | 处理决定数量): the sign fixes that column, and the
        figures before and after it fill the columns on either side when their counts do (a
        side with no figure stays blank); anything else stays blank. Marked inferred."""
        change = next((n for n, key in enumerate(keys) if key.endswith(".change")), None)
        lines = {token.line for token in slots}
        if change is None or len(lines) < len(slots) or len(slots) >= len(keys):
            return
        signed = [n for n, token in enumerate(slots) if SIGNED.match(squeeze(token.text))]
        if len(signed) != 1 or any(token.kind is not Kind.VALUE for token in slots):
            return
        before, after = slots[: signed[0]], slots[signed[0] + 1 :]
        if len(before) not in (0, change) or len(after) not in (0, len(keys) - change - 1):
            return
        placed = [*(before or [None] * change), slots[signed[0]], *after]
        for key, token in zip(keys, placed, strict=False):
            value, readable = cell_value(token, self.generation.cells[key])
            if token is not None and readable and value is not None:
                self._set(key, value, token, INFERRED)
                self.short_totals[key] = token

    def _ambiguous(self, keys: list[str], label: Token, found: int) -> None:
        self.out.findings.append(
            parse_finding("P-2", tuple(keys), label=label.text, found=found, expected=len(keys))
        )
        for key in keys:
            self.out.cells.setdefault(key, None)
            if self.out.cells[key] is None:
                self.out.confidence[key] = AMBIGUOUS

    def _record(self, key: str, token: Token | None, label: Token) -> None:
        if self.out.cells.get(key) is not None:
            return  # the first printed figure wins over a repeated table
        spec = self.generation.cells[key]
        value, readable = cell_value(token, spec)
        self.out.cells[key] = value
        self.out.confidence[key] = PRINTED if readable else AMBIGUOUS
        if token is None:
            return
        if not readable:
            self.out.findings.append(parse_finding("P-1", (key,), text=token.text))
        elif token.leading_zero:
            self.out.findings.append(parse_finding("P-3", (key,), text=token.text, value=value))
        self.out.provenance[key] = {**token.provenance, "text": label.text, "value": token.text}

    def _appeals_row(self, candidate: Candidate, segment: Segment) -> None:
        own_row = candidate.row is not None and candidate.row.key and segment.has_figure
        if own_row and fit(segment.slots, 5):
            self._place(candidate, segment.label, segment.slots)
        elif own_row and len(segment.slots) < 5:
            self._place(candidate, segment.label, segment.slots)  # glued, or ambiguous
        else:
            self._collect_appeals(segment)

    def _by_position(self, run: list[Token], keys: list[str]) -> list | None:
        """Section 四's run short of figures in column-laid-out text: a blank past each gap as
        wide as a column (header words are no guide: CJK characters print wider than they
        count), taken only when no 勾稽关系 of the table breaks; else where the 勾稽关系 put
        the blanks (columns.by_arithmetic)."""
        placed = by_gaps(run, len(keys))
        if placed is not None:
            values = {
                key: cell_value(t, self.generation.cells[key])[0]
                for key, t in zip(keys, placed, strict=True)
            }
            broken, _ = tally(equations_within(self.generation.code, f"{APPEALS_KEY}."), values)
            if broken == 0:
                return placed
        return by_arithmetic(run, len(keys), self._appeals_hold(keys))

    def _appeals_hold(self, keys: list[str]) -> Callable[[list[Token]], bool]:
        """Whether section 四's 勾稽关系 hold for a reading of the run, a blank being 0."""
        rules = equations_within(self.generation.code, f"{APPEALS_KEY}.")
        specs = [self.generation.cells[key] for key in keys]

        def hold(cells: list[Token]) -> bool:
            values = {
                key: cell_value(token, spec)[0] or 0
                for key, token, spec in zip(keys, cells, specs, strict=True)
            }
            return tally(rules, values)[0] == 0

        return hold

    def flush_appeals(self) -> None:
        """Section 四's flat run: 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5 (§2.3)."""
        if not self.appeals:
            return
        run, self.appeals = self.appeals, []
        table = self.generation.table(APPEALS_KEY)
        rows = [row for row, _ in table.walk() if row.key]
        keys = [table.cell_key(row, column) for row in rows for column in table.columns]
        placed = fit(run, len(keys))
        label = Token(Kind.TEXT, table.caption, run[0].line, run[0].where)
        level = PRINTED
        if placed is None:
            placed = self._by_position(run, keys)
            level = INFERRED  # each figure under the column it stands in
        if placed is None:
            if not self._place_glued(keys, label, run):
                self._ambiguous(keys, label, len(run))
            return
        for key, token in zip(keys, placed, strict=True):
            self._record(key, token, label)
            if self.out.confidence.get(key) == PRINTED:
                self.out.confidence[key] = level


def _printed(slots: list[Token]) -> int:
    return sum(1 for token in slots if token.kind is not Kind.BLANK)


def _weak_entry(segment: Segment, found: Match | None) -> Entry:
    """A row label read too weakly to take the figures after it still marks where that row
    stands, for the solver (a row printed without figures, beside its group label)."""
    if found is None or found.strength < 2 or not found.candidate.takes_values:
        return Entry(segment)
    candidate = found.candidate
    return Entry(segment, candidate.table.key, candidate.row.key)  # type: ignore[union-attr]


def _replaced(finding: Finding, own: set[str], labels: set[str], solution: Solution) -> bool:
    """A row-by-row finding that the solver's reading supersedes."""
    if finding.rule == "P-5":
        return any(label in finding.message_zh for label in labels)
    in_table = bool(finding.cells) and set(finding.cells) <= own
    if finding.rule == "P-2":
        return in_table and all(solution.confidence.get(c) != AMBIGUOUS for c in finding.cells)
    moved = all(solution.confidence.get(cell) != PRINTED for cell in finding.cells)
    return finding.rule in ("P-1", "P-3") and in_table and moved


def is_gloss(text: str) -> bool:
    """A parenthetical on its own (`（不同渠道和方式公开相同信息计1条）`, seed 004) or the
    tail of a label cut by a line break: part of the label before it."""
    core = label_core(text)
    return not core or (squeeze(text).startswith("(") and not is_numbered(text))
