"""The rule engine: rules are declared as data (rules_*.py); this module interprets them.

Most rules are a `Comparison`: "the sum of these cells OP the sum of those cells", where a
term may be subtracted, read from the previous year's report, or optional (a row that only some
local variants print). `ValuesOfKind` checks values against the kind column of cells.csv, and
`Custom` wraps a function for the few rules that are not arithmetic.

Blank cells never pass and never fail: a check that meets one is "not assessable", which the
engine reports as an info finding naming the blank cells. A check whose rows the report does
not have at all (or that needs a previous report it was not given) is "not applicable".
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum, StrEnum
from functools import cache, cached_property
from typing import NamedTuple, Protocol

from gongkai.report.findings import Finding, Outcome, RuleResult, RuleStatus, Severity
from gongkai.report.formats import GENERATIONS, Kind
from gongkai.report.model import CellValue, Report
from gongkai.report.rulebook.naming import (
    Name,
    cell_label,
    names_within,
    previous_year,
)
from gongkai.report.validation import kind_violation

Number = int | Decimal


@dataclass(frozen=True)
class Term:
    key: str
    sign: int = 1
    previous: bool = False  # read from the previous year's report
    optional: bool = False  # a row only some variants print: absent means "not part of it"


def cell(key: str, *, optional: bool = False) -> Term:
    return Term(key, optional=optional)


def last_year(key: str) -> Term:
    return Term(key, previous=True)


def minus(term: Term) -> Term:
    return replace(term, sign=-term.sign)


class Op(StrEnum):
    EQUAL = "="
    AT_MOST = "≤"
    AT_LEAST = "≥"

    def holds(self, left: Number, right: Number) -> bool:
        if self is Op.EQUAL:
            return left == right
        return left <= right if self is Op.AT_MOST else left >= right


class Absent(Enum):
    ABSENT = "absent"


ABSENT = Absent.ABSENT  # a row the report does not have, as opposed to a blank cell (None)


class CheckOutcome(NamedTuple):  # a tuple, not a dataclass: a report makes hundreds
    status: RuleStatus
    cells: tuple[str, ...] = ()
    message_zh: str = ""
    message_en: str = ""
    severity: Severity | None = None  # overrides the rule's severity


@dataclass(frozen=True)
class Context:
    report: Report
    previous: Report | None = None

    def source(self, term: Term) -> Report | None:
        return self.previous if term.previous else self.report

    def read(self, terms: tuple[Term, ...]) -> list[CellValue | Absent]:
        """Each term's figure: None when it is blank, ABSENT when the report lacks its row."""
        cells = self.report.cells
        previous = self.previous.cells if self.previous else {}
        return [(previous if t.previous else cells).get(t.key, ABSENT) for t in terms]

    def generation_of(self, term: Term) -> str:
        source = self.source(term)
        return source.generation if source else self.report.generation

    def cell_id(self, term: Term) -> str:
        """A cell key; a previous-year cell is written key@year."""
        return f"{term.key}@{self.report.year - 1}" if term.previous else term.key

    def previous_gap(self) -> CheckOutcome | None:
        """Why cross-year checks cannot run, or None when the previous report fits."""
        if self.previous is None:
            return CheckOutcome(
                RuleStatus.NOT_APPLICABLE,
                message_zh="需要上一年度报告（--previous）",
                message_en="needs the previous year's report (--previous)",
            )
        expected = self.report.year - 1
        if self.previous.year != expected:
            return CheckOutcome(
                RuleStatus.NOT_ASSESSABLE,
                message_zh=f"所给上一年度报告是{self.previous.year}年度的，"
                f"不是{expected}年度的，无法跨年核对",
                message_en=f"the previous report given is for {self.previous.year}, "
                f"not {expected}: cannot compare the years",
            )
        return None


class Check(Protocol):
    def evaluate(self, ctx: Context) -> Iterable[CheckOutcome]: ...


def format_number(value: Number) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def describe_cell(ctx: Context, cell_id: str) -> Name:
    key, _, year = cell_id.partition("@")
    if year and ctx.previous is not None:
        return previous_year(cell_label(ctx.previous.generation, key))
    return cell_label(ctx.report.generation, key)


