"""The five real seed reports (tests/fixtures/shared/corpus/seeds) parse to every hand-checked
figure."""

import json
from pathlib import Path

import pytest
from tests.shared_copies import SEEDS

from gongkai.report.parse import parse_report

EXPECTED = sorted(SEEDS.glob("*.expected.json"))


def figures(report: dict) -> dict:
    """What score_corpus.py compares: narrative figures, overridden by non-null cells."""
    found = dict(report.get("narrative") or {})
    found.update({k: v for k, v in (report.get("cells") or {}).items() if v is not None})
    return found


def source_of(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    return next(p for p in SEEDS.glob(stem + ".*") if not p.name.endswith(".json"))


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name[:3])
def test_every_known_figure_of_a_seed_report_is_read(expected_path):
    expected = json.loads(expected_path.read_text())
    report = parse_report(source_of(expected_path)).to_dict()
    got = figures(report)
    wrong = {
        key: (want, got.get(key))
        for key, want in figures(expected).items()
        if key not in got or abs(float(got[key]) - float(want)) > 1e-9
    }
    assert wrong == {}
    assert (report["generation"], report["year"]) == (expected["generation"], expected["year"])


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name[:3])
def test_a_seed_report_has_exactly_the_rows_it_prints(expected_path):
    expected = json.loads(expected_path.read_text())
    report = parse_report(source_of(expected_path))
    assert set(report.cells) == set(expected["cells"])
    blanks = {key for key, value in expected["cells"].items() if value is None}
    assert {key for key, value in report.cells.items() if value is None} == blanks


def test_the_extra_rows_of_seed_000_keep_their_section_and_unit():
    path = next(p for p in EXPECTED if p.name.startswith("000"))
    expected = json.loads(path.read_text())["extra"]
    extra = parse_report(source_of(path)).to_dict()["extra"]
    assert [(row["section"], row["unit"], row["value"]) for row in extra] == [
        (row["section"], row["unit"], row["value"]) for row in expected
    ]
