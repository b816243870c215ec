"""Scores the parser on a corpus folder the way ../shared/tools/score_corpus.py does, in this
process: over every figure a `<name>.expected.json` knows (non-null cells and narrative
figures), the parser's figure for that key (cells, else narrative) must be equal."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.report.parse import parse_report


def figures(report: dict) -> dict:
    """What score_corpus.py compares: narrative figures, overridden by non-null cells."""
    found = dict(report.get("narrative") or {})
    found.update({k: v for k, v in (report.get("cells") or {}).items() if v is not None})
    return found


def same(a, b) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-6
    except (TypeError, ValueError):
        return False


@dataclass
class Score:
    files: int = 0
    figures: int = 0
    right: int = 0
    crashed: list[str] = field(default_factory=list)
    wrong_generation: list[str] = field(default_factory=list)
    wrong_year: list[str] = field(default_factory=list)
    misses: dict[str, dict] = field(default_factory=dict)  # file -> {key: (want, got)}

    @property
    def accuracy(self) -> float:
        return 100.0 * self.right / self.figures if self.figures else 0.0


def source_of(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    return next(p for p in expected.parent.glob(stem + ".*") if not p.name.endswith(".json"))


def score_file(expected_path: Path, source: Path, score: Score) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    want = figures(expected)
    score.files += 1
    score.figures += len(want)
    try:
        got_report = parse_report(source).to_dict()
    except Exception as error:  # a crash is scored as every figure missed
        score.crashed.append(f"{source.name}: {type(error).__name__}: {error}")
        return
    got = figures(got_report)
    missed = {k: (v, got.get(k)) for k, v in want.items() if not (k in got and same(got[k], v))}
    score.right += len(want) - len(missed)
    if missed:
        score.misses[source.name] = missed
    if got_report.get("generation") != expected["generation"]:
        score.wrong_generation.append(source.name)
    if got_report.get("year") != expected["year"]:
        score.wrong_year.append(source.name)


def score_corpus(expected_files: list[Path], sources: dict[Path, Path] | None = None) -> Score:
    score = Score()
    for path in expected_files:
        score_file(path, (sources or {}).get(path) or source_of(path), score)
    return score
