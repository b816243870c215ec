"""What the rulebook says about a report: findings, and a status per rule.

A finding is either a violation (a rule that fails, at the rule's severity) or a notice that a
rule could not be assessed because cells are blank; the latter is always `info`, so blank
cells never pass silently and never fail falsely. The JSON shape is the `findings` entry of
spec/report-json.md, with two optional additions: `outcome` and `rulebook` (its version).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"  # the figures contradict each other or the format
    WARNING = "warning"  # very likely wrong, but real reports have legitimate exceptions
    INFO = "info"  # worth a look; also: a rule that could not be assessed


class Outcome(StrEnum):
    VIOLATED = "violated"
    NOT_ASSESSABLE = "not_assessable"


class RuleStatus(StrEnum):
    PASSED = "passed"
    VIOLATED = "violated"
    NOT_ASSESSABLE = "not_assessable"  # blank cells (or no usable previous report)
    NOT_APPLICABLE = "not_applicable"  # other generation, rows absent, no previous report


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    cells: tuple[str, ...]
    message_zh: str
    message_en: str
    outcome: Outcome = Outcome.VIOLATED
    rulebook: str | None = None

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": str(self.severity),
            "cells": list(self.cells),
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "outcome": str(self.outcome),
        }
        if self.rulebook is not None:
            data["rulebook"] = self.rulebook
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Finding":
        """Read a stored finding; raises KeyError or ValueError on a malformed one."""
        return cls(
            rule=str(data["rule"]),
            severity=Severity(data["severity"]),
            cells=tuple(str(key) for key in data.get("cells", ())),
            message_zh=str(data.get("message_zh", "")),
            message_en=str(data.get("message_en", "")),
            outcome=Outcome(data.get("outcome", Outcome.VIOLATED)),
            rulebook=data.get("rulebook"),
        )


@dataclass(frozen=True)
class RuleResult:
    """How one rule came out for one report."""

    rule: str
    status: RuleStatus
    severity: Severity
    findings: tuple[Finding, ...] = ()
    reason_zh: str = ""  # why a rule was not applicable
    reason_en: str = ""
