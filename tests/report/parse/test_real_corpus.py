"""Real published reports (issue 16): hand-checked figures of reports from many agencies, years and
all three generations, scored against the parser.

tests/report/parse/real/ holds, for each report, its `<name>.expected.json`: figures read by
hand from the page as found, the page's address (`source_url`) and notes; never the parser's
output; beside it the page as found (`<name>.txt`, `.html` or `.pdf`). GONGKAI_REAL_CORPUS names
another folder of texts for the same expected files (a re-crawl, another extractor's output).

Target (issue 16): ≥ 99 % of the hand-checked figures, every generation and year right. The
committed parser reads 100 % of 72 reports (2026-12-03 16:25 UTC), after its authors had worked
on the failures of the first 60 pages and of two WPS-exported PDFs (98.3 % before: a label cell
merged over two grid columns); on pages nobody had fitted the parser to it was lower: 95.4 % on
the first 40 (13:49), 97.5 % on a holdout of 10 kept from the parser's authors until it was
measured (14:15), 94.76 % on holdout 2 (27 more pages, 229 figures, 16:40), read whole after the
fixes of its misses by class, and 81.03 % on holdout 3 (17 pages, 174 figures, measured on
the parser with those fixes), read whole after the fixes of its own misses; 100 % on holdout 4
(7 pages, 55 figures, measured after those), 90.91 % on holdout 5 (5 pages, 77 figures; one
page's blank cells as lone pipes), read whole after that class was fixed, and 100 % on holdout
6 (4 pages, 33 figures; 132 reports, 2078 figures, 100 %); then 81.44 % on holdout 7 (11 pages,
97 figures) and 92.86 % on holdout 8 (10 pages, 70 figures), each measured before any work on it
(153 reports, 2245 figures, 3 left blank: 99.87 %), and 100 % on holdout 9 (8 pages, 87
figures), 96.72 % on holdout 10 (9 pages, 61 figures; read whole after its fixes), 92.05 % on
holdout 11 (8 pages, 88 figures; 87 after its fix), 100 % on holdout 12 (8 pages, 76 figures),
74.19 % on holdout 13 (11 pages cut before their tables, 31 prose figures; 31 after its fixes),
35.34 % on holdout 14 (a PDF and three crawled pages whose tables lost every separator, 580
figures; 579 after its fixes) and 96.20 % on holdout 16 (4 more such pages, 579; 578 after);
81.82 % on holdout 15 (12 pages, 66 figures, a 2019 report read as A; 66 after its fixes) and
94.25 % on holdout 17 (16 pages, 87 figures; 87 after its fixes), 70.37 % on holdout 19 (11
pages, 27 figures, a 2005 report read as 2021; 27 after its fixes), 100 % on holdout 21 (6
pages, 14 figures), 87.50 % on holdout 23 (9 pages, 32 figures; 31 after its fixes), 100 % on
holdout 25 (9 pages, 61 figures), 96.97 % on holdout 27 (6 pages, 33 figures; 33 after its fix),
95.24 % on holdout 29 (8 pages, 21 figures; 21 after its fix).
The floor leaves room for a few misses; raise it, never lower it."""

import json
import os
from pathlib import Path

import pytest
from tests.report.parse.corpus_score import figures, score_corpus

from gongkai.report.formats import GENERATIONS

HERE = Path(__file__).parent
EXPECTED = sorted((HERE / "real").glob("*.expected.json"))
FLOOR = 99.8  # per cent of the hand-checked figures (100 % on 2026-12-03 17:35); the target is 99
TOPIC_KEYS = set(GENERATIONS["A"].cells)  # generation-A keys name prose figures of any report


def texts_folder() -> Path:
    return Path(os.environ.get("GONGKAI_REAL_CORPUS") or HERE / "real")


def source_in(folder: Path, expected: Path) -> Path | None:
    stem = expected.name.removesuffix(".expected.json")
    found = [p for p in folder.glob(stem + ".*") if not p.name.endswith(".json")]
    return found[0] if found else None


def test_the_real_corpus_spans_generations_agencies_and_years():
    reports = [json.loads(p.read_text(encoding="utf-8")) for p in EXPECTED]
    assert len(reports) >= 284
    assert {r["generation"] for r in reports} == {"A", "B", "C"}
    assert len({r["year"] for r in reports}) >= 10
    assert len({r["source_url"] for r in reports}) >= len(reports) - 1  # one report has no URL


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_a_real_expected_file_names_its_source_and_only_known_figures(path):
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert expected["format"] == "gongkai.report/1" and "source_url" in expected
    assert set(expected["cells"]) <= set(GENERATIONS[expected["generation"]].cells)
    assert set(expected["narrative"]) <= TOPIC_KEYS
    year = expected["year"]
    assert {"A": year < 2019, "B": year in (2019, 2020), "C": year > 2020}[expected["generation"]]
    assert all(isinstance(v, int | float) for v in figures(expected).values())


@pytest.fixture(scope="module")
def score():
    folder = texts_folder()
    sources = {p: source_in(folder, p) for p in EXPECTED}
    missing = sorted(p.name for p, source in sources.items() if source is None)
    assert missing == [], f"texts missing for {missing}"
    return score_corpus(EXPECTED, sources)


def test_no_real_report_crashes_the_parser(score):
    assert score.crashed == []


def test_generation_and_year_are_right_on_every_real_report(score):
    assert (score.wrong_generation, score.wrong_year) == ([], [])


def test_the_real_corpus_is_read_at_least_at_the_recorded_level(score):
    assert score.accuracy >= FLOOR, f"{score.accuracy:.2f} % < {FLOOR} %: {score.misses}"
