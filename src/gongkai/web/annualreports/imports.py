"""Importing the reports an agency published before it used the platform, so that the
cross-year rules and comparisons work from its first year here.

Two ways in: the published document, read by the parser (`draft_from_document`), or the
official table typed in by staff (`draft_from_table`). Either gives an `ImportDraft`: the
report as it would be stored, checked by the rulebook against last year's report on the
platform. `standing` says what the platform already holds for that year; `store` writes the
working copy (origin imported or typed, state published), its frozen version and an event in
one transaction. A report compiled on the platform is the agency's own record: an import
never replaces it. Between the check and the confirmation an uploaded file waits, by its
sha256, in a staging area (`stage`).
"""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from hashlib import sha256

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.report import GENERATIONS, CheckResult, Finding, Report, run_rulebook
from gongkai.report.compiler import assemble
from gongkai.report.formats import FIRST_REPORTING_YEAR, generation_for_year
from gongkai.report.model import CellValue
from gongkai.report.render import render
from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import Action
from gongkai.web.annualreports.history import report_of_year
from gongkai.web.annualreports.import_limits import (
    UnreadableDocument,
    parse_within_limits,
    suffix_of,
)
from gongkai.web.annualreports.models import AnnualReport, Origin, ReportState, ReportVersion
from gongkai.web.annualreports.workflow import record, snapshot

YEAR_FINDINGS = frozenset({"P-7", "P-8"})  # what the parser said about the year it read
STAGING = "annualreports/staging"
SHA256 = re.compile(r"[0-9a-f]{64}")
EVENT = "import"

__all__ = ["ImportDraft", "ImportRefused", "Stored", "UnreadableDocument"]


class ImportRefused(Exception):
    """The platform will not store this report; the message says why."""


@dataclass
class ImportDraft:
    agency: Agency
    origin: str
    document: Report  # as it would be stored: figures, prose and every finding
    result: CheckResult  # the rulebook's, against last year's report on the platform
    read: Report | None = None  # the published document as the parser read it
    source_name: str = ""
    source_data: bytes = b""
    # A copy of source_data the platform keeps already (a bulk import's): referenced by the
    # version instead of being stored a second time.
    stored_file: str = ""

    @property
    def year(self) -> int:
        return self.document.year

    @property
    def source_sha256(self) -> str:
        return sha256(self.source_data).hexdigest() if self.source_data else ""

    @property
    def parse_findings(self) -> list[Finding]:
        return [f for f in self.document.findings if f.rule.startswith("P-")]

    def problems(self) -> dict[str, str]:
        """What must still be stated before the report can be stored, by form field."""
        problems = {}
        if year := year_problem(self.year):
            problems["year"] = year
        elif any(finding.rule == "P-8" for finding in self.document.findings):
            problems["year"] = _("The year reported on could not be read from the document.")
        if on := publication_problem(self.year, self.document.published_on):
            problems["published_on"] = on
        return problems


@dataclass(frozen=True)
class Standing:
    """What the platform holds for the agency's year, seen from one draft."""

    working_copy: AnnualReport | None
    latest: ReportVersion | None
    same: ReportVersion | None  # a version holding this very report (same file or figures)

    @property
    def refusal(self) -> str | None:
        report = self.working_copy
        if report is None:
            return None
        names = {"agency": report.agency.name, "year": report.year}
        if report.origin in (Origin.COMPILED, Origin.AGGREGATED):
            return _("%(agency)s's report for %(year)s is compiled on the platform from its "
                     "own records; an import does not replace it.") % names  # fmt: skip
        if report.state != ReportState.PUBLISHED:
            return _("%(agency)s's report for %(year)s is being corrected on the platform; "
                     "finish the correction first.") % names  # fmt: skip
        return None


@dataclass(frozen=True)
class Stored:
    report: AnnualReport
    version: ReportVersion
    created: bool  # False: the platform already held this very report; nothing changed


def importing_agencies(user) -> QuerySet[Agency]:
    """Where the user may import: at the agency's own staff (they handle its work), or its
    supervising office, which collects its subordinates' reports."""
    handled = permissions.agencies_for(user, Action.HANDLE)
    return handled | permissions.agencies_for(user, Action.SUPERVISE)


def may_import(user, agency: Agency) -> bool:
    return importing_agencies(user).filter(pk=agency.pk).exists()


