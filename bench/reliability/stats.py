"""What a run measured: each kind of request's latencies, failures and count."""

import math
import time
from collections import defaultdict
from dataclasses import dataclass, field


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0.95 for p95) of values, 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Stats:
    """Latencies in milliseconds per kind of request. An error is an answer the user should
    not get (a 5xx, a refused connection, an unexpected status). While a crash scenario has
    a process down, failed requests count as `unavailable` instead: they are what the
    scenario does, and what matters is that nothing acknowledged is lost."""

    started: float = field(default_factory=time.monotonic)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    unavailable: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    refused: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    outage: bool = False  # set by a crash scenario while it has something down
    finished: float | None = None

    def took(self, kind: str, seconds: float) -> None:
        self.latencies[kind].append(seconds * 1000)

    def failed(self, kind: str, what: str) -> None:
        if self.outage:
            self.unavailable[kind] += 1
        else:
            self.errors[kind].append(what)

    def stop(self) -> None:
        self.finished = time.monotonic()

    @property
    def seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    def total(self) -> int:
        return sum(len(values) for values in self.latencies.values())

    def error_count(self) -> int:
        return sum(len(values) for values in self.errors.values())

    def summary(self) -> dict:
        kinds = sorted(set(self.latencies) | set(self.errors))
        return {
            "seconds": round(self.seconds, 1),
            "requests": self.total(),
            "per_second": round(self.total() / max(self.seconds, 0.001), 1),
            "errors": self.error_count(),
            "unavailable": sum(self.unavailable.values()),
            "kinds": {kind: self.kind_summary(kind) for kind in kinds},
            "error_samples": {k: v[:5] for k, v in self.errors.items() if v},
            "refused_samples": {k: v[:3] for k, v in self.refused.items() if v},
        }

    def kind_summary(self, kind: str) -> dict:
        values = self.latencies.get(kind, [])
        return {"count": len(values), "errors": len(self.errors.get(kind, [])),
                "unavailable": self.unavailable.get(kind, 0),
                "refused": len(self.refused.get(kind, [])),
                "p50": round(percentile(values, 0.50)), "p95": round(percentile(values, 0.95)),
                "p99": round(percentile(values, 0.99))}  # fmt: skip


def table(summary: dict) -> str:
    """The summary as a Markdown table, for docs/PERFORMANCE.md."""
    lines = ["| request | count | p50 ms | p95 ms | p99 ms | errors |", "|---|---|---|---|---|---|"]
    for kind, row in summary["kinds"].items():
        lines.append(f"| {kind} | {row['count']} | {row['p50']} | {row['p95']} | {row['p99']} "
                     f"| {row['errors']} |")  # fmt: skip
    lines.append(f"| **all** | {summary['requests']} ({summary['per_second']}/s) | | | "
                 f"| {summary['errors']} |")  # fmt: skip
    return "\n".join(lines)
