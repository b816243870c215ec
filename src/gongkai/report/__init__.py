"""The annual report (政府信息公开工作年度报告) as data. No Django.

Everything that reads, writes or checks a report uses this one model: the parser, the
renderers, the platform's compiler, imports and comparisons.

Public API
----------
Formats (statute-and-formats.md §1–3), as data:

- ``GENERATIONS["A" | "B" | "C"]`` — a :class:`Generation` with ``sections`` → ``tables`` →
  ``rows`` (a tree: headings, 其中 sub-items, group labels) and ``columns``; ``.cells`` maps
  every canonical key of spec/cells.csv to a :class:`CellSpec` (label path, unit, kind).
- ``generation_for_year(year)`` — A up to 2018, B for 2019–2020, C from 2021.
- ``aliases`` — ``normalise_label``, ``find_row``, ``ROW_ALIASES`` … for matching printed labels.

The report and its JSON (spec/report-json.md, format tag ``gongkai.report/1``):

- ``load_report(path_or_mapping) -> Report`` — raises :class:`ReportError` (one-line reason) for
  input that is no report; otherwise value problems are kept in ``report.problems``.
- ``Report.to_json()`` / ``Report.to_dict()`` / ``save_report(report, path)``; cells keep the
  difference between a blank (None) and an absent row; 万元 amounts are Decimals.
- ``validate(data) -> list[Problem]`` — precise problems of a JSON document.
- ``arithmetic`` — ``total``, ``matrix_row``, ``matrix_column``, ``yuan_to_wan``, ``to_wan``.

The rulebook (勾稽关系, §4):

- ``check(report, previous=None) -> list[Finding]``; ``run_rulebook`` also gives a
  :class:`RuleStatus` per rule (passed, violated, not assessable, not applicable).
- ``RULEBOOK`` (the rules, as data) and ``RULEBOOK_VERSION`` (recorded in every finding).
"""

from gongkai.report.arithmetic import matrix_column, matrix_row, to_wan, total, yuan_to_wan
from gongkai.report.findings import Finding, Outcome, RuleResult, RuleStatus, Severity
from gongkai.report.formats import (
    GENERATIONS,
    CellSpec,
    Generation,
    Kind,
    generation_for_year,
)
from gongkai.report.model import ExtraRow, Report, ReportError, load_report, save_report
from gongkai.report.rulebook import (
    RULEBOOK,
    RULEBOOK_VERSION,
    CheckResult,
    check,
    run_rulebook,
)
from gongkai.report.validation import FORMAT_TAG, Problem, validate

__all__ = [
    "FORMAT_TAG",
    "GENERATIONS",
    "RULEBOOK",
    "RULEBOOK_VERSION",
    "CellSpec",
    "CheckResult",
    "ExtraRow",
    "Finding",
    "Generation",
    "Kind",
    "Outcome",
    "Problem",
    "Report",
    "ReportError",
    "RuleResult",
    "RuleStatus",
    "Severity",
    "check",
    "generation_for_year",
    "load_report",
    "matrix_column",
    "matrix_row",
    "run_rulebook",
    "save_report",
    "to_wan",
    "total",
    "validate",
    "yuan_to_wan",
]
