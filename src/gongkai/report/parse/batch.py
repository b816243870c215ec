"""Parsing many files: input order kept, optional worker processes, a flat CSV of the figures.

The `gongkai parse` command is a thin shell over these functions. A file that cannot be read
yields an error message instead of a report; the others go on.
"""

import csv
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from gongkai.report.formats import GENERATIONS
from gongkai.report.parse.readers import READERS, UnreadableSource

CSV_COLUMNS = ("source", "generation", "year", "agency", "key", "value", "unit")


@dataclass(frozen=True)
class Outcome:
    source: str
    report: dict[str, Any] | None  # the report JSON document, or None when unreadable
    error: str | None = None


def report_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with each directory replaced by its report files (sorted)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if _is_report_file(p)))
        else:
            files.append(path)
    return files


def _is_report_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in READERS and not path.name.startswith(".")


def parse_file(path: str | Path) -> Outcome:
    from gongkai.report.parse import parse_report

    try:
        report = parse_report(path)
    except UnreadableSource as error:
        return Outcome(str(path), None, str(error))
    except Exception as error:  # a parser bug must not stop a batch of 10,000 files
        return Outcome(str(path), None, f"internal error: {type(error).__name__}: {error}")
    report.source = str(path)
    return Outcome(str(path), report.to_dict())


def parse_files(paths: list[Path], jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order; `jobs` > 1 parses in that many worker processes."""
    if jobs <= 1 or len(paths) < 2:
        yield from map(parse_file, paths)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(parse_file, paths, chunksize=max(1, min(32, len(paths) // jobs // 4)))


def csv_rows(report: dict[str, Any]) -> Iterator[tuple]:
    """One row per figure: every cell, then prose figures that no cell states."""
    generation = GENERATIONS[report["generation"]]
    head = (report.get("source"), report["generation"], report["year"], report.get("agency"))
    cells = report.get("cells", {})
    for key, value in cells.items():
        spec = generation.cells.get(key)
        yield (*head, key, value, spec.unit if spec else None)
    for key, value in report.get("narrative", {}).items():
        if key not in cells:
            spec = GENERATIONS["A"].cells.get(key) or generation.cells.get(key)
            yield (*head, key, value, spec.unit if spec else None)


def csv_writer(stream: TextIO) -> Any:
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    return writer
