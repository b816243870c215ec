"""What the audit table reads before it reads any report, and what it remembers.

Which report of an agency's year the audit checks — the platform's latest published version,
or the report imported for the agency when there is none or it is that same document — is
settled from a few columns (`held_reports`), without reading a document or a figure. What
the rulebook found in that report, against the one of the year before, is kept in the cache
under a key naming everything it depends on: the two reports (a version; an imported report
with its last correction, so that a correction is checked anew), the agency, the year, and
the rulebook and formats as this code holds them (a new rulebook checks everything anew).
The audit of a big office then reads one row per agency instead of every figure and running
the rulebook a thousand times (bench/bench_intelligence.py); what is not remembered yet is
checked as before and remembered.
"""

import hashlib
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django.core.cache import cache as shared_cache
from django.db import transaction

from gongkai.report import rulebook
from gongkai.report.formats import schema
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.models import ReportVersion
from gongkai.web.intelligence.models import Correction, Figure, PublishedReport

COMPILED, IMPORTED = "compiled", "imported"  # the values of audit.Source
PREFIX = "audit-findings:"


class Held(NamedTuple):
    """An agency's report of a year as the audit chooses it, not yet read (a tuple: the
    audit of 600 agencies makes 1,200)."""

    source: str  # COMPILED (a ReportVersion) or IMPORTED (a PublishedReport)
    pk: int
    published_on: date | None
    generation: str  # of an imported report ("" for a version: its document says)
    identity: str  # changes whenever what the rulebook reads changes


def held_reports(agencies: list[Agency], year: int) -> dict[int, Held]:
    """Each agency's report of `year` that the audit checks, by agency pk."""
    return held_by_year(agencies, (year,))[year]


def held_by_year(agencies: list[Agency], years: tuple[int, ...]) -> dict[int, dict[int, Held]]:
    """{year: {agency pk: Held}} for each of `years`: the audit's year and the one before
    read together (a query for the versions and one for the imported reports)."""
    pks = [agency.pk for agency in agencies]  # once: a model's pk is a property
    versions = version_heads(pks, years)
    imported = imported_heads(pks, years)
    stamps = correction_stamps([pk for pk, *_ in imported.values()])
    held: dict[int, dict[int, Held]] = {year: {} for year in years}
    for year in years:
        for agency in pks:
            version, report = versions.get((agency, year)), imported.get((agency, year))
            if (chosen := chosen_report(version, report, stamps)) is not None:
                held[year][agency] = chosen
    return held


def chosen_report(version: tuple | None, report: tuple | None, stamps: dict) -> Held | None:
    """The imported report when there is no version or it is that same document, else the
    version (None: the agency has neither)."""
    if report is not None and (version is None or version[1] == report[1]):
        pk, sha256, published_on, generation = report
        published_on = published_on or (version[2] if version else None)
        identity = f"i{pk}.{sha256[:16]}.{stamps.get(pk, 0)}"
        return Held(IMPORTED, pk, published_on, generation, identity)
    if version is not None:
        return Held(COMPILED, version[0], version[2], "", f"v{version[0]}")
    return None


def version_heads(pks: list[int], years: tuple[int, ...]) -> dict[tuple, tuple]:
    """(pk, source sha256, first published on) of each agency's latest version of each year,
    by (agency pk, year). By the agencies' pks: Django takes ~40 µs per model object in IN."""
    rows = ReportVersion.objects.filter(report__agency_id__in=pks, report__year__in=years)
    latest: dict[tuple, tuple] = {}
    first: dict[tuple, date] = {}
    for pk, agency_id, year, published_on, sha256 in rows.order_by("number").values_list(
        "pk", "report__agency_id", "report__year", "published_on", "source_sha256"
    ):
        latest[agency_id, year] = (pk, sha256)  # later numbers replace earlier ones
        first.setdefault((agency_id, year), published_on)
    return {held: (pk, sha, first[held]) for held, (pk, sha) in latest.items()}


def imported_heads(pks: list[int], years: tuple[int, ...]) -> dict[tuple, tuple]:
    """(pk, sha256, published on, generation) of the last report imported for each agency
    and year, by (agency pk, year)."""
    rows = (
        PublishedReport.objects.filter(agency_id__in=pks, year__in=years)
        .order_by("agency_id", "pk")
        .values_list("agency_id", "year", "pk", "sha256", "published_on", "generation")
    )
    return {(agency, year): rest for agency, year, *rest in rows}  # later imports replace


def correction_stamps(report_pks: list[int]) -> dict[int, int]:
    """The last correction of each report's figures (none: absent). Corrections are few (a
    person makes each): they are read first, then their figures' reports, rather than every
    report's figures searched for theirs."""
    if not report_pks:
        return {}
    last: dict[int, int] = {}
    for figure, pk in Correction.objects.values_list("figure_id", "pk").order_by("pk"):
        last[figure] = pk
    wanted, stamps = set(report_pks), {}
    reports = Figure.objects.filter(pk__in=list(last)).values_list("pk", "report_id")
    for figure, report in reports.order_by():
        if report in wanted:
            stamps[report] = max(stamps.get(report, 0), last[figure])
    return stamps


@cache
def code_fingerprint() -> str:
    """The rulebook, the formats and the audit's sorting as this code holds them."""
    digest = hashlib.sha256(rulebook.RULEBOOK_VERSION.encode())
    here = Path(__file__).parent
    sources = [*sorted(Path(rulebook.__file__).parent.glob("*.py")),
               *sorted(Path(schema.__file__).parent.glob("*")), here / "audit.py"]  # fmt: skip
    for path in sources:
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def memo_key(unit: Agency, year: int, now: Held, before: Held | None) -> str:
    parts = (code_fingerprint(), unit.pk, unit.name, year, now.identity,
             before.identity if before else "-")  # fmt: skip
    return PREFIX + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()


def recall(keys: Iterable[str]) -> dict[str, list[tuple]]:
    """The remembered findings of these keys: (kind, message, rule, severity) each."""
    return shared_cache.get_many(list(keys))


def remember(findings: dict[str, list[tuple]]) -> None:
    if findings:
        with transaction.atomic():  # the database cache commits once, not once a key
            shared_cache.set_many(findings, timeout=None)