def year_problem(year: int) -> str | None:
    last = timezone.localdate().year - 1
    if FIRST_REPORTING_YEAR <= year <= last:
        return None
    return _("The year reported on must be between %(first)s and %(last)s.") % {
        "first": FIRST_REPORTING_YEAR,
        "last": last,
    }


def publication_problem(year: int, on: date | None) -> str | None:
    if on is None:
        return _("State the date the report was published: the document does not say.")
    if on > timezone.localdate() or on.year <= year:
        return _("The publication date must fall after %(year)s and not in the future.") % {
            "year": year
        }
    return None


# --- drafts ----------------------------------------------------------------------------


def draft_from_document(agency: Agency, data: bytes, name: str, year: int | None = None,
                        published_on: date | None = None) -> ImportDraft:  # fmt: skip
    """The published document read by the parser; `year` and `published_on` as staff state
    them replace what was read. Raises UnreadableDocument."""
    return draft_from_read(agency, parse_within_limits(data, name), data, name, year,
                           published_on)  # fmt: skip


def draft_from_read(agency: Agency, read: Report, data: bytes, name: str, year: int | None = None,
                    published_on: date | None = None) -> ImportDraft:  # fmt: skip
    """A document the parser has already read (a bulk import of published reports reads
    many files in worker processes); as `draft_from_document` from there on."""
    if not read.cells:
        raise UnreadableDocument(
            _(
                "No statistics table was found in %(name)s: it does not look like an annual "
                "report. Type the published table in instead."
            )
            % {"name": name}
        )
    year_stated = year is not None and (year != read.year or has_rule(read, "P-8"))
    document = replace(
        read,
        year=year if year is not None else read.year,
        agency=agency.name,
        published_on=published_on or read.published_on,
        source=name,
    )
    kept = [f for f in read.findings if not (year_stated and f.rule in YEAR_FINDINGS)]
    return ImportDraft(agency, Origin.IMPORTED, document, checked(agency, document, kept),
                       read=read, source_name=name, source_data=data)  # fmt: skip


def draft_from_table(
    agency: Agency,
    year: int,
    cells: dict[str, CellValue],
    sections: dict[str, str],
    published_on: date | None,
) -> ImportDraft:
    """The official table of the year's format as staff typed it; a blank stays blank."""
    generation = generation_for_year(year).code
    written = {numeral: text.strip() for numeral, text in sections.items() if text.strip()}
    document = assemble(generation, year, agency.name, cells, written)
    document.cells = {
        key: value
        for key, value in document.cells.items()
        if value is not None or not optional_row(generation, key)
    }
    document.published_on = published_on
    return ImportDraft(agency, Origin.TYPED, document, checked(agency, document, []))


def optional_row(generation: str, key: str) -> bool:
    """A row only some reports print (a local variant, a heading): left blank, it is absent."""
    spec = GENERATIONS[generation].cells[key]
    return bool(spec.row.variants) or spec.is_heading


def has_rule(report: Report, rule: str) -> bool:
    return any(finding.rule == rule for finding in report.findings)


def checked(agency: Agency, document: Report, parse_findings: list[Finding]) -> CheckResult:
    """Run the rulebook with last year's report; the document keeps every finding."""
    result = run_rulebook(document, report_of_year(agency, document.year - 1))
    document.findings = [*parse_findings, *result.findings]
    return result


# --- what the platform holds, and storing ------------------------------------------------


def standing(draft: ImportDraft, lock: bool = False) -> Standing:
    reports = AnnualReport.objects.filter(agency=draft.agency, year=draft.year)
    working_copy = (reports.select_for_update() if lock else reports).first()
    versions = list(working_copy.versions.order_by("number")) if working_copy else []
    same = next((v for v in versions if holds_same(v, draft)), None)
    return Standing(working_copy, versions[-1] if versions else None, same)


def holds_same(version: ReportVersion, draft: ImportDraft) -> bool:
    """The version holds this report: the same file, or the same typed figures and prose."""
    if draft.source_data:
        return version.source_sha256 == draft.source_sha256
    stored = version.document
    return (
        stored.get("cells") == draft.document.cells
        and stored.get("sections", {}) == draft.document.sections
        and version.published_on == draft.document.published_on
    )


