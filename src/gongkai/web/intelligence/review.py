"""What of an imported report needs a person's look, and their corrections.

Only what may be a misreading goes to people: cells the parser marked inferred or ambiguous,
the parser's own warnings (a cell it could not read, a row whose values it could not place),
and rulebook errors — arithmetic that does not add up is most often a digit misread — for as
long as one of their cells has not been looked at. A correction sets the figure (so every
reader of the long table sees it), appends a `Correction` (who, when, before, after) and,
for a report in an agency's history, publishes the corrected version there. Confirming a
value as read is a correction with the same value.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.report import Finding, Severity, run_rulebook
from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.intelligence.history import as_read, follow_correction
from gongkai.web.intelligence.models import (
    DOUBTFUL,
    Confidence,
    Correction,
    Figure,
    PublishedReport,
)

LOOKED_AT = (Confidence.CORRECTED, Confidence.CONFIRMED)


@dataclass(frozen=True)
class ReviewItem:
    figures: list[Figure]  # the cells to look at
    why: str  # what makes them doubtful, in the reader's language
    rule: str = ""  # the finding's rule, when a finding raised it


def looks_misread(finding: Finding) -> bool:
    """The parser's warnings; the rulebook's errors (figures that contradict each other)."""
    if finding.rule.startswith("P-"):
        return finding.severity != Severity.INFO
    return finding.severity == Severity.ERROR and finding.outcome == "violated"


def current_findings(report: PublishedReport) -> list[Finding]:
    """The parser's findings, and the rulebook's on the figures as they stand now."""
    read = as_read(report)
    return [*read.findings, *run_rulebook(read).findings]


def unreviewed(figure: Figure | None) -> bool:
    return figure is not None and figure.confidence not in LOOKED_AT


def items_from(findings: list[Finding], figures: dict[str, Figure],
               language: str = "zh") -> list[ReviewItem]:  # fmt: skip
    """Findings like misreadings while one of their cells is unreviewed, then the doubtful
    cells no such finding names."""
    items = [
        ReviewItem([figures[key] for key in f.cells if key in figures], f.message(language), f.rule)
        for f in findings
        if looks_misread(f) and any(unreviewed(figures.get(key)) for key in f.cells)
    ]
    named = {figure.key for item in items for figure in item.figures}
    labels = dict(Confidence.choices)
    items += [
        ReviewItem([figure], str(labels[figure.confidence]))
        for figure in figures.values()
        if figure.confidence in DOUBTFUL and figure.key not in named
    ]
    return items


def review_items(report: PublishedReport, language: str = "zh") -> list[ReviewItem]:
    figures = {figure.key: figure for figure in report.figures.all()}
    return items_from(current_findings(report), figures, language)


def count_at_import(document: dict, figures: list) -> int:
    """What a freshly read report puts to people: its figures are as read, its findings the
    parser's and the rulebook's of the parse (no query needed)."""
    findings = []
    for item in document.get("findings") or []:
        try:
            findings.append(Finding.from_dict(item))
        except (KeyError, ValueError, TypeError):
            continue
    return len(items_from(findings, {figure.key: figure for figure in figures}))


def recount(report: PublishedReport) -> int:
    """The review items, the failures and the indicators of the report as its figures now
    stand (derived.py: what the charts read)."""
    from gongkai.web.intelligence.derived import derive

    findings = current_findings(report)
    figures = list(report.figures.all())
    count = len(items_from(findings, {figure.key: figure for figure in figures}))
    derive(report, findings, figures)
    PublishedReport.objects.filter(pk=report.pk).update(
        review_items=count, failures=report.failures, measures=report.measures
    )
    report.review_items = count
    return count


def may_review(user, report: PublishedReport) -> bool:
    """Supervising offices review reports; one of an agency of the tree only its own office
    (the correction changes that agency's history)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if report.agency_id is not None:
        return permissions.can(user, Action.SUPERVISE, report.agency)
    return permissions.agencies_for(user, Action.SUPERVISE).exists()


def correct(figure: Figure, value: Decimal | None, actor) -> Correction:
    """Set the figure to `value` (the same value: confirmed as read), recorded."""
    with transaction.atomic():
        locked = Figure.objects.select_for_update().get(pk=figure.pk)
        before, old_confidence = locked.value, locked.confidence
        locked.value = value
        locked.confidence = Confidence.CONFIRMED if value == before else Confidence.CORRECTED
        locked.save(update_fields=["value", "confidence"])
        correction = Correction.objects.create(
            figure=locked, before=before, after=value, confidence_before=old_confidence, by=actor
        )
    report = locked.report
    if value != before:
        reason = _("Corrected a misreading: %(key)s %(before)s → %(after)s") % {
            "key": locked.key,
            "before": shown(before),
            "after": shown(value),
        }
        follow_correction(report, actor, reason)
    recount(report)
    figure.value, figure.confidence = locked.value, locked.confidence
    return correction


def shown(value: Decimal | None) -> str:
    from gongkai.web.intelligence.figures import as_number

    return "空白" if value is None else str(as_number(value))
