"""A published report of an agency of the tree becomes that agency's history: stored through
the annual reports' own import (annualreports/imports.py) as the published version of its
year, so the cross-year rules and the compiled reports read it like any other — and a
corrected figure reaches them as a new version of that report.
"""

from dataclasses import replace

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.report import Report, load_report
from gongkai.web.annualreports import imports
from gongkai.web.annualreports.models import ReportState, ReportVersion
from gongkai.web.annualreports.workflow import record, snapshot
from gongkai.web.intelligence.figures import as_number
from gongkai.web.intelligence.models import PublishedReport

CORRECTION_EVENT = "reading-corrected"


def as_read(report: PublishedReport, current: dict | None = None) -> Report:
    """The report as read, with the figures as they stand now (corrections included) and
    only the parser's own findings (the rulebook runs again against last year's report).
    `current`: the figures when the caller has them (an import, which has just stored them)."""
    read = load_report(report.document)
    if current is None:
        current = dict(report.figures.filter(from_prose=False).values_list("key", "value"))
    cells = {
        key: as_number(current[key]) if key in current else value
        for key, value in read.cells.items()
    }
    parse_findings = [finding for finding in read.findings if finding.rule.startswith("P-")]
    return replace(read, cells=cells, findings=parse_findings)


def become_history(report: PublishedReport, data: bytes, actor=None, current=None) -> None:
    """Store the report as its agency's published report of its year, or note why not;
    `current` as in `as_read`."""
    if actor is not None and not imports.may_import(actor, report.agency):
        note = _("Not added to the agency's reports: it is not one of your agencies.")
        version = None
    else:
        note, version = store_in_history(report, data, actor, current)
    PublishedReport.objects.filter(pk=report.pk).update(history_version=version, history_note=note)
    report.history_version, report.history_note = version, note


def store_in_history(report: PublishedReport, data: bytes, actor, current=None):
    try:
        # The parser's provenance stays on the imported report (the review's source view);
        # the version's document is the report as published.
        read = replace(as_read(report, current), provenance={})
        draft = imports.draft_from_read(report.agency, read, data, report.source_name)
        draft.stored_file = report.source_file.name  # the file, kept once
        stored = imports.store(draft, actor, page=False)  # the page rendered when first shown
    except (imports.ImportRefused, imports.UnreadableDocument) as refusal:
        return str(refusal), None
    if stored.version.source_sha256 != report.sha256:
        return _("The agency's report of this year is another document."), None
    return "", stored.version


def follow_correction(report: PublishedReport, actor, reason: str) -> None:
    """A corrected figure of a report in the agency's history: a new version with it."""
    version = report.history_version
    if version is None:
        return
    with transaction.atomic():
        annual = type(version.report).objects.select_for_update().get(pk=version.report_id)
        latest = annual.versions.order_by("-number").first()
        if latest.source_sha256 != report.sha256 or annual.state != ReportState.PUBLISHED:
            return  # replaced since, or being corrected on the platform: staff decide there
        before = snapshot(annual)
        corrected = as_read(report)
        document = replace(load_report(latest.document), cells=corrected.cells)
        imports.checked(annual.agency, document, corrected.findings)
        annual.cells = dict(corrected.cells)
        annual.save(update_fields=["cells"])
        new = new_history_version(latest, document, actor, reason)
        record(
            annual,
            actor,
            CORRECTION_EVENT,
            before,
            note=reason,
            version=[latest.number, new.number],
        )
    PublishedReport.objects.filter(pk=report.pk).update(history_version=new)
    report.history_version = new


def new_history_version(latest: ReportVersion, document: Report, actor, reason: str):
    from gongkai.report.render import render

    return ReportVersion.objects.create(
        report=latest.report,
        number=latest.number + 1,
        document=document.to_dict(),
        html=render(document, "html").decode("utf-8"),
        published_on=latest.published_on,
        published_by=actor,
        reason=reason,
        source_name=latest.source_name,
        source_sha256=latest.source_sha256,
        source_file=latest.source_file.name,
    )