SideNames = tuple[Name | None, Name, Name]  # a comparison's subject, left and right side
Sides = tuple[tuple[Term, ...], tuple[Term, ...], list[CellValue]]  # terms and their figures


@dataclass(frozen=True)
class Comparison:
    """sum(lhs) OP sum(rhs), each term signed, optional or from the previous year."""

    lhs: tuple[Term, ...]
    op: Op
    rhs: tuple[Term, ...]
    severity: Severity | None = None
    lhs_name: Name | None = None  # default: the terms' names joined with + and −
    rhs_name: Name | None = None
    only_if_printed: tuple[str, ...] = ()  # skip unless these cells hold figures
    _names_by_generations: dict[tuple[str, str | None], SideNames] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @cached_property
    def terms(self) -> tuple[Term, ...]:
        return (*self.lhs, *self.rhs)

    @cached_property
    def cross_year(self) -> bool:
        return any(term.previous for term in self.terms)

    @cached_property
    def subtracts(self) -> bool:
        return any(term.sign < 0 for term in self.terms)

    def evaluate(self, ctx: Context) -> Iterator[CheckOutcome]:
        yield self._outcome(ctx)

    def _outcome(self, ctx: Context) -> CheckOutcome:
        if self.cross_year and (gap := ctx.previous_gap()):
            return gap
        if self.only_if_printed and any(ctx.report.value(k) is None for k in self.only_if_printed):
            return CheckOutcome(RuleStatus.NOT_APPLICABLE)
        sides = self._sides(ctx)
        if sides is None:
            return CheckOutcome(RuleStatus.NOT_APPLICABLE)
        lhs, rhs, values = sides
        terms = (*lhs, *rhs)
        if None in values:
            blank = (term for term, value in zip(terms, values, strict=True) if value is None)
            return CheckOutcome(RuleStatus.NOT_ASSESSABLE, tuple(map(ctx.cell_id, blank)))
        cells = tuple(map(ctx.cell_id, terms))
        left, right = self._sum(lhs, values[: len(lhs)]), self._sum(rhs, values[len(lhs) :])
        if self.op.holds(left, right):
            return CheckOutcome(RuleStatus.PASSED, cells)
        zh, en = self._message(ctx, lhs, rhs, left, right)
        return CheckOutcome(RuleStatus.VIOLATED, cells, zh, en, self.severity)

    def _sides(self, ctx: Context) -> Sides | None:
        """The terms of each side the report has, and their figures; None when a required
        row is missing or a side has no term at all."""
        figures = ctx.read(self.terms)
        if ABSENT not in figures:
            return self.lhs, self.rhs, figures  # type: ignore[return-value]
        read = list(zip(self.terms, figures, strict=True))
        if any(figure is ABSENT and not term.optional for term, figure in read):
            return None
        lhs = tuple(term for term, figure in read[: len(self.lhs)] if figure is not ABSENT)
        rhs = tuple(term for term, figure in read[len(self.lhs) :] if figure is not ABSENT)
        values = [figure for figure in figures if figure is not ABSENT]
        return (lhs, rhs, values) if lhs and rhs else None  # type: ignore[return-value]

    def _sum(self, terms: tuple[Term, ...], values: list[CellValue]) -> Number:
        if not self.subtracts:  # the usual case, and the same sum without the multiplications
            return sum(values)  # type: ignore[arg-type]
        signed = zip(terms, values, strict=True)
        return sum(term.sign * value for term, value in signed)  # type: ignore[operator, misc]

    def _message(
        self,
        ctx: Context,
        lhs: tuple[Term, ...],
        rhs: tuple[Term, ...],
        left: Number,
        right: Number,
    ) -> tuple[str, str]:
        subject, left_name, right_name = self._names(ctx, lhs, rhs)
        l_text, r_text = format_number(left), format_number(right)
        zh_subject = f"{subject.zh}：" if subject else ""
        en_subject = f"{subject.en}: " if subject else ""
        if self.op is Op.EQUAL:
            gap = format_number(abs(left - right))
            return (
                f"{zh_subject}{left_name.zh}={l_text}，但{right_name.zh}={r_text}，相差{gap}",
                f"{en_subject}{left_name.en} = {l_text}, but {right_name.en} = {r_text} "
                f"(difference {gap})",
            )
        zh_verb, en_verb = (
            ("超过了", "exceeds") if self.op is Op.AT_MOST else ("少于", "is less than")
        )
        return (
            f"{zh_subject}{left_name.zh}={l_text}，{zh_verb}{right_name.zh}={r_text}",
            f"{en_subject}{left_name.en} = {l_text} {en_verb} {right_name.en} = {r_text}",
        )

    def _names(self, ctx: Context, lhs: tuple[Term, ...], rhs: tuple[Term, ...]) -> SideNames:
        """The subject and both sides' names. They come from the formats alone, so they are
        kept per pair of generations for the usual case where every term is present."""
        every_term = lhs is self.lhs and rhs is self.rhs
        generations = (ctx.report.generation, ctx.previous.generation if ctx.previous else None)
        if every_term and (kept := self._names_by_generations.get(generations)):
            return kept
        subject, names = _term_names(ctx, (*lhs, *rhs))
        left_name = self.lhs_name or _join(lhs, names[: len(lhs)])
        right_name = self.rhs_name or _join(rhs, names[len(lhs) :])
        if every_term:
            self._names_by_generations[generations] = (subject, left_name, right_name)
        return subject, left_name, right_name


