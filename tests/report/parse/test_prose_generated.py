"""Generated prose-only reports (prose_reports.py: many phrasings, figures of other
quantities, page chrome, PDF wrapping, traditional script, full-width digits, crawled cells)
read back to exactly their figures, year, generation and agency."""

import pytest
from tests.report.parse.prose_reports import prose_report

from gongkai.report.parse import parse_lines
from gongkai.report.parse.lines import SourceLine

SEEDS = range(300)


def parsed(seed: int):
    texts, expected = prose_report(seed)
    report = parse_lines([SourceLine(text, {"line": n}) for n, text in enumerate(texts, 1)])
    return report, expected


@pytest.mark.parametrize("seed", SEEDS)
def test_a_generated_prose_report_reads_back_to_exactly_its_figures(seed):
    report, expected = parsed(seed)
    assert (report.year, report.generation) == (expected.year, "A")
    # `2015年青龙乡政府信息公开年度报告`: 青龙乡 or 青龙乡政府, the title cannot tell.
    assert report.agency in (expected.agency, expected.agency + "政府")
    assert {key: float(value) for key, value in report.narrative.items()} == expected.figures
