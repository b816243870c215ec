"""An agency's annual report compiled from the platform's records alone.

Section 二 from the 规章/规范性文件 registry and the yearly figures, section 三 from the
applications (counting.py), section 四 from the 复议/诉讼 docket; each counted by aggregate
queries. The cells are placed by `gongkai.report.compiler`; the rulebook then checks the
report, with last year's report for the cross-year rules. The CLI (`gongkai annual compile`)
and the staff pages call the same `compile_report`.
"""

from dataclasses import dataclass
from datetime import date

from gongkai.report import Generation, Report, generation_for_year, run_rulebook
from gongkai.report.compiler import assemble, section_three_cells
from gongkai.report.rulebook import CheckResult
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.counting import application_counts
from gongkai.web.annualreports.explain import explain_cross_year
from gongkai.web.annualreports.history import version_of_year
from gongkai.web.annualreports.models import Origin
from gongkai.web.annualreports.narrative import Facts, gather_facts, suggested_sections
from gongkai.web.applications.models import Application
from gongkai.web.catalog.registry import section_two_figures

# Reports before 2019 (generation A) describe the 2007 Regulations' procedure, which the
# platform's records do not follow; they can be imported, not compiled.
FIRST_COMPILED_YEAR = 2019


class CompileError(ValueError):
    """A report that cannot be compiled (a year before 2019, or one not yet over)."""


@dataclass(frozen=True)
class Compiled:
    report: Report  # every cell of the format, the suggested prose, the rulebook's findings
    result: CheckResult
    facts: Facts
    previous: Report | None  # last year's report the cross-year rules compared with


def compile_report(agency: Agency, year: int, previous: Report | None = None) -> Compiled:
    """The report of `agency` for `year`; `previous` defaults to last year's on record."""
    generation = compiled_generation(year)
    cells = record_cells(agency, year, generation)
    facts = gather_facts(agency, year, cells)
    report = assemble(
        generation.code,
        year,
        agency.name,
        cells,
        sections=suggested_sections(agency, year, facts),
        provenance={"compiled_from": "records", "compiled_on": date.today().isoformat()},
    )
    version = None
    if previous is None:
        version = comparable_version(agency, year - 1)
        previous = version.as_report() if version else None
    result = run_rulebook(report, previous)
    report.findings = list(result.findings)
    for explanation in explain_cross_year(agency, year, report.findings, version):
        report.notes += [f"{explanation.finding.rule}：{line}" for line in explanation.lines]
    return Compiled(report, result, facts, previous)


def comparable_version(agency: Agency, year: int):
    """Last year's report to compare the agency's own records with: not a combined one,
    whose figures include the agencies below (that compares with a combined report)."""
    version = version_of_year(agency, year)
    if version is not None and version.report.origin == Origin.AGGREGATED:
        return None
    return version


def compiled_generation(year: int) -> Generation:
    if year < FIRST_COMPILED_YEAR:
        raise CompileError(
            f"{year}年度的报告使用2019年以前的格式，不能由本平台记录生成；请导入已发布的报告"
        )
    if year >= date.today().year:
        raise CompileError(f"{year}年尚未结束，年度报告在次年编制")
    return generation_for_year(year)


def record_cells(agency: Agency, year: int, generation: Generation) -> dict:
    """Every counted and entered cell of sections 二, 三 and 四."""
    from gongkai.web.appeals.counting import section_four_cells
    from gongkai.web.appeals.models import Appeal

    applications = Application.objects.filter(agency=agency)
    cells = dict(section_two_figures(agency, year, generation))
    cells |= section_three_cells(generation.code, application_counts(applications, year))
    cells |= section_four_cells(Appeal.objects.filter(agency=agency), year)
    return cells
