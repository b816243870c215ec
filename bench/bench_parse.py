"""Report parser speed and memory: reports per second on one core by file type, and resident
memory over a 10,000-file batch. Record the output in docs/PERFORMANCE.md.

    .venv/bin/python bench/bench_parse.py [--batch 10000]

Inputs: the seed reports (tests/fixtures/shared/corpus/seeds, copied from ../shared) and the
parser's own corpus (tests/report/parse/corpus), which has every generation in text,
markdown, HTML, DOCX and PDF.

PDF against `pdftotext -layout`: every PDF of the parser's corpus and of the damage corpus
(tests/report/parse/damage) is read in the same run by the parser's reader (read_report, the
stream-inflation guard included, in this process) and by pdftotext (one process per file, as
its users run it), rounds alternating; the best round of each is compared.
"""

import argparse
import itertools
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from gongkai.report.parse import parse_lines, parse_report
from gongkai.report.parse.readers import read_bytes, read_report

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "report" / "parse" / "corpus"
SEEDS = ROOT / "tests" / "fixtures" / "shared" / "corpus" / "seeds"
DAMAGE = ROOT / "tests" / "report" / "parse" / "damage"
REAL = ROOT / "tests" / "report" / "parse" / "real"


def files_of(suffixes: tuple[str, ...]) -> list[Path]:
    found = [p for p in sorted(CORPUS.iterdir()) if p.suffix in suffixes]
    if ".txt" in suffixes:
        found += sorted(SEEDS.glob("*.txt"))
    return found


def rate(files: list[Path], seconds: float = 5.0) -> tuple[float, float]:
    """(reports per second, mean size in KB), parsing the files round-robin for `seconds`."""
    for path in files:
        parse_report(path)  # warm the caches and imports
    count, start = 0, time.perf_counter()
    for path in itertools.cycle(files):
        parse_report(path)
        count += 1
        if count % len(files) == 0 and time.perf_counter() - start > seconds:
            break
    elapsed = time.perf_counter() - start
    return count / elapsed, statistics.mean(p.stat().st_size for p in files) / 1024


def fifteen_kb_reports() -> dict[str, list]:
    """The issue's yardstick, a 15 KB text report: seed 000 (14.5 KB, generation A) and a
    generation-C report whose prose is padded to 15 KB, as their lines."""
    prose = "本机关坚持以公开为常态、不公开为例外，进一步加强政府信息公开工作，取得了明显成效。"
    c_report = (CORPUS / "r4C2021_cells.txt").read_text(encoding="utf-8")
    padding = "\n".join([prose] * ((15 * 1024 - len(c_report.encode())) // len(prose.encode())))
    texts = {"generation C, 15.0 KB": c_report.replace("五、存在的主要问题及改进情况", padding, 1)}
    seed = SEEDS / "000_b1ef3381ebc40fd9.txt"
    if seed.exists():
        texts["seed 000, 14.5 KB"] = seed.read_text(encoding="utf-8")
    return {name: read_bytes(text.encode(), ".txt") for name, text in texts.items()}


def lines_rate(lines: list, rulebook: bool, seconds: float) -> float:
    parse_lines(lines, rulebook=rulebook)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        parse_lines(lines, rulebook=rulebook)
        count += 1
    return count / (time.perf_counter() - start)


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def batch(files: list[Path], total: int) -> list[tuple[int, float]]:
    samples = []
    for number, path in enumerate(itertools.islice(itertools.cycle(files), total), 1):
        parse_report(path)
        if number in (100, 1000) or number % 2500 == 0:
            samples.append((number, resident_mb()))
    return samples


def seconds_for(read, files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        read(path)
    return time.perf_counter() - start


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True)


def pdf_ratio(rounds: int) -> None:
    """The parser's PDF reading time over pdftotext -layout's, on the same files, best rounds:
    the corpora's PDFs (printed by WeasyPrint) and the real corpus's (exported by WPS 文字)."""
    groups = {
        "generated (WeasyPrint)": [*sorted(CORPUS.glob("*.pdf")), *sorted(DAMAGE.glob("*.pdf"))],
        "real (WPS 文字)": sorted(REAL.glob("*.pdf")),
    }
    if not shutil.which("pdftotext") or not all(groups.values()):
        print("PDF ratio: needs pdftotext (poppler-utils) and the corpora's PDFs")
        return
    groups["all"] = [path for files in groups.values() for path in files]
    for name, files in groups.items():
        ours, theirs = [], []
        for _ in range(rounds):
            ours.append(seconds_for(read_report, files))
            theirs.append(seconds_for(pdftotext, files))
        parse = seconds_for(parse_report, files)
        print(
            f"PDF, {name}: {len(files)} files, reader {min(ours) / len(files) * 1000:.1f} ms/file, "
            f"pdftotext -layout {min(theirs) / len(files) * 1000:.1f} ms/file, ratio "
            f"{min(ours) / min(theirs):.2f}; whole parse {parse / len(files) * 1000:.1f} ms/file"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=10000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--pdf-only", action="store_true", help="only the PDF ratio")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the PDF ratio")
    args = parser.parse_args()
    pdf_ratio(args.rounds)
    if args.pdf_only:
        return
    for name, lines in fifteen_kb_reports().items():
        with_rules = lines_rate(lines, True, args.seconds)
        without = lines_rate(lines, False, args.seconds)
        print(f"{name}: {with_rules:6.1f}/s with the rulebook, {without:6.1f}/s without")
    kinds = {
        "text (.txt/.md)": (".txt", ".md"),
        "HTML page": (".html",),
        "DOCX": (".docx",),
        "PDF": (".pdf",),
    }
    for name, suffixes in kinds.items():
        files = files_of(suffixes)
        per_second, size = rate(files, args.seconds)
        print(f"{name:16} {len(files):3} files, mean {size:6.1f} KB: {per_second:7.1f} reports/s")
    text_files = files_of((".txt", ".md", ".html"))
    print(f"batch of {args.batch} text/HTML parses, resident memory (MB):")
    for number, megabytes in batch(text_files, args.batch):
        print(f"  after {number:6}: {megabytes:6.1f}")


if __name__ == "__main__":
    main()
