"""The rulebook's result for people (a table) and for programs (JSON)."""

import unicodedata
from typing import Any

from gongkai.report.findings import Finding, RuleStatus, Severity
from gongkai.report.rulebook import CheckResult

SEVERITY_LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
HEADERS = {"zh": ("规则", "级别", "说明"), "en": ("rule", "severity", "message")}
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def findings_table(result: CheckResult, lang: str = "zh") -> str:
    """Findings, errors first, as aligned text, then the summary line."""
    findings = sorted(result.findings, key=lambda f: SEVERITY_ORDER[f.severity])
    rows = [(f.rule, SEVERITY_LABELS[lang][f.severity], f.message(lang)) for f in findings]
    lines = []
    if rows:
        widths = [max(display_width(r[i]) for r in (*rows, HEADERS[lang])) for i in range(2)]
        for rule, severity, message in (HEADERS[lang], *rows):
            lines.append(f"{pad(rule, widths[0])}  {pad(severity, widths[1])}  {message}")
    lines.append(summary(result, lang))
    return "\n".join(lines)


def summary(result: CheckResult, lang: str = "zh") -> str:
    counts = {status: result.count(status) for status in RuleStatus}
    by_severity = {s: _violations(result.findings, s) for s in Severity}
    if lang == "en":
        return (
            f"{len(result.results)} rules: {counts[RuleStatus.PASSED]} passed, "
            f"{counts[RuleStatus.VIOLATED]} violated, {counts[RuleStatus.NOT_ASSESSABLE]} not "
            f"assessable, {counts[RuleStatus.NOT_APPLICABLE]} not applicable; "
            f"{by_severity[Severity.ERROR]} errors, {by_severity[Severity.WARNING]} warnings, "
            f"{by_severity[Severity.INFO]} notes (rulebook {result.version})"
        )
    return (
        f"共{len(result.results)}条规则：通过{counts[RuleStatus.PASSED]}，"
        f"违反{counts[RuleStatus.VIOLATED]}，无法核对{counts[RuleStatus.NOT_ASSESSABLE]}，"
        f"不适用{counts[RuleStatus.NOT_APPLICABLE]}；错误{by_severity[Severity.ERROR]}，"
        f"警告{by_severity[Severity.WARNING]}，提示{by_severity[Severity.INFO]}"
        f"（规则库 {result.version}）"
    )


def _violations(findings: list[Finding], severity: Severity) -> int:
    return sum(1 for finding in findings if finding.severity is severity)


def result_to_json(result: CheckResult) -> dict[str, Any]:
    """The findings in the report-json.md shape, the rulebook version and each rule's status."""
    return {
        "rulebook": result.version,
        "findings": [finding.to_dict() for finding in result.findings],
        "rules": [
            {"rule": r.rule, "status": str(r.status), "severity": str(r.severity)}
            for r in result.results
        ],
    }
