"""The one engine that changes annual reports: start one, then perform actions from states.py.

Each step runs in one transaction with the report row locked, refuses what the state or the
user's role does not allow (with a message the user can act on) and appends a ReportEvent
with before/after values. Publication (publishing.py) happens inside the approving step, so
a report is never approved without being published or published without its events.
"""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.report import GENERATIONS
from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import Action
from gongkai.web.annualreports.aggregation import combined_report
from gongkai.web.annualreports.compiler import CompileError, compile_report, compiled_generation
from gongkai.web.annualreports.models import AnnualReport, Origin, ReportEvent, ReportState
from gongkai.web.annualreports.narrative import unfinished_sections
from gongkai.web.annualreports.states import TRANSITIONS
from gongkai.web.core import history

TRACKED = ["state", "sections", "correction_reason"]
EDITABLE_SECTIONS = ("一", "五", "六")
COUNTED = frozenset({Origin.COMPILED, Origin.AGGREGATED})  # figures from the records


class WorkflowError(Exception):
    """A step the rules do not allow now; the message says why, in the user's language."""


def snapshot(report: AnnualReport) -> dict:
    """The tracked fields, and the figures (whose changes are recorded cell by cell)."""
    return history.snapshot(report, TRACKED) | {"cells": dict(report.cells)}


def differences(before: dict, after: dict) -> dict:
    changes = history.differences(
        {k: v for k, v in before.items() if k != "cells"},
        {k: v for k, v in after.items() if k != "cells"},
    )
    cells = history.differences(before.get("cells") or {}, after["cells"])
    return changes | ({"cells": cells} if cells else {})


def record(report, actor, action: str, before: dict, note: str = "", **extra) -> ReportEvent:
    changes = differences(before, snapshot(report)) | extra
    return ReportEvent.objects.create(report=report, actor=actor, action=action,
                                      from_state=before.get("state", ""), to_state=report.state,
                                      changes=changes, note=note)  # fmt: skip


def start(agency: Agency, year: int, actor, combined: bool = False) -> AnnualReport:
    """The agency's report of `year`: compiled from the records the first time it is opened.

    A combined report (汇总, aggregation.py) adds the reports of every agency below; the
    supervising office compiles it as well as the agency's own staff."""
    if not may_handle(actor, agency, combined):
        raise PermissionDenied
    try:
        generation = compiled_generation(year)
    except CompileError as error:
        raise WorkflowError(str(error)) from None
    with transaction.atomic():
        report, created = AnnualReport.objects.select_for_update().get_or_create(
            agency=agency, year=year,
            defaults={"generation": generation.code,
                      "origin": Origin.AGGREGATED if combined else Origin.COMPILED},
        )  # fmt: skip
        if created:
            before = snapshot(report)
            refresh_figures(report, keep_text=False)
            report.save()
            record(report, actor, "create", before)
    return report


def may_handle(actor, agency: Agency, combined: bool) -> bool:
    if permissions.can(actor, Action.HANDLE, agency):
        return True
    return combined and permissions.can(actor, Action.SUPERVISE, agency)


def refresh_figures(report: AnnualReport, keep_text: bool = True) -> None:
    """Count every figure again; the prose staff wrote stays, the suggestion is renewed."""
    if report.origin == Origin.AGGREGATED:
        counted = combined_report(report.agency, report.year).report
    else:
        counted = compile_report(report.agency, report.year).report
    report.cells = dict(counted.cells)
    report.suggested_sections = dict(counted.sections)
    if not keep_text or not report.sections:
        report.sections = dict(counted.sections)
    report.compiled_at = timezone.now()


