"""The rules each imported report fails, as its figures stand: the rows the heat map of rule
failures counts (chart_data.failure_heat_map), kept so that the chart is one grouped query
however many reports there are.

They are written at import, from the findings the parser stored with the document (the
rulebook already ran on that reading), and again after every correction, from the rulebook
on the corrected figures (review.recount). Each finding is sorted as the audit sorts it
(audit.classified). A report is checked alone here: breaks against the previous year's
report are the audit's, which knows which report came before.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction

from gongkai.report import Finding
from gongkai.report.rulebook import RULES_BY_ID
from gongkai.web.intelligence.audit import classified
from gongkai.web.intelligence.models import PublishedReport, RuleFailure


def failures_of(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    """(rule, kind) of each finding the audit counts; the parser's own notes (P-…) are
    reading problems, for the review queue, not failures of the report."""
    failed = []
    for finding in findings:
        if finding.rule not in RULES_BY_ID:
            continue
        found = classified(finding)
        if found is not None:
            failed.append((finding.rule[:20], found.kind.value))
    return failed


def document_findings(document: Mapping[str, Any]) -> list[Finding]:
    """The findings stored with a parsed document (those it cannot read are left out)."""
    findings = []
    for item in document.get("findings") or []:
        try:
            findings.append(Finding.from_dict(item))
        except (KeyError, ValueError, TypeError):
            continue
    return findings


def store_failures(report: PublishedReport, findings: Iterable[Finding]) -> None:
    """Replace the report's failures with those of `findings`."""
    found = failures_of(findings)
    rows = [RuleFailure(report=report, rule=rule, kind=kind) for rule, kind in found]
    with transaction.atomic():
        RuleFailure.objects.filter(report=report).delete()
        RuleFailure.objects.bulk_create(rows)
