"""A report printed with the tables of the other 2019+ format than its year's (a 2021 or 2023
report with the 2019 headers 上一年项目数量 | 本年增/减 | 处理决定数量).

The year chooses the format (generation.py) and the P-7 finding names the conflict; the rows
whose cell keys both formats share mean the same (B's 处理决定数量 is C's 本年处理决定数量;
sections 三 and 四 keep their rows), so where the year's format left such a cell blank — a
row of three figures where it has one column — the other format's reading of the same tokens
fills it, with that reading's confidence. Cells of one format only (B's 本年新制作数量, C's
本年制发件数) are never carried over: their meanings differ, so a figure that the other format
reads into a cell of its own (B's 本年新公开数量) is no figure of the year's format either —
that cell is blank, with a P-11 finding, where the year's reading had put it (本年废止件数).
"""

from functools import cache

from gongkai.report.formats import GENERATIONS
from gongkai.report.model import AMBIGUOUS
from gongkai.report.parse.findings import parse_finding
from gongkai.report.parse.tables import TableRead, read_tables
from gongkai.report.parse.tokens import Token

LATE = ("B", "C")


def other_format(code: str, votes: dict[str, int]) -> str | None:
    """The other late format when the table vocabulary speaks for it more than for `code`."""
    if code not in LATE:
        return None
    other = LATE[1 - LATE.index(code)]
    return other if votes.get(other, 0) > votes.get(code, 0) else None


@cache
def shared_cells(code: str, other: str) -> frozenset[str]:
    """The cell keys both formats have, in the order of neither (a set)."""
    return frozenset(GENERATIONS[code].cells) & frozenset(GENERATIONS[other].cells)


def fill_from_other_format(tokens: list[Token], read: TableRead, code: str, other: str) -> None:
    """Blank shared cells of `read` take the other format's reading of `tokens`; findings
    about cells that are all read now go."""
    theirs = read_tables(tokens, other)
    filled = set()
    for key in shared_cells(code, other):
        value = theirs.cells.get(key)
        if value is None or read.cells.get(key) is not None:
            continue
        read.cells[key] = value
        read.confidence[key] = theirs.confidence.get(key, read.confidence.get(key, ""))
        if key in theirs.provenance:
            read.provenance[key] = theirs.provenance[key]
        filled.add(key)
    if filled:
        read.findings = [f for f in read.findings if not _now_read(f.cells, read)]
    _blank_other_meanings(read, theirs, code, other)


def _blank_other_meanings(read: TableRead, theirs: TableRead, code: str, other: str) -> None:
    """Cells of the year's format only, read from a printed figure that the other format
    reads into a cell of its own only: the figure stands under the other format's column."""
    shared = shared_cells(code, other)
    theirs_at = {_at(prov) for key, prov in theirs.provenance.items() if key not in shared}
    blanked: dict[str, list[str]] = {}
    for key, prov in list(read.provenance.items()):
        if key in shared or read.cells.get(key) is None or _at(prov) not in theirs_at:
            continue
        read.cells[key], read.confidence[key] = None, AMBIGUOUS
        del read.provenance[key]
        blanked.setdefault(str(prov.get("text", "")), []).append(key)
    for label, keys in blanked.items():
        finding = parse_finding("P-11", tuple(keys), label=label, found=other, expected=code)
        read.findings.append(finding)


def _at(provenance: dict) -> tuple:
    """Where a printed figure stands (line, cell, position), whatever label it was read under."""
    return tuple(sorted((k, str(v)) for k, v in provenance.items() if k not in ("text", "value")))


def _now_read(cells: tuple[str, ...], read: TableRead) -> bool:
    return bool(cells) and all(read.cells.get(cell) is not None for cell in cells)
