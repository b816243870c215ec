"""Real reports of every file type, damaged the ways files get damaged (flipped bytes, cut
short, lines doubled and shuffled, other encodings, huge numbers, deeply nested HTML,
broken Word and PDF files): the parser returns a valid report or the documented
`UnreadableSource`, never another exception, within a bounded time per file; and a batch of
them parses in bounded memory (tests/report/parse/test_limits.py has the bombs)."""

import io
import random
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from tests.shared_copies import SEEDS

from gongkai.report import validate
from gongkai.report.jsonio import dumps, loads
from gongkai.report.parse import UnreadableSource, parse_report

CORPUS = Path(__file__).parent / "corpus"
TEXTS = sorted([*CORPUS.glob("r4C2021_*.txt"), *CORPUS.glob("*.md"), *SEEDS.glob("*.txt")])
PAGES = sorted(CORPUS.glob("*.html"))
WORD = sorted(CORPUS.glob("*.docx"))
PDFS = sorted(CORPUS.glob("*.pdf"))
SECONDS_PER_FILE = 10  # far below the parser's own limit; a real report takes under 2 s
HUGE_NUMBERS = ["9" * 400, "1e309", "-0", "１２３４５６７８９０" * 30, "NaN", "0x7fffffff", "∞"]


def outcome(data: bytes, name: str):
    """Parse; a report must be valid gongkai.report/1, a refusal must be UnreadableSource."""
    started = time.monotonic()
    try:
        report = parse_report(data, name)
    except UnreadableSource as refusal:
        assert str(refusal).strip()
        report = None
    assert time.monotonic() - started < SECONDS_PER_FILE
    if report is not None:
        problems = validate(loads(dumps(report.to_dict())))
        assert not [p for p in problems if p.fatal], problems
    return report


def flip_bytes(data: bytes, rng: random.Random, count: int) -> bytes:
    damaged = bytearray(data)
    for _ in range(count):
        position = rng.randrange(len(damaged))
        damaged[position] = rng.randrange(256)
    return bytes(damaged)


def mutate_lines(text: str, rng: random.Random, how: str) -> str:
    lines = text.splitlines()
    if how == "shuffle":
        rng.shuffle(lines)
    elif how == "duplicate":
        lines = [line for line in lines for _ in range(rng.choice([1, 1, 2, 3]))]
    elif how == "numbers":
        lines = [line + rng.choice(HUGE_NUMBERS) if rng.random() < 0.3 else line for line in lines]
    elif how == "truncate":
        lines = lines[: rng.randrange(len(lines) + 1)]
    return "\n".join(lines)


text_mutations = st.sampled_from(["shuffle", "duplicate", "numbers", "truncate", "flip"])
encodings = st.sampled_from(["utf-8", "gb18030", "utf-16", "big5", "utf-8-sig", "latin-1"])
# No shrinking: a failing example is reported as found (shrinking whole reports takes minutes).
PHASES = [Phase.explicit, Phase.reuse, Phase.generate]
FUZZ = settings(
    max_examples=40, deadline=None, phases=PHASES, suppress_health_check=list(HealthCheck)
)


@FUZZ
@given(st.sampled_from(TEXTS), text_mutations, encodings, st.randoms(use_true_random=False))
def test_damaged_text_reports(path, how, encoding, rng):
    text = path.read_text(encoding="utf-8")
    if how == "flip":
        outcome(flip_bytes(text.encode(), rng, rng.randrange(1, 200)), path.name)
        return
    data = mutate_lines(text, rng, how).encode(encoding, errors="replace")
    outcome(data, path.name)


def nested(depth: int, inner: str) -> str:
    return "<div><table><tr><td>" * depth + inner + "</td></tr></table></div>" * depth


@FUZZ
@given(st.sampled_from(PAGES), text_mutations, st.integers(0, 5000), st.randoms())
def test_damaged_html_pages(path, how, depth, rng):
    page = path.read_text(encoding="utf-8")
    if how == "flip":
        outcome(flip_bytes(page.encode(), rng, rng.randrange(1, 200)), path.name)
        return
    body = mutate_lines(page, rng, how)
    cut = rng.randrange(len(body) + 1)
    outcome((body[:cut] + nested(depth, body[cut:])).encode(), path.name)


def rezip(path: Path, change) -> bytes:
    """The Word file with its document.xml changed by `change` (bytes -> bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in original.infolist():
            data = original.read(item.filename)
            new.writestr(item, change(data) if item.filename == "word/document.xml" else data)
    return out.getvalue()


@settings(max_examples=25, deadline=None, phases=PHASES, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(WORD), st.sampled_from(["xml", "zip", "cut", "numbers"]), st.randoms())
def test_damaged_word_files(path, how, rng):
    if how == "xml":
        data = rezip(path, lambda xml: flip_bytes(xml, rng, rng.randrange(1, 50)))
    elif how == "numbers":
        data = rezip(path, lambda xml: xml.replace(b">1<", f">{'9' * 500}<".encode()))
    elif how == "zip":
        data = flip_bytes(path.read_bytes(), rng, rng.randrange(1, 50))
    else:
        raw = path.read_bytes()
        data = raw[: rng.randrange(len(raw))]
    outcome(data, path.name)


@settings(max_examples=8, deadline=None, phases=PHASES, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(PDFS), st.sampled_from(["flip", "cut"]), st.randoms())
def test_damaged_pdf_files(path, how, rng):
    raw = path.read_bytes()
    if how == "flip":
        data = flip_bytes(raw, rng, rng.randrange(1, 100))
    else:
        data = raw[: rng.randrange(len(raw))]
    outcome(data, path.name)


def test_a_batch_of_damaged_files_parses_in_bounded_memory(tmp_path, run_gongkai):
    rng = random.Random(14)
    for number, path in enumerate([*TEXTS[:6], *PAGES[:3], *WORD[:3], *PDFS[:2]]):
        raw = path.read_bytes()
        (tmp_path / f"{number}{path.suffix}").write_bytes(flip_bytes(raw, rng, 40))
        (tmp_path / f"{number}-cut{path.suffix}").write_bytes(raw[: len(raw) // 2])
    finished = run_gongkai("parse", str(tmp_path), timeout=300)
    assert finished.returncode in (0, 1), finished.stderr[-2000:]
    assert "Traceback" not in finished.stderr and "internal error" not in finished.stderr
    assert finished.stdout.count("\n") >= 10  # most are still read
    assert finished.peak_mb < 300


@pytest.mark.parametrize("path", [*TEXTS[:2], *PAGES[:1], *WORD[:1], *PDFS[:1]], ids=str)
def test_the_undamaged_files_still_parse(path):
    assert outcome(path.read_bytes(), path.name).cells
