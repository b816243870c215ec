"""The rulebook (勾稽关系): every consistency rule of statute-and-formats.md §4, plus the
project's own (X-*, V-*, A-0), declared as data and run by one engine.

`check(report, previous=None)` gives the findings; `run_rulebook` also gives a status per rule
(passed / violated / not assessable / not applicable), so a caller can show which rules could
not be checked. Every finding records `RULEBOOK_VERSION`; bump it whenever a rule, a severity
or a message changes.
"""

from dataclasses import dataclass

from gongkai.report.findings import Finding, Outcome, RuleResult, RuleStatus, Severity
from gongkai.report.model import Report
from gongkai.report.rulebook import (
    rules_appeals,
    rules_applications,
    rules_disclosure,
    rules_generation_a,
    rules_report,
)
from gongkai.report.rulebook.engine import Context, Rule, run_rule

RULEBOOK_VERSION = "2025.1"

RULEBOOK: tuple[Rule, ...] = (
    *rules_report.RULES,
    *rules_disclosure.RULES,
    *rules_applications.RULES,
    *rules_appeals.RULES,
    *rules_generation_a.RULES,
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULEBOOK}


@dataclass(frozen=True)
class CheckResult:
    results: tuple[RuleResult, ...]
    version: str = RULEBOOK_VERSION

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.results for finding in result.findings]

    @property
    def has_errors(self) -> bool:
        return any(
            f.severity is Severity.ERROR and f.outcome is Outcome.VIOLATED for f in self.findings
        )

    def count(self, status: RuleStatus) -> int:
        return sum(1 for result in self.results if result.status is status)

    def result(self, rule_id: str) -> RuleResult:
        return next(result for result in self.results if result.rule == rule_id)


def run_rulebook(report: Report, previous: Report | None = None) -> CheckResult:
    context = Context(report, previous)
    return CheckResult(tuple(run_rule(rule, context, RULEBOOK_VERSION) for rule in RULEBOOK))


def check(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding of the rulebook on `report` (cross-year rules need `previous`)."""
    return run_rulebook(report, previous).findings


__all__ = [
    "RULEBOOK",
    "RULEBOOK_VERSION",
    "RULES_BY_ID",
    "CheckResult",
    "check",
    "run_rulebook",
]
