"""Validation of report JSON (spec/report-json.md): precise problems instead of exceptions.

A fatal problem (not an object, wrong format tag, unknown generation, no usable year) means
there is no report to speak of. The others describe single values (a key the generation does
not have, a value of the wrong kind, a negative count); the report still loads, and the
rulebook turns them into findings.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from gongkai.report.formats import FIRST_REPORTING_YEAR, GENERATIONS, Kind

FORMAT_TAG = "gongkai.report/1"

# Top-level fields of report-json.md, plus `source` and `notes`, which the corpus ground truth
# (corpus/seeds/*.expected.json) adds as optional fields.
MAPPING_FIELDS = ("cells", "narrative", "sections", "provenance", "confidence")
LIST_FIELDS = ("extra", "findings", "notes")
TEXT_FIELDS = ("agency", "published_on", "source")
KNOWN_FIELDS = frozenset(
    ("format", "generation", "year", *MAPPING_FIELDS, *LIST_FIELDS, *TEXT_FIELDS)
)


@dataclass(frozen=True)
class Problem:
    code: str  # e.g. unknown_key, wrong_kind, negative, bad_format
    path: str  # where in the JSON: "cells.s3.new.natural", "year"
    message_zh: str
    message_en: str
    fatal: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.message_en}"


def is_number(value: object) -> bool:
    if isinstance(value, Decimal):
        return value.is_finite()
    return isinstance(value, int | float) and not isinstance(value, bool)


def kind_violation(kind: Kind, value: object) -> tuple[str, str, str] | None:
    """(code, zh, en) when a present, non-blank value does not fit its kind (cells.csv)."""
    if not is_number(value):
        return ("unreadable", "不是数字", "is not a number")
    if kind is not Kind.DECIMAL and not isinstance(value, int):
        return ("wrong_kind", "应为整数", "must be an integer")
    if kind is not Kind.SIGNED_INT and value < 0:  # type: ignore[operator]
        return ("negative", "不能为负数", "must not be negative")
    return None


def validate(data: object) -> list[Problem]:
    """Every problem of a report JSON document, fatal ones first."""
    if not isinstance(data, Mapping):
        return [_fatal("not_an_object", "", "报告须为 JSON 对象", "a report must be a JSON object")]
    fatal = _header_problems(data)
    if fatal:
        return fatal
    return [
        *_field_problems(data),
        *_cell_problems(data, "cells"),
        *_cell_problems(data, "narrative"),
        *_extra_problems(data.get("extra")),
        *_finding_problems(data.get("findings")),
    ]


def _fatal(code: str, path: str, zh: str, en: str) -> Problem:
    return Problem(code, path, zh, en, fatal=True)


def _header_problems(data: Mapping[str, Any]) -> list[Problem]:
    problems = []
    if data.get("format") != FORMAT_TAG:
        problems.append(
            _fatal(
                "bad_format",
                "format",
                f"format 应为 {FORMAT_TAG}，实为 {data.get('format')!r}",
                f"format must be {FORMAT_TAG}, not {data.get('format')!r}",
            )
        )
    if data.get("generation") not in GENERATIONS:
        problems.append(
            _fatal(
                "bad_generation",
                "generation",
                f"generation 应为 A、B 或 C，实为 {data.get('generation')!r}",
                f"generation must be A, B or C, not {data.get('generation')!r}",
            )
        )
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or year < FIRST_REPORTING_YEAR:
        problems.append(
            _fatal(
                "bad_year",
                "year",
                f"year 应为 {FIRST_REPORTING_YEAR} 年以后的报告年度，实为 {year!r}",
                f"year must be a reporting year from {FIRST_REPORTING_YEAR} on, not {year!r}",
            )
        )
    return problems


def _field_problems(data: Mapping[str, Any]) -> list[Problem]:
    problems = [
        Problem("unknown_field", name, f"未知字段 {name}", f"unknown field {name}")
        for name in data
        if name not in KNOWN_FIELDS
    ]
    expected = {name: (Mapping, "对象", "an object") for name in MAPPING_FIELDS}
    expected |= {name: (list, "数组", "a list") for name in LIST_FIELDS}
    expected |= {name: (str, "字符串", "a string") for name in TEXT_FIELDS}
    for name, (kind, zh, en) in expected.items():
        value = data.get(name)
        if value is not None and not isinstance(value, kind):
            problems.append(Problem("bad_field", name, f"{name} 应为{zh}", f"{name} must be {en}"))
    if isinstance(data.get("published_on"), str) and not _is_iso_date(data["published_on"]):
        problems.append(
            Problem(
                "bad_field",
                "published_on",
                f"published_on 应为 YYYY-MM-DD 日期，实为 {data['published_on']!r}",
                f"published_on must be a YYYY-MM-DD date, not {data['published_on']!r}",
            )
        )
    return problems


def _is_iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _extra_problems(rows: object) -> list[Problem]:
    problems = []
    for index, row in enumerate(rows if isinstance(rows, list) else []):
        if not isinstance(row, Mapping) or not isinstance(row.get("label"), str):
            problems.append(
                Problem(
                    "bad_extra",
                    f"extra[{index}]",
                    "须为带 label 的对象",
                    "must be an object with a label",
                )
            )
        elif row.get("value") is not None and not is_number(row["value"]):
            problems.append(
                Problem("unreadable", f"extra[{index}].value", "不是数字", "is not a number")
            )
    return problems


def _finding_problems(items: object) -> list[Problem]:
    severities = {"error", "warning", "info"}
    return [
        Problem(
            "bad_finding",
            f"findings[{index}]",
            "须为带 rule 和 severity（error/warning/info）的对象",
            "must be an object with a rule and a severity (error/warning/info)",
        )
        for index, item in enumerate(items if isinstance(items, list) else [])
        if not isinstance(item, Mapping)
        or "rule" not in item
        or item.get("severity") not in severities
    ]


def _cell_problems(data: Mapping[str, Any], field: str) -> list[Problem]:
    cells = data.get(field)
    if not isinstance(cells, Mapping):
        return []
    generation = GENERATIONS[data["generation"]]
    # Prose figures with no key in the report's generation use generation-A topic keys.
    fallback = GENERATIONS["A"].cells if field == "narrative" else {}
    problems = []
    for key, value in cells.items():
        spec = generation.cells.get(key) or fallback.get(key)
        if spec is None:
            problems.append(_unknown_key(field, key, generation.code))
        elif value is not None and (violation := kind_violation(spec.kind, value)):
            code, zh, en = violation
            problems.append(
                Problem(
                    code, f"{field}.{key}", f"{key} = {value!r}：{zh}", f"{key} = {value!r} {en}"
                )
            )
    return problems


def _unknown_key(field: str, key: str, generation: str) -> Problem:
    owners = [code for code, g in GENERATIONS.items() if key in g.cells]
    if owners:
        where_zh = f"，它属于 {'、'.join(owners)} 代格式"
        where_en = f"; it belongs to generation {' and '.join(owners)}"
    else:
        where_zh, where_en = "", ""
    return Problem(
        "unknown_key",
        f"{field}.{key}",
        f"{generation} 代格式没有单元格 {key}{where_zh}",
        f"generation {generation} has no cell {key}{where_en}",
    )