def _term_names(ctx: Context, terms: tuple[Term, ...]) -> tuple[Name | None, list[Name]]:
    cells = tuple((ctx.generation_of(term), term.key) for term in terms)
    named = names_within(cells)
    if named is None:
        return None, [describe_cell(ctx, ctx.cell_id(term)) for term in terms]
    subject, names = named
    named_terms = zip(terms, names, strict=True)
    return subject, [previous_year(n) if t.previous else n for t, n in named_terms]


def _join(terms: tuple[Term, ...], names: list[Name]) -> Name:
    zh = en = ""
    for index, (term, name) in enumerate(zip(terms, names, strict=True)):
        zh_sign, en_sign = ("−", " − ") if term.sign < 0 else ("+", " + ")
        zh += (zh_sign if index or term.sign < 0 else "") + name.zh
        en += (en_sign if index or term.sign < 0 else "") + name.en
    return Name(zh, en.strip())


@dataclass(frozen=True)
class ValuesOfKind:
    """Every printed cell under `prefix` fits its kind: counts are non-negative integers,
    本年增/减 may be negative, amounts are non-negative decimals (cells.csv)."""

    prefix: str = ""

    def evaluate(self, ctx: Context) -> Iterator[CheckOutcome]:
        cells = ctx.report.cells
        kinds = kinds_under(ctx.report.generation, self.prefix)
        read = [(key, kind, cells[key]) for key, kind in kinds if key in cells]
        printed = [(key, kind, value) for key, kind, value in read if value is not None]
        if not read:
            yield CheckOutcome(RuleStatus.NOT_APPLICABLE)
        elif not printed:
            yield CheckOutcome(RuleStatus.NOT_ASSESSABLE, tuple(key for key, _, _ in read))
        passed = []
        for key, kind, value in printed:
            if violation := kind_violation(kind, value):
                name = describe_cell(ctx, key)
                shown = format_number(value)  # type: ignore[arg-type]
                yield CheckOutcome(
                    RuleStatus.VIOLATED,
                    (key,),
                    f"{name.zh}={shown}：{violation[1]}",
                    f"{name.en} = {shown} {violation[2]}",
                )
            else:
                passed.append(key)
        if passed:
            yield CheckOutcome(RuleStatus.PASSED, tuple(passed))


@cache
def kinds_under(generation: str, prefix: str) -> tuple[tuple[str, Kind], ...]:
    """The key and kind of every cell of the format under `prefix`, in format order."""
    cells = GENERATIONS[generation].cells
    return tuple((key, spec.kind) for key, spec in cells.items() if key.startswith(prefix))


