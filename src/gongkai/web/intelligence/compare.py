"""Comparisons of annual reports on the common indicators (gongkai.report.indicators): two
reports side by side, one agency over its years, peers ranked. Pure: it works on `Side`s —
one report's current figures (corrections included) — that compare_data.py reads.

Values are shown as the page prints them: counts as integers, 万元 as written, rates as
percentages with one decimal; a missing value prints its reason, never a zero.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from gongkai.report.formats import GENERATIONS
from gongkai.report.indicators import (
    INDICATOR_BY_ID,
    INDICATORS,
    MEASURE_IDS,
    RATE_BY_ID,
    Change,
    Measure,
    change,
    measure,
)

# What the peers page ranks on (the list): applications per year, then the rates.
RANKED = ("applications", "disclosure_rate", "withheld_rate", "review_correction_rate",
          "carry_forward_rate", "on_time_rate")  # fmt: skip
NOTHING = "—"


@dataclass(frozen=True)
class Side:
    """One report as compared: whose, which year and format, its figures and measures."""

    agency: str
    year: int
    generation: str
    cells: Mapping[str, object]
    measures: Mapping[str, Measure]
    report_pk: int | None = None  # the imported PublishedReport, if it is one
    source: str = ""


def side(agency: str, year: int, generation: str, cells: Mapping[str, object], **extra) -> Side:
    return Side(agency, year, generation, cells, measure(generation, cells), **extra)


def is_rate(measure_id: str) -> bool:
    return measure_id in RATE_BY_ID


def label_of(measure_id: str) -> str:
    return (RATE_BY_ID.get(measure_id) or INDICATOR_BY_ID[measure_id]).label


def unit_of(measure_id: str) -> str:
    return (RATE_BY_ID.get(measure_id) or INDICATOR_BY_ID[measure_id]).unit


def formula_of(measure_id: str) -> str:
    return RATE_BY_ID[measure_id].formula if is_rate(measure_id) else ""


def shown(measure_id: str, value: object) -> str:
    """A value as printed: 73.7% for a rate, the number itself otherwise."""
    if value is None:
        return NOTHING
    if is_rate(measure_id):
        return f"{percent(value)}%"
    return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)


def percent(fraction: object) -> Decimal:
    """A fraction as a percentage with one decimal, rounded half up (四舍五入: 81.25 → 81.3)."""
    return (Decimal(fraction) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def signed(text: str, value: object) -> str:
    return text if text.startswith("-") or value == 0 else f"+{text}"


@dataclass(frozen=True)
class MeasureRow:
    """One indicator or rate of two reports, and the change between them."""

    id: str
    before: Measure
    after: Measure
    change: Change

    @property
    def label(self) -> str:
        return label_of(self.id)

    @property
    def unit(self) -> str:
        return unit_of(self.id)

    @property
    def formula(self) -> str:
        return formula_of(self.id)

    @property
    def before_text(self) -> str:
        return shown(self.id, self.before.value)

    @property
    def after_text(self) -> str:
        return shown(self.id, self.after.value)

    @property
    def difference_text(self) -> str:
        return difference_text(self.id, self.change)

    @property
    def rate_text(self) -> str:
        return rate_text(self.id, self.change)


def difference_text(measure_id: str, moved: Change) -> str:
    difference = moved.difference
    if difference is None:
        return NOTHING
    if is_rate(measure_id):  # the difference of two shares is in percentage points
        return signed(f"{percent(difference)} 个百分点", difference)
    return signed(shown(measure_id, difference), difference)


def rate_text(measure_id: str, moved: Change) -> str:
    """The rate of change of a count; none for a rate (its difference says it)."""
    if is_rate(measure_id) or moved.rate is None:
        return NOTHING
    return signed(f"{percent(moved.rate)}%", moved.rate)


def measure_rows(before: Side, after: Side) -> list[MeasureRow]:
    rows = []
    for measure_id in MEASURE_IDS:
        was, now = before.measures[measure_id], after.measures[measure_id]
        rows.append(MeasureRow(measure_id, was, now, change(was.value, now.value)))
    return rows


@dataclass(frozen=True)
class CellRow:
    """One cell of two reports of the same format."""

    key: str
    label: str
    unit: str
    before: str
    after: str
    difference: str
    rate: str
    differs: bool


def cell_rows(before: Side, after: Side) -> list[CellRow]:
    """Every cell of the format, when both reports use the same one; else none."""
    if before.generation != after.generation:
        return []
    return [
        cell_row(spec.key, spec.label, spec.unit or "", before.cells, after.cells)
        for spec in GENERATIONS[before.generation].cells.values()
    ]


def cell_row(key: str, label: str, unit: str, before: Mapping, after: Mapping) -> CellRow:
    was, now = before.get(key), after.get(key)
    moved = change(was, now)  # type: ignore[arg-type]
    return CellRow(
        key, label, unit,
        before=cell_text(key, before), after=cell_text(key, after),
        difference=NOTHING if moved.difference is None
        else signed(shown(key, moved.difference), moved.difference),
        rate=NOTHING if moved.rate is None else signed(f"{percent(moved.rate)}%", moved.rate),
        differs=was != now,
    )  # fmt: skip


def cell_text(key: str, cells: Mapping) -> str:
    if key not in cells:
        return "无此行"
    return "空白" if cells[key] is None else shown(key, cells[key])


@dataclass(frozen=True)
class IndicatorMapping:
    """How one indicator reads in one format: the cells summed, or why it cannot be read."""

    label: str
    generation: str
    cells: tuple[tuple[str, str], ...]  # (key, label) of each cell summed
    note: str
    missing: str


def mappings(generations: list[str]) -> list[IndicatorMapping]:
    """The indicator table for the formats on the page: every mapping and non-mapping."""
    rows = []
    for indicator in INDICATORS:
        for code in dict.fromkeys(generations):
            source = indicator.sources[code]
            cells = tuple((key, GENERATIONS[code].cells[key].label) for key in source.keys)
            rows.append(IndicatorMapping(indicator.label, code, cells, source.note, source.missing))
    return rows


@dataclass(frozen=True)
class TrendRow:
    """One measure of an agency over its years: (value, change against the year before)."""

    id: str
    cells: list[tuple[str, str]]

    @property
    def label(self) -> str:
        return label_of(self.id)

    @property
    def unit(self) -> str:
        return unit_of(self.id)


def trend_rows(sides: list[Side]) -> list[TrendRow]:
    """`sides` in year order; each year's value and its change against the one before."""
    rows = []
    for measure_id in MEASURE_IDS:
        cells, previous = [], None
        for one in sides:
            current = one.measures[measure_id]
            cells.append((shown(measure_id, current.value), "" if previous is None
                          else trend_change(measure_id, previous, current)))  # fmt: skip
            previous = current
        rows.append(TrendRow(measure_id, cells))
    return rows


def trend_change(measure_id: str, previous: Measure, current: Measure) -> str:
    moved = change(previous.value, current.value)
    return (
        difference_text(measure_id, moved) if is_rate(measure_id) else rate_text(measure_id, moved)
    )


@dataclass(frozen=True)
class Ranked:
    rank: int | None  # None: no value (the reason says why)
    side: Side
    text: str
    reason: str


def ranking(sides: list[Side], measure_id: str) -> list[Ranked]:
    """Highest first; equal values share a rank (1, 1, 3); those without a value last."""
    known = [s for s in sides if s.measures[measure_id].value is not None]
    known.sort(key=lambda s: (-s.measures[measure_id].value, s.agency))  # type: ignore[operator]
    ranked, rank, last = [], 0, None
    for position, one in enumerate(known, start=1):
        value = one.measures[measure_id].value
        rank = rank if value == last else position
        ranked.append(Ranked(rank, one, shown(measure_id, value), ""))
        last = value
    unknown = sorted((s for s in sides if s.measures[measure_id].value is None),
                     key=lambda s: s.agency)  # fmt: skip
    return ranked + [Ranked(None, s, NOTHING, s.measures[measure_id].reason) for s in unknown]
