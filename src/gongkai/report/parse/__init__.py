"""Published annual reports (text, HTML, DOCX, PDF; generations A/B/C) → `Report`.

Deterministic and offline. Readers turn any file into lines (`readers`), lines become tokens
(`tokens`: figures with their units, blanks, text), the generation, year and agency are read
from the vocabulary and title (`generation`), labels are found with the formats' own labels
and aliases (`locate`), values are placed by count into the table's columns (`tables`),
prose figures and sections are read (`narrative`, `sections`), and what could not be read
with certainty becomes a `P-…` finding (`findings`) next to the rulebook's.

    parse_report(path_or_bytes, name=None) -> Report
    parse_lines(lines, source=None) -> Report

Both raise `UnreadableSource` (a one-line reason) for a file that is no readable document,
and its subclass `TooCostly` for one that would cost more memory or time than any real
report (limits.py: a zip bomb, a PDF whose streams inflate too far, reading past the
deadline).
"""

from pathlib import Path

from gongkai.report.formats import FIRST_REPORTING_YEAR, GENERATIONS, generation_for_year
from gongkai.report.model import Report
from gongkai.report.parse.chrome import split_chrome
from gongkai.report.parse.crossformat import fill_from_other_format, other_format
from gongkai.report.parse.findings import parse_finding
from gongkai.report.parse.flattened import unflatten
from gongkai.report.parse.generation import Identity, identify
from gongkai.report.parse.limits import time_limit
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.narrative import Stated, read_prose
from gongkai.report.parse.normalize import squeeze
from gongkai.report.parse.overprint import lift_overprints
from gongkai.report.parse.readers import TooCostly, UnreadableSource, read_bytes, read_report
from gongkai.report.parse.sections import read_sections
from gongkai.report.parse.tables import TableRead, read_tables
from gongkai.report.parse.tokens import tokenize
from gongkai.report.rulebook import check

__all__ = ["SourceLine", "TooCostly", "UnreadableSource", "parse_lines", "parse_report"]


def parse_report(source: str | Path | bytes, name: str | None = None) -> Report:
    """Parse a report file (a path, or its bytes with `name` giving the file type)."""
    if isinstance(source, bytes):
        lines = read_bytes(source, Path(name or "").suffix.lower())
    else:
        lines = read_report(source)
        name = name or Path(source).name
    return parse_lines(lines, source=name)


def parse_lines(
    lines: list[SourceLine], source: str | None = None, rulebook: bool = True
) -> Report:
    """The report in `lines`; `rulebook=False` leaves out the rulebook's findings (the parse
    findings stay), for bulk extraction where only the figures matter."""
    with time_limit():
        return _parse_lines(lines, source, rulebook)


def _parse_lines(lines: list[SourceLine], source: str | None, rulebook: bool) -> Report:
    page = split_chrome(lines)  # navigation, breadcrumbs, footers: never a figure or a year
    lines = unflatten(lift_overprints(page.content))  # a caption over a row; a flattened table
    squeezed = squeeze("".join(line.text for line in lines))
    identity = identify(lines, squeezed, page.lines)
    year, year_findings = _reporting_year(identity)
    tokens = tokenize(lines)
    read = read_tables(tokens, identity.generation)
    if other := other_format(identity.generation, identity.votes):
        fill_from_other_format(tokens, read, identity.generation, other)
    stated = read_prose([line.text for line in lines], identity.generation, year)
    report = Report(
        generation=identity.generation,
        year=year,
        agency=identity.agency,
        published_on=identity.published_on,
        cells=_in_format_order(read, identity.generation),
        extra=read.extra,
        narrative={key: figure.value for key, figure in stated.items()},
        sections=read_sections(lines, identity.generation),
        provenance=read.provenance,
        confidence=read.confidence,
        source=source,
    )
    parse_findings = [*year_findings, *read.findings, *_identity_findings(identity, year, read)]
    report.findings = [*parse_findings, *_prose_findings(report, stated)]
    if rulebook:
        report.findings += check(report)
    return report


def _reporting_year(identity: Identity) -> tuple[int, list]:
    if identity.year is not None:
        return identity.year, []
    first = GENERATIONS[identity.generation].first_year or FIRST_REPORTING_YEAR
    return first, [parse_finding("P-8", year=first)]


def _in_format_order(read: TableRead, code: str) -> dict:
    order = GENERATIONS[code].cells
    return {key: read.cells[key] for key in order if key in read.cells}


def _identity_findings(identity: Identity, year: int, read: TableRead) -> list:
    findings = []
    if not read.cells:
        findings.append(parse_finding("P-6"))
    if identity.conflict is not None:
        findings.append(
            parse_finding("P-7", year=year, expected=identity.generation, found=identity.conflict)
        )
    elif identity.year is not None and year >= FIRST_REPORTING_YEAR:
        expected = generation_for_year(year).code
        if expected != identity.generation:
            findings.append(
                parse_finding("P-7", year=year, expected=expected, found=identity.generation)
            )
    return findings


def _prose_findings(report: Report, stated: dict[str, Stated]) -> list:
    """P-4 where a firm prose figure contradicts the table; P-20 for an approximate one."""
    findings = []
    for key, figure in stated.items():
        printed = report.cells.get(key)
        if figure.approximate:
            findings.append(parse_finding("P-20", (key,), text=figure.text, value=figure.value))
        elif figure.firm and printed is not None and printed != figure.value:
            findings.append(
                parse_finding("P-4", (key,), narrative=f"{key} = {figure.value}", table=printed)
            )
    return findings
