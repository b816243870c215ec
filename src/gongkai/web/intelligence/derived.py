"""What the charts read of each imported report, kept on the report as its figures stand: the
rules it fails, counted by the audit's kinds (`failures`), and its common indicators of
report/indicators.py (`measures`). With them a chart is one pass over the reports — 10,000
rows — instead of a pass over their figures, which are a hundred times more.

They are set at import, from the figures read and the findings the parser stored with the
document (the rulebook already ran on that reading), and again after every correction, from
the rulebook on the corrected figures (review.recount). Each finding is sorted as the audit
sorts it (audit.classified). A report is checked alone here: breaks against the previous
year's report are the audit's, which knows which report came before.

What is kept follows the rulebook and report/indicators.py as they were when it was written:
a change to either needs a migration that writes it again (as 0006_chart_measures.fill_in).
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from gongkai.report import Finding, indicators
from gongkai.report.rulebook import RULES_BY_ID
from gongkai.web.intelligence.audit import classified

ALL = "all"  # the key of every kind together in `failures`
# the cells any indicator reads: all an import needs to look at of a report's figures
INDICATOR_KEYS = frozenset(
    key
    for indicator in indicators.INDICATORS
    for source in indicator.sources.values()
    for key in source.keys
)


class HasFigure(Protocol):
    key: str
    value: Any


def failure_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """{kind: how many findings, …, "all": together}; the parser's own notes (P-…) are
    reading problems, for the review queue, not failures of the report."""
    kinds = Counter()
    for finding in findings:
        if finding.rule in RULES_BY_ID and (found := classified(finding)) is not None:
            kinds[found.kind.value] += 1
    return dict(kinds) | {ALL: sum(kinds.values())}


def indicator_values(generation: str, figures: Iterable[HasFigure]) -> dict[str, Any]:
    """{indicator: value} of those the report has (not blank, not absent, in its format):
    sums of the report's figures, as report/indicators.py maps them. The others are left
    out, not stored as null: a JSON null would read as 0 in SQLite's JSON functions."""
    cells = {figure.key: figure.value for figure in figures if figure.key in INDICATOR_KEYS}
    values = {
        indicator.id: indicators.indicator_value(indicator, generation, cells).value
        for indicator in indicators.INDICATORS
    }
    return {name: value for name, value in values.items() if value is not None}


def document_findings(document: Mapping[str, Any]) -> list[Finding]:
    """The findings stored with a parsed document (those it cannot read are left out)."""
    findings = []
    for item in document.get("findings") or []:
        try:
            findings.append(Finding.from_dict(item))
        except (KeyError, ValueError, TypeError):
            continue
    return findings


def derive(report, findings: Iterable[Finding], figures: Iterable[HasFigure]) -> None:
    """Set the report's `failures` and `measures` (the caller saves them)."""
    report.failures = failure_counts(findings)
    report.measures = indicator_values(report.generation, figures)
