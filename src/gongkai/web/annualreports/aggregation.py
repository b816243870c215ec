"""汇总: the combined report of an agency and the agencies below it.

A supervising office (政务公开办) compiles its government's report from the government's own
records plus the reports of every agency below it, as the 东宁市 seed report does for its
towns and departments. Each agency below counts through its latest published report, or its
working copy when it has not published; an agency whose own report is already a combined one
stands for its whole subtree, which is then not counted a second time. The combined report
says which agencies are missing, late, unpublished or failing the rulebook.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.db.models import F

from gongkai.report import Report, Severity, load_report, run_rulebook
from gongkai.report.aggregate import aggregate
from gongkai.report.compiler import assemble
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.compiler import compiled_generation, record_cells
from gongkai.web.annualreports.deadlines import due_date
from gongkai.web.annualreports.models import AnnualReport, Origin, ReportVersion
from gongkai.web.annualreports.narrative import gather_facts, suggested_sections


class Standing(StrEnum):
    ON_TIME = "on_time"  # published by its due date
    LATE = "late"  # published after it
    UNPUBLISHED = "unpublished"  # a working copy only: its figures are used, marked as such
    MISSING = "missing"  # no report at all: nothing of it is in the sum


STANDING_LABELS = {
    Standing.ON_TIME: "按时发布",
    Standing.LATE: "逾期发布",
    Standing.UNPUBLISHED: "尚未发布（使用工作稿数字）",
    Standing.MISSING: "缺报",
}


@dataclass(frozen=True)
class Input:
    agency: Agency
    standing: Standing
    report: Report | None
    errors: int  # error-level findings of the rulebook

    @property
    def label(self) -> str:
        return STANDING_LABELS[self.standing]


@dataclass(frozen=True)
class Combined:
    report: Report
    inputs: list[Input]

    def with_standing(self, *standings: Standing) -> list[Input]:
        return [i for i in self.inputs if i.standing in standings]

    @property
    def failing(self) -> list[Input]:
        return [i for i in self.inputs if i.errors]


def combined_report(agency: Agency, year: int) -> Combined:
    """The agency's own records plus every report below it, summed cell by cell."""
    own = own_records(agency, year)
    inputs = [fitting(i, own.generation) for i in subordinate_inputs(agency, year)]
    counted = [own, *(i.report for i in inputs if i.report is not None)]
    report = aggregate(counted, own.generation, year, agency.name)
    report.sections = dict(own.sections)
    report.provenance |= {"compiled_from": "records and subordinate reports"}
    return Combined(report, inputs)


def own_records(agency: Agency, year: int) -> Report:
    """The agency's own records, counted as `compile_report` counts them but not checked:
    the combined report keeps only their figures and prose, and is checked as a whole when
    it is published. (Checked, the own part differed from last year's combined report by
    construction, and each difference was explained by counting records again: 100–200 ms
    of a combined report's time; bench/bench_annual.py.)"""
    generation = compiled_generation(year)
    cells = record_cells(agency, year, generation)
    facts = gather_facts(agency, year, cells)
    sections = suggested_sections(agency, year, facts)
    return assemble(generation.code, year, agency.name, cells, sections=sections)


def fitting(found: Input, generation: str) -> Input:
    """An input in another format than the year's cannot be added: it counts as failing."""
    if found.report is None or found.report.generation == generation:
        return found
    return Input(found.agency, found.standing, None, found.errors + 1)


def subordinate_inputs(agency: Agency, year: int) -> list[Input]:
    below = list(agency.subtree().exclude(pk=agency.pk).order_by("path"))
    latest = latest_versions(below, year)
    drafts = working_copies(below, year, published=latest)
    inputs: list[Input] = []
    covered: list[str] = []  # paths of agencies whose combined report stands for their subtree
    for unit in below:
        if any(unit.path.startswith(path) for path in covered):
            continue
        found = input_of(unit, year, latest.get(unit.pk), drafts.get(unit.pk))
        inputs.append(found)
        working = drafts.get(unit.pk)
        if working is not None and working.origin == Origin.AGGREGATED and found.report:
            covered.append(unit.path)
    return inputs


def latest_versions(agencies: list[Agency], year: int) -> dict[int, ReportVersion]:
    """Each agency's latest published version of `year`, with `first_published_on`, the day
    its first version was published. Only the latest versions' documents are read, without
    their pages: a combined report of 1,000 agencies reads 1,000 documents, not 25 MB of HTML
    (bench/bench_annual.py)."""
    numbered = ReportVersion.objects.filter(report__agency__in=agencies, report__year=year)
    latest: dict[int, int] = {}
    first: dict[int, date] = {}
    for pk, agency_id, published_on in numbered.order_by("number").values_list(
        "pk", "report__agency_id", "published_on"
    ):
        latest[agency_id] = pk  # later numbers replace earlier ones
        first.setdefault(agency_id, published_on)
    versions = ReportVersion.objects.filter(pk__in=latest.values()).defer("html").order_by()
    found: dict[int, ReportVersion] = {}
    for version in versions.annotate(agency_pk=F("report__agency_id")):
        version.first_published_on = first[version.agency_pk]
        found[version.agency_pk] = version
    return found


def working_copies(agencies: list[Agency], year: int, published: dict) -> dict[int, AnnualReport]:
    """Each agency's working copy of `year`; its figures and prose are read only where no
    version is published, as only there are they counted."""
    copies = {
        r.agency_id: r
        for r in AnnualReport.objects.filter(agency__in=agencies, year=year)
        .only("agency", "origin")
        .order_by()
    }
    unpublished = [r.pk for agency_id, r in copies.items() if agency_id not in published]
    if unpublished:
        full = AnnualReport.objects.filter(pk__in=unpublished).select_related("agency")
        copies |= {r.agency_id: r for r in full}
    return copies


def input_of(unit: Agency, year: int, version, working) -> Input:
    if version is not None:
        report = load_report(version.document)
        first = first_publication(version)
        standing = Standing.LATE if first > due_date(unit, year) else Standing.ON_TIME
        errors = sum(f.severity is Severity.ERROR for f in report.findings)
        return Input(unit, standing, report, errors)
    if working is not None:
        report = working.as_report()
        errors = sum(f.severity is Severity.ERROR for f in run_rulebook(report).findings)
        return Input(unit, Standing.UNPUBLISHED, report, errors)
    return Input(unit, Standing.MISSING, None, 0)


def first_publication(version: ReportVersion) -> date:
    """When the report of `version` was first published (a correction keeps that date)."""
    if version.number == 1:
        return version.published_on
    known = getattr(version, "first_published_on", None)
    if known is not None:
        return known
    first = version.report.versions.order_by("number").first()
    return first.published_on if first else version.published_on