@dataclass(frozen=True)
class Custom:
    """A rule that is not arithmetic on cells: a function of the context."""

    function: Callable[[Context], Iterable[CheckOutcome]]

    def evaluate(self, ctx: Context) -> Iterable[CheckOutcome]:
        return self.function(ctx)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title_zh: str
    title_en: str
    basis: str  # the spec's status tag for the rule, and why this severity
    checks: Mapping[str, tuple[Check, ...]]  # generation -> checks

    @property
    def generations(self) -> tuple[str, ...]:
        return tuple(sorted(self.checks))

    @property
    def cross_year(self) -> bool:
        checks = (c for group in self.checks.values() for c in group)
        return any(isinstance(c, Comparison) and c.cross_year for c in checks)

    @cached_property
    def elsewhere(self) -> RuleResult:
        """The result on a report of a generation the rule does not cover."""
        return RuleResult(
            self.id,
            RuleStatus.NOT_APPLICABLE,
            self.severity,
            reason_zh=f"仅适用于{'、'.join(self.generations)}代格式",
            reason_en=f"applies to generation {', '.join(self.generations)} only",
        )


def run_rule(rule: Rule, ctx: Context, version: str) -> RuleResult:
    checks = rule.checks.get(ctx.report.generation)
    if checks is None:
        return rule.elsewhere
    outcomes = [outcome for check in checks for outcome in check.evaluate(ctx)]
    findings = [
        _violation(rule, outcome, version)
        for outcome in outcomes
        if outcome.status is RuleStatus.VIOLATED
    ]
    blanks = [o for o in outcomes if o.status is RuleStatus.NOT_ASSESSABLE]
    if blanks:
        findings.append(_not_assessable(rule, blanks, ctx, version))
    status = _overall(outcomes)
    reasons = [o for o in outcomes if o.status is RuleStatus.NOT_APPLICABLE and o.message_zh]
    reason_zh, reason_en = (reasons[0].message_zh, reasons[0].message_en) if reasons else ("", "")
    return RuleResult(rule.id, status, rule.severity, tuple(findings), reason_zh, reason_en)


def _overall(outcomes: list[CheckOutcome]) -> RuleStatus:
    statuses = {outcome.status for outcome in outcomes}
    for status in (RuleStatus.VIOLATED, RuleStatus.NOT_ASSESSABLE, RuleStatus.PASSED):
        if status in statuses:
            return status
    return RuleStatus.NOT_APPLICABLE


def _violation(rule: Rule, outcome: CheckOutcome, version: str) -> Finding:
    return Finding(
        rule=rule.id,
        severity=outcome.severity or rule.severity,
        cells=outcome.cells,
        message_zh=outcome.message_zh,
        message_en=outcome.message_en,
        rulebook=version,
    )


BLANK_NAMES_SHOWN = 6


def _not_assessable(
    rule: Rule, outcomes: list[CheckOutcome], ctx: Context, version: str
) -> Finding:
    """One info finding per rule, naming every blank cell (or the stated reason)."""
    cells = tuple(dict.fromkeys(cell_id for o in outcomes for cell_id in o.cells))
    explained = list(dict.fromkeys((o.message_zh, o.message_en) for o in outcomes if o.message_zh))
    if cells:
        names = [describe_cell(ctx, cell_id) for cell_id in cells]
        shown = names[:BLANK_NAMES_SHOWN]
        more_zh = f"等{len(names)}个单元格" if len(names) > len(shown) else ""
        more_en = f" and {len(names) - len(shown)} more cells" if more_zh else ""
        explained.append(
            (
                f"无法核对：{'、'.join(n.zh for n in shown)}{more_zh}空白或无法识别",
                f"not assessable: {'; '.join(n.en for n in shown)}{more_en} blank or unreadable",
            )
        )
    return Finding(
        rule=rule.id,
        severity=Severity.INFO,
        cells=cells,
        message_zh="；".join(zh for zh, _ in explained),
        message_en="; ".join(en for _, en in explained),
        outcome=Outcome.NOT_ASSESSABLE,
        rulebook=version,
    )
