"""The audit of one year's reports for a supervising office (政务公开办): every agency below it,
with what is wrong with its report — missing, late (条例第四十九条, deadlines.py), in the
wrong generation for the year, arithmetic errors, breaks against its previous year's report,
blank cells. The rulebook's own messages say each in Chinese with the numbers.

Each agency's report is its latest version published on the platform (compiled and
published, annualreports), or else the report imported for it (intelligence), read from the
figures table so that a correction counts. An imported report that became the agency's
history is the same document as that version: its figures, corrected, are the ones read.

The queries are aggregate: a fixed number for the whole subtree, whatever its size — the
agencies, the published versions and the imported reports of the year and the year before
(audit_memo.held_by_year), and the findings remembered for them; only a report not checked
before (or corrected since, or under a new rulebook) is read — its figures in one read of
the long table — and checked (audit_memo.py).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from gongkai.report import Report, load_report, run_rulebook
from gongkai.report.compiler import assemble
from gongkai.report.findings import Finding, Outcome, Severity
from gongkai.report.formats import GENERATIONS
from gongkai.report.rulebook import RULEBOOK, RULES_BY_ID
from gongkai.statute.explain import chinese_date
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.deadlines import due_date
from gongkai.web.annualreports.models import ReportVersion
from gongkai.web.intelligence.audit_memo import (
    COMPILED,
    IMPORTED,
    Held,
    held_by_year,
    held_reports,
    memo_key,
    recall,
    remember,
)
from gongkai.web.intelligence.figures import as_number
from gongkai.web.intelligence.models import Figure


class Kind(StrEnum):
    MISSING = "missing"
    LATE = "late"
    GENERATION = "generation"
    ARITHMETIC = "arithmetic"
    CROSS_YEAR = "cross_year"
    BLANK = "blank"


# The columns of the audit table and the headings of the 审查意见, in this order.
KIND_LABELS = {
    Kind.MISSING: "未发布年度报告",
    Kind.LATE: "逾期发布",
    Kind.GENERATION: "格式与年度不符",
    Kind.ARITHMETIC: "数字勾稽错误",
    Kind.CROSS_YEAR: "与上年报告不衔接",
    Kind.BLANK: "空白单元格",
}
KINDS = {kind.value: kind for kind in Kind}  # a dict is 3× faster than Kind(value)
GENERATION_RULES = frozenset({"X-1"})


def previous_year_keys() -> frozenset[str]:
    """The cells the cross-year rules read from the previous year's report: the only ones
    of an imported previous report the audit fetches (a third of the figures it reads)."""
    checks = (check for rule in RULEBOOK for group in rule.checks.values() for check in group)
    terms = (term for check in checks for term in getattr(check, "terms", ()))
    return frozenset(term.key for term in terms if term.previous)


PREVIOUS_KEYS = previous_year_keys()
BLANK_RULES = frozenset({"X-3", "A-12"})


class Source(StrEnum):
    COMPILED = "compiled"  # published on the platform (annualreports)
    IMPORTED = "imported"  # imported from a published document (intelligence)


SOURCE_LABELS = {Source.COMPILED: "平台发布的年度报告", Source.IMPORTED: "导入的已发布报告"}


class AuditFinding(NamedTuple):
    """A tuple: the audit of 600 agencies makes ~9,000 (3× faster than a frozen dataclass)."""

    kind: Kind
    message: str  # plain Chinese, with the numbers
    rule: str = ""  # the rulebook's rule, if it found it
    severity: str = ""

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class Found:
    """An agency's report of one year, as the audit reads it."""

    source: Source
    report: Report | None  # None in the audit table's rows (their findings are remembered)
    published_on: date | None
    imported_pk: int | None = None  # the PublishedReport, when imported


@dataclass
class AuditRow:
    agency: Agency
    year: int
    due_on: date
    found: Found | None
    findings: list[AuditFinding] = field(default_factory=list)

    def count(self, kind: Kind) -> int:
        return sum(f.kind is kind for f in self.findings)

    @property
    def counts(self) -> list[int]:
        return [self.count(kind) for kind in Kind]

    @property
    def failing(self) -> bool:
        return bool(self.findings)

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS[self.found.source] if self.found else ""


def subordinates(office: Agency) -> list[Agency]:
    return list(office.subtree().exclude(pk=office.pk).order_by("path"))


def audit(office: Agency, year: int) -> list[AuditRow]:
    """One row per agency below `office`, in the order of the tree. What the rulebook found
    in each report is remembered (audit_memo.py); only reports not checked before are read."""
    below = subordinates(office)
    held = held_by_year(below, (year, year - 1))
    now, before = held[year], held[year - 1]
    keys = {unit.pk: memo_key(unit, year, now[unit.pk], before.get(unit.pk))
            for unit in below if unit.pk in now}  # fmt: skip
    known = recall(keys.values())
    unknown = [unit for unit in below if unit.pk in keys and keys[unit.pk] not in known]
    if unknown:
        fresh = checked_findings(unknown, year)
        fresh = {keys[pk]: [remembered(f) for f in found] for pk, found in fresh.items()}
        remember(fresh)
        known |= fresh
    return [row_with(unit, year, unread(now.get(unit.pk)), recalled(known.get(keys.get(unit.pk))))
            for unit in below]  # fmt: skip


def unread(held: Held | None) -> Found | None:
    if held is None:
        return None
    imported_pk = held.pk if held.source == IMPORTED else None
    return Found(Source(held.source), None, held.published_on, imported_pk)


