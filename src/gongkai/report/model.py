"""The annual report (政府信息公开工作年度报告) as one value, and its JSON (spec/report-json.md).

Cells keep the three states of the interchange format: a key with a number (printed), a key
with None (the row is there, the cell is blank or unreadable), and no key (the report has no
such row). Amounts in 万元 are Decimals, never floats. A parsed report also says how each
cell was read (`confidence`: printed, inferred through the 勾稽关系, or ambiguous and left
blank) — an optional field that older readers keep as an unknown one (docs/REPORT-JSON.md).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from gongkai.report import jsonio
from gongkai.report.findings import Finding
from gongkai.report.formats import GENERATIONS, Generation, Kind
from gongkai.report.validation import FORMAT_TAG, KNOWN_FIELDS, Problem, is_number, validate

CellValue = int | Decimal | None

# How a cell was read (docs/REPORT-JSON.md `confidence`).
PRINTED = "printed"  # as printed next to its label (a blank cell too)
INFERRED = "inferred"  # recovered through the format's constraints (row order, 勾稽关系)
AMBIGUOUS = "ambiguous"  # more than one reading, or none: left blank with a finding
CONFIDENCE_LEVELS = (PRINTED, INFERRED, AMBIGUOUS)


class ReportError(ValueError):
    """The input is not a report at all: unreadable file, bad JSON, or a fatal problem."""

    def __init__(self, reason: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(reason)
        self.problems = problems


@dataclass(frozen=True)
class ExtraRow:
    """A table row with a figure but no canonical key (local variants, 重点领域 items)."""

    label: str
    value: CellValue
    section: str | None = None
    unit: str | None = None


@dataclass
class Report:
    generation: str
    year: int
    agency: str | None = None
    published_on: date | None = None
    cells: dict[str, CellValue] = field(default_factory=dict)
    extra: list[ExtraRow] = field(default_factory=list)
    narrative: dict[str, CellValue] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, str] = field(default_factory=dict)  # cell key -> CONFIDENCE_LEVELS
    findings: list[Finding] = field(default_factory=list)
    source: str | None = None
    notes: list[str] = field(default_factory=list)
    other_fields: dict[str, Any] = field(default_factory=dict)  # unknown fields, kept as read
    problems: tuple[Problem, ...] = ()  # what validation found when the report was read

    @property
    def format(self) -> Generation:
        return GENERATIONS[self.generation]

    def has(self, key: str) -> bool:
        """The report has the row of this cell (its value may still be blank)."""
        return key in self.cells

    def value(self, key: str) -> CellValue:
        """The figure, or None when the cell is blank or the row is absent."""
        return self.cells.get(key)

    def is_blank(self, key: str) -> bool:
        return key in self.cells and self.cells[key] is None

    def confidence_of(self, key: str) -> str:
        """How the cell was read; a report that does not say (compiled from records, or
        written before the field existed) was read as printed."""
        return self.confidence.get(key, PRINTED)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Report":
        problems = tuple(validate(data))
        fatal = [p for p in problems if p.fatal]
        if fatal:
            raise ReportError("; ".join(str(p) for p in fatal), problems)
        return _report_from_valid(data, problems)

    @classmethod
    def from_json(cls, text: str) -> "Report":
        try:
            data = jsonio.loads(text)
        except ValueError as error:
            raise ReportError(f"not valid JSON: {error}") from error
        return cls.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        """The report-json.md document; Decimals stay Decimals (see `to_json`)."""
        data: dict[str, Any] = {
            "format": FORMAT_TAG,
            "generation": self.generation,
            "year": self.year,
        }
        optional = {
            "agency": self.agency,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "source": self.source,
        }
        data |= {name: value for name, value in optional.items() if value is not None}
        data["cells"] = dict(self.cells)
        data["extra"] = [_extra_to_dict(row) for row in self.extra]
        data["narrative"] = dict(self.narrative)
        collections = {
            "sections": self.sections,
            "provenance": self.provenance,
            "confidence": {key: self.confidence_of(key) for key in self.cells}
            if self.confidence
            else {},
            "notes": self.notes,
        }
        data |= {name: value for name, value in collections.items() if value}
        if self.findings:
            data["findings"] = [finding.to_dict() for finding in self.findings]
        return data | self.other_fields

    def to_json(self, indent: int | None = 2) -> str:
        return jsonio.dumps(self.to_dict(), indent=indent)


def load_report(source: str | Path | Mapping[str, Any]) -> Report:
    """A report from a JSON file path or an already-parsed mapping; ReportError if unusable."""
    if isinstance(source, Mapping):
        return Report.from_dict(source)
    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ReportError(f"cannot read {source}: {error}") from error
    return Report.from_json(text)


def save_report(report: Report, path: str | Path) -> None:
    Path(path).write_text(report.to_json() + "\n", encoding="utf-8")


def _report_from_valid(data: Mapping[str, Any], problems: tuple[Problem, ...]) -> Report:
    generation = GENERATIONS[data["generation"]]
    return Report(
        generation=generation.code,
        year=data["year"],
        agency=_text(data.get("agency")),
        published_on=_date(data.get("published_on")),
        cells=_numbers(data.get("cells"), generation),
        extra=_extra_rows(data.get("extra")),
        narrative=_numbers(data.get("narrative"), GENERATIONS["A"], generation),
        sections={str(k): str(v) for k, v in _mapping(data.get("sections")).items()},
        provenance=dict(_mapping(data.get("provenance"))),
        confidence=_confidence(data.get("confidence")),
        findings=_findings(data.get("findings")),
        source=_text(data.get("source")),
        notes=[str(note) for note in _list(data.get("notes"))],
        other_fields={k: v for k, v in data.items() if k not in KNOWN_FIELDS},
        problems=problems,
    )


def _numbers(cells: object, *generations: Generation) -> dict[str, CellValue]:
    """Cell values as int or Decimal; anything that is not a number becomes blank (a problem
    was recorded for it). Amount cells are Decimals even when written as integers."""
    result: dict[str, CellValue] = {}
    for key, value in _mapping(cells).items():
        specs = [g.cells[key] for g in generations if key in g.cells]
        result[str(key)] = _number(value, specs[0].kind if specs else None)
    return result


def _number(value: object, kind: Kind | None) -> CellValue:
    if not is_number(value):
        return None
    if isinstance(value, int) and kind is not Kind.DECIMAL:
        return value
    return jsonio.to_decimal(value)  # type: ignore[arg-type]


def _extra_rows(rows: object) -> list[ExtraRow]:
    extra = []
    for row in _list(rows):
        if isinstance(row, Mapping) and isinstance(row.get("label"), str):
            extra.append(
                ExtraRow(
                    label=row["label"],
                    value=_number(row.get("value"), None),
                    section=_text(row.get("section")),
                    unit=_text(row.get("unit")),
                )
            )
    return extra


def _extra_to_dict(row: ExtraRow) -> dict[str, Any]:
    return {"section": row.section, "label": row.label, "unit": row.unit, "value": row.value}


def _findings(items: object) -> list[Finding]:
    findings = []
    for item in _list(items):
        try:
            findings.append(Finding.from_dict(item))
        except (KeyError, ValueError, TypeError):
            continue  # a stored finding is advisory; the rulebook recomputes findings
    return findings


def _confidence(levels: object) -> dict[str, str]:
    """Known levels only: a level this version does not know reads as unstated (printed)."""
    return {
        str(key): level for key, level in _mapping(levels).items() if level in CONFIDENCE_LEVELS
    }


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _mapping(value: object) -> Mapping[Any, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
