"""Cells glued together when crawler text lost a row's separators: `310100032` → 31 | 0 | 1 |
0 | 0 | 0 | 32.

Every way of cutting the digit runs into exactly `width` figures is enumerated — a figure
never starts with 0 unless it is 0, and is at most `MAX_DIGITS` long — and only the cuts that
satisfy the row's own 勾稽关系 (its total column) are kept. The enumeration is exhaustive, so
one surviving cut is proven unique; several are left to the table's column sums (`solve`), or
blank. A run too long to enumerate within `MAX_CUTS` is not cut at all.
"""

from collections.abc import Callable, Iterator, Sequence

from gongkai.report.parse.constraints import Equation

MAX_DIGITS = 6  # no count in an annual report reaches a million
MAX_CUTS = 20_000  # cuts examined per row before giving up (blank, with a finding)

Cut = tuple[int, ...]


class TooManyCuts(Exception):
    """The row has more possible cuts than are worth examining."""


def is_digit_run(text: str) -> bool:
    return text.isascii() and text.isdigit()


def cuts(runs: Sequence[str], width: int) -> Iterator[Cut]:
    """Every cut of the digit runs (kept apart where the text kept them apart) into `width`
    figures, in order. Raises TooManyCuts past MAX_CUTS."""
    for examined, cut in enumerate(_cut_runs(tuple(runs), width), 1):
        if examined > MAX_CUTS:
            raise TooManyCuts
        yield cut


def _cut_runs(runs: tuple[str, ...], width: int) -> Iterator[Cut]:
    if not runs:
        if width == 0:
            yield ()
        return
    first, rest = runs[0], runs[1:]
    # Each remaining run needs at least one figure; each figure at most MAX_DIGITS digits.
    most = width - len(rest)
    for head in _cut_one(first, most):
        for tail in _cut_runs(rest, width - len(head)):
            yield head + tail


def _cut_one(run: str, most: int) -> Iterator[Cut]:
    """The cuts of one digit run into 1 … `most` figures."""
    if most <= 0 or len(run) > most * MAX_DIGITS:
        return
    if run == "":
        return
    if run[0] == "0":
        rest = run[1:]
        if not rest:
            yield (0,)
        else:
            yield from ((0, *tail) for tail in _cut_one(rest, most - 1))
        return
    for length in range(1, min(MAX_DIGITS, len(run)) + 1):
        head, rest = int(run[:length]), run[length:]
        if not rest:
            yield (head,)
        else:
            yield from ((head, *tail) for tail in _cut_one(rest, most - 1))


def consistent_cuts(
    runs: Sequence[str], width: int, holds: Callable[[Cut], bool]
) -> list[Cut] | None:
    """The cuts that satisfy the row's constraints; None when there are too many to examine."""
    try:
        return [cut for cut in cuts(runs, width) if holds(cut)]
    except TooManyCuts:
        return None


def row_cuts(
    runs: Sequence[str], keys: Sequence[str], found: Sequence[Equation]
) -> list[Cut] | None:
    """The cuts of a row's digit runs into its cells `keys` that break none of the equations
    lying within the row; None when the runs are no glued row or too long to examine."""
    if not runs or not all(is_digit_run(run) for run in runs) or sum(map(len, runs)) < len(keys):
        return None
    own = [equation for equation in found if set(equation.keys) <= set(keys)]

    def holds(cut: Cut) -> bool:
        values = dict(zip(keys, cut, strict=True))
        return all(equation.holds(values) is not False for equation in own)

    return consistent_cuts(runs, len(keys), holds)