def perform(report: AnnualReport, action: str, actor, **params) -> AnnualReport:
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise WorkflowError(_("Unknown action: %(action)s") % {"action": action})
    with transaction.atomic():
        # The report's row only, not the joined agency's (see catalog/workflow.py).
        reports = AnnualReport.objects.select_for_update(of=("self",)).select_related("agency")
        report = reports.get(pk=report.pk)
        if report.state not in transition.sources:
            raise WorkflowError(
                _("“%(action)s” is not possible while the report is “%(state)s”.")
                % {"action": transition.label, "state": report.get_state_display()}
            )
        if not allowed(actor, transition, report):
            raise PermissionDenied
        before = snapshot(report)
        EFFECTS[action](report, actor, params)
        if transition.target is not None:
            report.state = transition.target
        report.save()
        record(report, actor, action, before, note=(params.get("note") or "").strip())
        if action == "approve":
            publish_now(report, actor, publication_date(report, params.get("on")))
    return report


def allowed(actor, transition, report: AnnualReport) -> bool:
    """The role the step needs; the supervising office also does a combined report's work."""
    if transition.permission == Action.HANDLE:
        return may_handle(actor, report.agency, report.origin == Origin.AGGREGATED)
    return permissions.can(actor, transition.permission, report.agency)


def compile_again(report, actor, params) -> None:
    if report.origin not in COUNTED:
        raise WorkflowError(_("Only a report compiled from the records can be counted again."))
    refresh_figures(report)


def edit(report, actor, params) -> None:
    sections = params.get("sections") or {}
    unknown = set(sections) - set(EDITABLE_SECTIONS)
    if unknown:
        raise WorkflowError(_("Only sections 一, 五 and 六 are written by staff."))
    report.sections = {**report.sections, **{k: v.strip() for k, v in sections.items()}}


def submit(report, actor, params) -> None:
    if report.origin in COUNTED:
        refresh_figures(report)  # what is approved is what the records say now
    blanks = [key for key, value in report.cells.items() if value is None]
    if blanks:
        raise WorkflowError(missing_figures_message(report, blanks))
    unfinished = unfinished_sections(report.sections)
    if unfinished:
        raise WorkflowError(
            _("Sections %(sections)s still have passages marked 【请填写】 to write.")
            % {"sections": "、".join(unfinished)}
        )


def missing_figures_message(report: AnnualReport, blanks: list[str]) -> str:
    labels = [GENERATIONS[report.generation].cells[key].label for key in blanks[:5]]
    more = _(" and %(count)s more") % {"count": len(blanks) - 5} if len(blanks) > 5 else ""
    return _("These figures of section 二 have not been entered yet: %(labels)s%(more)s.") % {
        "labels": "；".join(labels),
        "more": more,
    }


def return_for_revision(report, actor, params) -> None:
    if not (params.get("note") or "").strip():
        raise WorkflowError(_("Say what must be revised."))


def approve(report, actor, params) -> None:
    """The head's approval; publishing follows in the same transaction (perform)."""


def correct(report, actor, params) -> None:
    if report.origin not in COUNTED:
        raise WorkflowError(
            _("An imported report is corrected by importing the corrected document.")
        )
    reason = (params.get("note") or "").strip()
    if not reason:
        raise WorkflowError(_("State the reason for the correction: it is published with it."))
    report.correction_reason = reason


def publication_date(report: AnnualReport, on: date | None) -> date:
    """Today, or the day the approval was given when it is recorded afterwards: never in
    the future, and never before the year reported on has ended."""
    today = timezone.localdate()
    if on is None:
        return today
    if on > today or on.year <= report.year:
        raise WorkflowError(
            _("The publication date must fall after %(year)s and not in the future.")
            % {"year": report.year}
        )
    return on


def publish_now(report: AnnualReport, actor, on: date) -> None:
    from gongkai.web.annualreports.publishing import publish

    before = snapshot(report)
    version = publish(report, actor, on)
    report.state = ReportState.PUBLISHED
    report.save(update_fields=["state"])
    record(report, actor, "publish", before, version=[None, version.number])


EFFECTS: dict[str, Callable] = {
    "compile": compile_again,
    "edit": edit,
    "submit": submit,
    "return": return_for_revision,
    "approve": approve,
    "correct": correct,
}
assert set(EFFECTS) == set(TRANSITIONS), "every transition needs an effect"
