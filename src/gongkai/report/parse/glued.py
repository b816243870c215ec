"""Cells glued together when crawler text lost a row's separators: `310100032` → 31 | 0 | 1 |
0 | 0 | 0 | 32.

Every way of cutting the digit runs into exactly `width` figures is enumerated — a figure
never starts with 0 unless it is 0, and is at most `MAX_DIGITS` long — and only the cuts that
satisfy the row's own 勾稽关系 (its total column) are kept. The enumeration is exhaustive, so
one surviving cut is proven unique; several are left to the table's column sums (`solve`), or
blank. Rules are checked as soon as their last cell is cut, which prunes the search; a row
still too long to enumerate within `MAX_STEPS` is not cut at all. A sign glued inside a run
(`2648-18538` under 上一年项目数量 | 本年增/减 | 处理决定数量) starts a figure, and only a change
column (本年增/减) may take it: 2648 | -1 | 8538, 2648 | -18 | 538 … (several cuts: blank).
"""

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import combinations

from gongkai.report.parse.constraints import Equation

MAX_DIGITS = 6  # no count in an annual report reaches a million
MAX_STEPS = 200_000  # figures tried per row before giving up (blank, with a finding)

Cut = tuple[int, ...]
PrefixCheck = Callable[[Cut], bool]
GLUED_SIGNS = re.compile(r"\d+(?:[+-]\d+)*")  # a figure and signed figures glued behind it
SIGNED_PART = re.compile(r"[+-]?\d+")


class TooManyCuts(Exception):
    """The row has more possible cuts than are worth examining."""


def is_digit_run(text: str) -> bool:
    return text.isascii() and text.isdigit()


def cuts(
    runs: Sequence[str],
    width: int,
    check: PrefixCheck | None = None,
    signed_cells: frozenset[int] = frozenset(),
) -> Iterator[Cut]:
    """Every cut of the digit runs (kept apart where the text kept them apart) into `width`
    figures, in order; `check` prunes a cut as soon as its first figures break a rule. A run
    opening with a sign gives a signed first figure, which only `signed_cells` may take.
    Raises TooManyCuts past MAX_STEPS."""
    text, ends, signs = "", [], {}
    for run in runs:
        digits = run.lstrip("+-")
        if digits != run:
            signs[len(text)] = -1 if run.startswith("-") else 1
        text += digits
        ends.append(len(text))
    search = _Search(text, ends, width, check or (lambda cut: True))
    search.signs, search.signed_cells = signs, signed_cells
    yield from search.from_position(0, ())


class _Search:
    def __init__(self, text: str, ends: list[int], width: int, check: PrefixCheck) -> None:
        self.text, self.ends, self.width, self.check = text, ends, width, check
        self.steps = 0
        self.signs: dict[int, int] = {}  # where a signed figure starts: its sign
        self.signed_cells: frozenset[int] = frozenset()

    def from_position(self, position: int, cut: Cut) -> Iterator[Cut]:
        left = self.width - len(cut)
        remaining = len(self.text) - position
        if remaining == 0:
            if left == 0:
                yield cut
            return
        if not left <= remaining <= left * MAX_DIGITS:
            return
        sign = self.signs.get(position, 1)
        if position in self.signs and len(cut) not in self.signed_cells:
            return  # a signed figure stands only in a change column
        run_end = next(end for end in self.ends if end > position)  # figures stay in a run
        longest = 1 if self.text[position] == "0" else min(MAX_DIGITS, run_end - position)
        for length in range(1, longest + 1):
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise TooManyCuts
            longer = (*cut, sign * int(self.text[position : position + length]))
            if self.check(longer):
                yield from self.from_position(position + length, longer)


def consistent_cuts(
    runs: Sequence[str],
    width: int,
    check: PrefixCheck,
    signed_cells: frozenset[int] = frozenset(),
) -> list[Cut] | None:
    """The cuts whose figures pass `check`; None when there are too many to examine."""
    try:
        return list(cuts(runs, width, check, signed_cells))
    except TooManyCuts:
        return None


def row_cuts(
    runs: Sequence[str], keys: Sequence[str], found: Sequence[Equation]
) -> list[Cut] | None:
    """The cuts of a row's digit run into its cells `keys` that break none of the equations
    lying within the row; None when the run is no glued row or too long to examine."""
    # One run only: figures the text still keeps apart were printed apart, and a row short
    # of figures there lost a blank cell, not its separators (`0  10` is no `0 | 1 | 0`) —
    # unless a run can be no figure at all (`23 0 00 0 023`: 00 and 023 are glued cells) or
    # the figures cannot be the row whatever cells were empty (`500000 5`: printed_apart).
    if not all(GLUED_SIGNS.fullmatch(run) for run in runs):
        return None
    parts = [part for run in runs for part in SIGNED_PART.findall(run)]
    if sum(len(part.lstrip("+-")) for part in parts) < len(keys):
        return None
    apart = len(runs) == len(parts) > 1  # no sign glued inside a run either
    no_figure = any(len(part) > 1 and part[0] == "0" for part in parts)
    if apart and not no_figure and printed_apart([int(part) for part in parts], keys, found):
        return None
    signed = frozenset(n for n, key in enumerate(keys) if key.endswith(".change"))
    return consistent_cuts(parts, len(keys), prefix_check(keys, found), signed)


def printed_apart(figures: Sequence[int], keys: Sequence[str], found: Sequence[Equation]) -> bool:
    """Whether figures printed apart can be the row with empty cells lost: the last figure in
    the last cell (a row's total is printed), the others in cells before it, and the row's
    own equations solvable with the empty cells as unknown counts (≥ 0). `500000 5` under a
    总计 cannot (a part above its total): its separators were lost as well."""
    own = [equation for equation in found if set(equation.keys) <= set(keys)]
    *parts, last = figures
    for cells in combinations(range(len(keys) - 1), len(parts)):
        values = {keys[n]: v for n, v in zip(cells, parts, strict=True)} | {keys[-1]: last}
        if all(_solvable(equation, values) for equation in own):
            return True
    return False


def _solvable(equation: Equation, values: dict[str, int]) -> bool:
    """Whether sum(sign × cell) == 0 can hold when the cells missing from `values` are any
    counts ≥ 0."""
    known = sum(sign * values[key] for key, sign in equation.terms if key in values)
    free = {sign for key, sign in equation.terms if key not in values}
    return known == 0 or (known < 0 and 1 in free) or (known > 0 and -1 in free)


def prefix_check(keys: Sequence[str], found: Sequence[Equation]) -> PrefixCheck:
    """A check of the equations within the row, each as soon as its last cell is cut."""
    position = {key: n for n, key in enumerate(keys)}
    completed: dict[int, list[tuple[tuple[int, int], ...]]] = {}
    for equation in found:
        if set(equation.keys) <= set(position):
            terms = tuple((position[key], sign) for key, sign in equation.terms)
            completed.setdefault(max(n for n, _ in terms), []).append(terms)

    def check(cut: Cut) -> bool:
        return all(
            sum(sign * cut[n] for n, sign in terms) == 0
            for terms in completed.get(len(cut) - 1, ())
        )

    return check
