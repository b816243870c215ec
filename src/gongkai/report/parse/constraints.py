"""The 勾稽关系 a table's figures must satisfy, taken from the rulebook itself: every equality
between cells of one report (row totals, 一+二 = 三（七）总计+四, the result rows adding up to
（七）总计, section 四's totals). The table solver (`solve`, `glued`) uses them to choose among
readings of damaged tables; cross-year rules and inequalities say nothing about one table.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from gongkai.report.rulebook import RULEBOOK
from gongkai.report.rulebook.engine import Comparison, Op

Value = int | None


@dataclass(frozen=True)
class Equation:
    """sum(sign × cell) == 0 over `terms`."""

    terms: tuple[tuple[str, int], ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.terms)

    def holds(self, values: Mapping[str, object]) -> bool | None:
        """True or False when every term is known, None when one is missing or blank."""
        total = 0
        for key, sign in self.terms:
            value = values.get(key)
            if value is None:
                return None
            total += sign * value  # type: ignore[operator]
        return total == 0


@cache
def equations(code: str) -> tuple[Equation, ...]:
    """Every one-report equality of the rulebook for generation `code`."""
    found = []
    for rule in RULEBOOK:
        for check in rule.checks.get(code, ()):
            if isinstance(check, Comparison) and check.op is Op.EQUAL:
                terms = [(t.key, t.sign, t.previous) for t in check.lhs] + [
                    (t.key, -t.sign, t.previous) for t in check.rhs
                ]
                if not any(previous for _, _, previous in terms):
                    found.append(Equation(tuple((key, sign) for key, sign, _ in terms)))
    return tuple(found)


@cache
def equations_within(code: str, prefix: str) -> tuple[Equation, ...]:
    """The equations whose cells all lie in one table (`s3.`, `s4.`)."""
    return tuple(e for e in equations(code) if all(k.startswith(prefix) for k in e.keys))


def tally(found: tuple[Equation, ...], values: Mapping[str, object]) -> tuple[int, int]:
    """(violated, satisfied) among the equations that can be evaluated."""
    violated = satisfied = 0
    for equation in found:
        result = equation.holds(values)
        if result is True:
            satisfied += 1
        elif result is False:
            violated += 1
    return violated, satisfied
