"""Storing what the parser read: one `PublishedReport` per file (by its sha256: the same file
imported again changes nothing), its figures in the long table, its agency matched, and — for
an agency of the tree — its place in that agency's history."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from hashlib import sha256
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from gongkai.web.intelligence.derived import derive, document_findings
from gongkai.web.intelligence.figures import FigureRow, figure_rows, insert_figures
from gongkai.web.intelligence.history import become_history
from gongkai.web.intelligence.matching import AgencyIndex, Matched, external_agency
from gongkai.web.intelligence.models import Match, PublishedReport
from gongkai.web.intelligence.reading import Read
from gongkai.web.intelligence.review import count_at_import


@dataclass(frozen=True)
class Imported:
    report: PublishedReport
    created: bool  # False: this very file was imported before; nothing changed


def store_read(read: Read, index: AgencyIndex, actor=None) -> Imported:
    """Store a file the parser read (read.report is not None)."""
    digest = sha256(read.data).hexdigest()
    if found := PublishedReport.objects.filter(sha256=digest).first():
        return Imported(found, created=False)
    text = "\n".join(line[0] for line in read.lines[:400])
    matched = index.match(read.report.get("agency"), text)
    try:
        with transaction.atomic():
            report, rows = new_report(read, digest, matched, actor)
            insert_figures(report, rows)
    except IntegrityError:  # the same file, imported at the same moment elsewhere
        return Imported(PublishedReport.objects.get(sha256=digest), created=False)
    if report.match == Match.TREE:
        become_history(report, read.data, actor, stored_values(rows))
    return Imported(report, created=True)


def stored_values(rows: list[FigureRow]) -> dict[str, Decimal | None]:
    """The table's figures as the database now holds them (four decimal places), without
    reading them back."""
    return {row.key: None if row.value is None else round(row.value, 4)
            for row in rows if not row.from_prose}  # fmt: skip


def new_report(read: Read, digest: str, matched: Matched, actor) -> tuple:
    """The report saved, and its figures ready to insert."""
    document = read.report
    agency_name = (document.get("agency") or "").strip()
    report = PublishedReport(
        sha256=digest,
        source_name=read.name[-255:],
        source_lines=read.lines,
        document=document,
        generation=document["generation"],
        year=document["year"],
        published_on=published_on(document),
        agency_name=agency_name[:200],
        match=matched.match,
        agency=matched.agency,
        candidates=matched.candidates,
        imported_by=actor,
    )
    if matched.match == Match.EXTERNAL:
        report.external = external_agency(agency_name, matched.region, matched.level)
    report.place()
    suffix = PurePosixPath(read.name).suffix.lower()[:8]
    report.source_file.save(digest[:32] + suffix, ContentFile(read.data), save=False)
    rows = figure_rows(document)
    report.review_items = count_at_import(document, rows)
    derive(report, document_findings(document), rows)
    report.save()
    return report, rows


def published_on(document: dict) -> date | None:
    try:
        return date.fromisoformat(document["published_on"])
    except (KeyError, TypeError, ValueError):
        return None
