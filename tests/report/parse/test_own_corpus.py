"""The parser's own corpus (tests/report/parse/corpus, built by make_corpus.py): every layout
and damage reads back to the figures it was rendered from."""

import json
from pathlib import Path

import pytest

from gongkai.report.parse import parse_report

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = sorted(CORPUS.glob("*.expected.json"))


def source_of(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    return next(p for p in CORPUS.glob(stem + ".*") if not p.name.endswith(".json"))


def test_the_corpus_covers_every_generation_and_file_type():
    stems = {p.name.removesuffix(".expected.json") for p in EXPECTED}
    assert {stem[2] for stem in stems} == {"A", "B", "C"}
    assert {source_of(p).suffix for p in EXPECTED} >= {".txt", ".md", ".html", ".docx", ".pdf"}


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name[: -len(".expected.json")])
def test_a_rendered_report_reads_back_to_its_figures(expected_path):
    expected = json.loads(expected_path.read_text())
    report = parse_report(source_of(expected_path))
    printed = {k: v for k, v in expected["cells"].items() if v is not None}
    got = {k: report.cells.get(k) for k in printed}
    assert {k: float(v) for k, v in got.items() if v is not None} == {
        k: float(v) for k, v in printed.items()
    }
    blanks = {k for k, v in expected["cells"].items() if v is None}
    assert all(report.cells.get(k) is None for k in blanks)  # a blank never becomes a figure
    assert (report.generation, report.year) == (expected["generation"], expected["year"])
    for key, value in expected["narrative"].items():
        assert report.narrative.get(key) == value