def remembered(finding: AuditFinding) -> tuple[str, str, str, str]:
    """A finding as the cache keeps it: plain strings (an enum member unpickles slowly)."""
    return (finding.kind.value, finding.message, finding.rule, finding.severity)


def recalled(kept: list[tuple] | None) -> list[AuditFinding]:
    return [AuditFinding(KINDS[kind], message, rule, severity)
            for kind, message, rule, severity in kept or []]  # fmt: skip


def checked_findings(agencies: list[Agency], year: int) -> dict[int, list[AuditFinding]]:
    """What the rulebook finds in each agency's report of `year` against its previous one."""
    now, before = reports_of(agencies, year), reports_of(agencies, year - 1, PREVIOUS_KEYS)
    return {pk: rulebook_findings(found, before.get(pk)) for pk, found in now.items()}


def audit_one(unit: Agency, year: int) -> AuditRow:
    """The audit row of one agency (its finding page and its 审查意见)."""
    now, before = reports_of([unit], year), reports_of([unit], year - 1, PREVIOUS_KEYS)
    return audit_row(unit, year, now.get(unit.pk), before.get(unit.pk))


def audit_row(unit: Agency, year: int, found: Found | None, previous: Found | None) -> AuditRow:
    findings = rulebook_findings(found, previous) if found is not None else []
    return row_with(unit, year, found, findings)


def row_with(unit: Agency, year: int, found: Found | None, findings: list) -> AuditRow:
    """The row: missing, or late, then what the rulebook found."""
    row = AuditRow(unit, year, due_date(unit, year), found)
    if found is None:
        row.findings.append(missing_finding(unit, year, row.due_on))
        return row
    if found.published_on is not None and found.published_on > row.due_on:
        row.findings.append(late_finding(year, found.published_on, row.due_on))
    row.findings += findings
    return row


def rulebook_findings(found: Found, previous: Found | None) -> list[AuditFinding]:
    checked = run_rulebook(found.report, previous.report if previous else None)
    return [f for f in map(classified, checked.findings) if f is not None]


def missing_finding(unit: Agency, year: int, due_on: date) -> AuditFinding:
    return AuditFinding(
        Kind.MISSING,
        f"{unit.name}未发布{year}年度政府信息公开工作年度报告（应于{chinese_date(due_on)}前发布）",
    )


def late_finding(year: int, published_on: date, due_on: date) -> AuditFinding:
    days = (published_on - due_on).days
    return AuditFinding(
        Kind.LATE,
        f"{year}年度报告于{chinese_date(published_on)}发布，晚于《条例》第四十九条规定的"
        f"{chinese_date(due_on)}，逾期{days}天",
    )


def classified(finding: Finding) -> AuditFinding | None:
    """A rulebook finding as one of the audit's kinds; None for what the audit leaves out
    (notes of the information level, a previous report too blank to compare)."""
    rule = RULES_BY_ID.get(finding.rule)
    cross_year = rule is not None and rule.cross_year
    if finding.outcome is Outcome.NOT_ASSESSABLE:
        kind = None if cross_year else Kind.BLANK
    elif finding.rule in GENERATION_RULES:
        kind = Kind.GENERATION
    elif finding.rule in BLANK_RULES:
        kind = Kind.BLANK
    elif finding.severity is Severity.INFO:
        kind = None
    else:
        kind = Kind.CROSS_YEAR if cross_year else Kind.ARITHMETIC
    if kind is None:
        return None
    return AuditFinding(kind, finding.message_zh, finding.rule, str(finding.severity))


def reports_of(agencies: list[Agency], year: int, keys=None) -> dict[int, Found]:
    """Each agency's report of `year`: the platform's published version, or the imported
    report (read from the figures table: all, or only `keys`) when there is none or it is
    that same document (audit_memo.held_reports chooses)."""
    held = held_reports(agencies, year)
    imported = [h.pk for h in held.values() if h.source == IMPORTED]
    figures = current_figures(imported, keys)
    compiled = [h.pk for h in held.values() if h.source == COMPILED]
    documents = dict(ReportVersion.objects.filter(pk__in=compiled).values_list("pk", "document"))
    found: dict[int, Found] = {}
    for unit in agencies:
        if (one := held.get(unit.pk)) is None:
            continue
        if one.source == IMPORTED:
            read = report_from_figures(one.generation, year, unit, figures.get(one.pk, {}))
            found[unit.pk] = Found(Source.IMPORTED, read, one.published_on, one.pk)
        else:
            # its stored findings are left aside: the audit checks it against the previous
            # report chosen here, which may be an imported one
            read = load_report(documents[one.pk])
            found[unit.pk] = Found(Source.COMPILED, read, one.published_on)
    return found


def current_figures(report_pks: list[int], keys=None) -> dict[int, dict[str, object]]:
    """The figures of these reports as they stand (corrections included), in one query."""
    cells: dict[int, dict[str, object]] = defaultdict(dict)
    if not report_pks:
        return cells
    rows = Figure.objects.filter(report_id__in=report_pks, from_prose=False).order_by()
    if keys is not None:
        rows = rows.filter(key__in=sorted(keys))
    for report_pk, key, value in rows.values_list("report_id", "key", "value"):
        cells[report_pk][key] = as_number(value)
    return cells


def report_from_figures(generation: str, year: int, unit: Agency, cells: dict) -> Report:
    """The report as its figures now say: every cell of its format, blank where not read."""
    known = GENERATIONS[generation].cells
    return assemble(generation, year, unit.name,
                    {key: value for key, value in cells.items() if key in known})  # fmt: skip


def failing_first(rows: list[AuditRow]) -> list[AuditRow]:
    return sorted(rows, key=lambda row: not row.failing)
