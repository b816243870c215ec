"""The damage corpus (tests/report/parse/damage, built by make_damage.py): reports rendered by
the platform's renderer in three print layouts, turned into PDF and read back by five text
extractors, plus web-page chrome, portal pages, Word files and crawler rows that are glued,
annotated or unlabelled. Expected figures come from the source
Report. The parser is scored on all of it, in this process.

Target (issue 16): ≥ 99 % of the figures, held as the floor below (99.05 % measured
2026-12-03 17:05 UTC; 87.2 % when the corpus was built); raise it as the parser improves,
never lower it. What fails, by layout and extractor, is in
docs/PERFORMANCE.md."""

import re
from pathlib import Path

import pytest
from tests.report.parse.corpus_score import score_corpus, source_of

DAMAGE = Path(__file__).parent / "damage"
EXPECTED = sorted(DAMAGE.glob("*.expected.json"))
FLOOR = 99.0  # per cent of the known figures: the target of issue 16
NAME = re.compile(r"^(?P<gen>[ABC])(?P<year>\d{4})_(?P<layout>[a-z0-9]+)(_(?P<rest>.+))?$")


@pytest.fixture(scope="module")
def score():
    return score_corpus(EXPECTED)


def parts(path: Path) -> dict:
    return NAME.match(path.name.removesuffix(".expected.json")).groupdict()


def test_the_corpus_covers_every_generation_layout_extractor_and_damage():
    names = [parts(p) for p in EXPECTED]
    assert {n["gen"] for n in names} == {"A", "B", "C"}
    assert {n["layout"] for n in names} >= {"print", "narrow", "a5", "crawl", "portal", "word"}
    rests = {n["rest"] for n in names if n["rest"]}
    assert {"layout", "raw", "plain", "plumber", "pdfium", "layout_chrome"} <= rests
    assert {"glued", "annotated", "unlabelled", "page"} <= rests
    assert {source_of(p).suffix for p in EXPECTED} == {".txt", ".pdf", ".html", ".docx"}


def test_the_damage_is_in_the_texts():
    a5 = (DAMAGE / "C2023_a5_raw.txt").read_text(encoding="utf-8")
    assert re.search(r"^\s*— ?\d+ ?—\s*$", a5, re.M)  # page numbers between table fragments
    narrow = (DAMAGE / "C2021_narrow_raw.txt").read_text(encoding="utf-8")
    assert "商业\n企业" in narrow  # a column header split character-wise
    chrome = (DAMAGE / "B2019_a5_layout_chrome.txt").read_text(encoding="utf-8")
    assert "登录 注册" in chrome and "点击数" in chrome and "ICP备" in chrome
    glued = (DAMAGE / "C2021_crawl_glued.txt").read_text(encoding="utf-8")
    assert re.search(r" \| \d{7,}$", glued, re.M)  # a matrix row whose separators are lost
    noted = (DAMAGE / "B2020_crawl_annotated.txt").read_text(encoding="utf-8")
    assert re.search(r"\d+[（(](其中|含)", noted)  # "12（其中修订 5 件）"
    bare = (DAMAGE / "C2023_crawl_unlabelled.txt").read_text(encoding="utf-8")
    assert re.search(r"^\d+( \| \d+){6}$", bare, re.M)  # a row without its label


def test_no_damaged_report_crashes_the_parser(score):
    assert score.crashed == []


def test_generation_and_year_are_right_on_every_damaged_report(score):
    assert (score.wrong_generation, score.wrong_year) == ([], [])


def test_the_damage_corpus_is_read_at_least_at_the_recorded_level(score):
    assert score.files == len(EXPECTED) >= 120
    assert score.accuracy >= FLOOR, f"{score.accuracy:.2f} % < {FLOOR} %: {score.misses}"
