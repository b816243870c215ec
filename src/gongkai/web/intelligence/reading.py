"""One published report's file → what the import stores: the report as the parser read it
and the lines it was read from. No Django here: this runs in the import's worker processes
(`gongkai reports import --jobs N`), which never touch the database.
"""

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import batched
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from gongkai.report.parse import UnreadableSource, parse_lines
from gongkai.report.parse.readers import read_bytes

BATCH_PER_JOB = 16  # files in flight per worker process: memory stays flat


@dataclass(frozen=True)
class Read:
    name: str
    data: bytes
    report: dict[str, Any] | None  # the gongkai.report/1 document, rulebook findings included
    lines: list[list[Any]]  # [text, where] per line, as the reader made them
    error: str = ""


def read_file(name: str, data: bytes) -> Read:
    """Parse one file; a file that cannot be read gives its reason instead of a report."""
    try:
        lines = read_bytes(data, Path(name).suffix.lower())
        report = parse_lines(lines, source=name)
    except UnreadableSource as error:
        return Read(name, data, None, [], str(error))
    except Exception as error:  # a parser bug must not stop a batch of 10,000 files
        return Read(name, data, None, [], f"internal error: {type(error).__name__}: {error}")
    if not report.cells:
        return Read(name, data, None, [], "未找到统计表格，不像年度报告 / no statistics table")
    return Read(name, data, report.to_dict(), [[line.text, line.where] for line in lines])


def _read_pair(pair: tuple[str, bytes]) -> Read:
    return read_file(*pair)


def read_files(files: Iterable[tuple[str, bytes]], jobs: int = 1) -> Iterator[Read]:
    """Each (name, bytes) read, in order; `jobs` > 1 reads in that many fresh processes
    (spawned, not forked: a forked child would share the parent's database connection)."""
    if jobs <= 1:
        for name, data in files:
            yield read_file(name, data)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        for batch in batched(files, BATCH_PER_JOB * jobs):  # map() would hold every file
            yield from pool.map(_read_pair, batch, chunksize=4)