def store(draft: ImportDraft, actor=None, page: bool = True) -> Stored:
    """Store the draft as the agency's published report of its year; ImportRefused if the
    platform must not. Storing the same report again changes nothing (created=False).
    `page=False` leaves the version's page to be rendered when first shown (public.py): a
    bulk import of thousands of reports would spend a fifth of its time on pages."""
    if problems := draft.problems():
        raise ImportRefused(" ".join(problems.values()))
    html = render(draft.document, "html").decode("utf-8") if page else ""
    try:
        with transaction.atomic():
            return store_locked(draft, actor, html)
    except IntegrityError:  # another import of the same year committed first
        raise ImportRefused(
            _(
                "Another report for %(year)s was stored at the same moment; look at it and "
                "try again."
            )
            % {"year": draft.year}
        ) from None


def store_locked(draft: ImportDraft, actor, html: str) -> Stored:
    found = standing(draft, lock=True)
    if found.refusal:
        raise ImportRefused(found.refusal)
    if found.same is not None:
        return Stored(found.working_copy, found.same, created=False)
    report = found.working_copy or AnnualReport(agency=draft.agency, year=draft.year)
    before = snapshot(report) if found.working_copy else {"cells": {}}
    report.generation, report.origin = draft.document.generation, draft.origin
    report.state = ReportState.PUBLISHED
    report.cells, report.sections = dict(draft.document.cells), dict(draft.document.sections)
    report.save()
    version = new_version(report, draft, actor, html, found.latest)
    earlier = found.latest.number if found.latest else None
    record(report, actor, EVENT, before, note=draft.source_name,
           version=[earlier, version.number])  # fmt: skip
    return Stored(report, version, created=True)


def new_version(report: AnnualReport, draft: ImportDraft, actor, html: str,
                latest: ReportVersion | None) -> ReportVersion:  # fmt: skip
    source = draft.source_sha256
    # Stored under its hash: the name it was uploaded under is kept in source_name.
    stored_file = draft.stored_file or ContentFile(
        draft.source_data, name=source[:32] + suffix_of(draft.source_name)
    )
    return ReportVersion.objects.create(
        report=report,
        number=latest.number + 1 if latest else 1,
        document=draft.document.to_dict(),
        html=html,
        published_on=draft.document.published_on,
        published_by=actor,
        reason=replacement_reason(draft) if latest else "",
        source_name=draft.source_name[:200],
        source_sha256=source,
        source_file=stored_file if draft.source_data else "",
    )


def replacement_reason(draft: ImportDraft) -> str:
    if draft.source_data:
        return _("Imported again from %(file)s.") % {"file": draft.source_name}
    return _("Typed in again from the published table.")


# --- the staging area ---------------------------------------------------------------------


def stage(data: bytes) -> str:
    """Keep an uploaded file until its import is confirmed or cancelled; returns its sha256.

    Kept on the server and named by its hash: the confirmation sends back only the hash and
    the file is read and parsed again from the platform's own copy, so nothing the browser
    returns about the figures is trusted; a hash cannot be guessed, so only someone who had
    the file can name it; the same file uploaded twice is kept once."""
    sweep_staging()
    digest = sha256(data).hexdigest()
    if not default_storage.exists(staged_path(digest)):
        default_storage.save(staged_path(digest), ContentFile(data))
    return digest


def staged(digest: str) -> bytes | None:
    """The staged file, if it is still there and still what its name says."""
    if not SHA256.fullmatch(digest or "") or not default_storage.exists(staged_path(digest)):
        return None
    with default_storage.open(staged_path(digest)) as held:
        data = held.read()
    return data if sha256(data).hexdigest() == digest else None


def unstage(digest: str) -> None:
    if SHA256.fullmatch(digest or "") and default_storage.exists(staged_path(digest)):
        default_storage.delete(staged_path(digest))


def staged_path(digest: str) -> str:
    return f"{STAGING}/{digest}"


def sweep_staging(older_than: timedelta = timedelta(days=1)) -> None:
    """Files checked but never confirmed or cancelled (the page was left)."""
    try:
        names = default_storage.listdir(STAGING)[1]
    except FileNotFoundError:
        return
    for name in names:
        path = f"{STAGING}/{name}"
        if default_storage.get_modified_time(path) < timezone.now() - older_than:
            default_storage.delete(path)
