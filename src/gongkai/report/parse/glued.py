"""Cells glued together when crawler text lost a row's separators: `310100032` → 31 | 0 | 1 |
0 | 0 | 0 | 32.

Every way of cutting the digit runs into exactly `width` figures is enumerated — a figure
never starts with 0 unless it is 0, and is at most `MAX_DIGITS` long — and only the cuts that
satisfy the row's own 勾稽关系 (its total column) are kept. The enumeration is exhaustive, so
one surviving cut is proven unique; several are left to the table's column sums (`solve`), or
blank. Rules are checked as soon as their last cell is cut, which prunes the search; a row
still too long to enumerate within `MAX_STEPS` is not cut at all.
"""

from collections.abc import Callable, Iterator, Sequence

from gongkai.report.parse.constraints import Equation

MAX_DIGITS = 6  # no count in an annual report reaches a million
MAX_STEPS = 200_000  # figures tried per row before giving up (blank, with a finding)

Cut = tuple[int, ...]
PrefixCheck = Callable[[Cut], bool]


class TooManyCuts(Exception):
    """The row has more possible cuts than are worth examining."""


def is_digit_run(text: str) -> bool:
    return text.isascii() and text.isdigit()


def cuts(runs: Sequence[str], width: int, check: PrefixCheck | None = None) -> Iterator[Cut]:
    """Every cut of the digit runs (kept apart where the text kept them apart) into `width`
    figures, in order; `check` prunes a cut as soon as its first figures break a rule.
    Raises TooManyCuts past MAX_STEPS."""
    text = "".join(runs)
    ends, at = [], 0
    for run in runs:
        at += len(run)
        ends.append(at)
    search = _Search(text, ends, width, check or (lambda cut: True))
    yield from search.from_position(0, ())


class _Search:
    def __init__(self, text: str, ends: list[int], width: int, check: PrefixCheck) -> None:
        self.text, self.ends, self.width, self.check = text, ends, width, check
        self.steps = 0

    def from_position(self, position: int, cut: Cut) -> Iterator[Cut]:
        left = self.width - len(cut)
        remaining = len(self.text) - position
        if remaining == 0:
            if left == 0:
                yield cut
            return
        if not left <= remaining <= left * MAX_DIGITS:
            return
        run_end = next(end for end in self.ends if end > position)  # figures stay in a run
        longest = 1 if self.text[position] == "0" else min(MAX_DIGITS, run_end - position)
        for length in range(1, longest + 1):
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise TooManyCuts
            longer = (*cut, int(self.text[position : position + length]))
            if self.check(longer):
                yield from self.from_position(position + length, longer)


def consistent_cuts(runs: Sequence[str], width: int, check: PrefixCheck) -> list[Cut] | None:
    """The cuts whose figures pass `check`; None when there are too many to examine."""
    try:
        return list(cuts(runs, width, check))
    except TooManyCuts:
        return None


def row_cuts(
    runs: Sequence[str], keys: Sequence[str], found: Sequence[Equation]
) -> list[Cut] | None:
    """The cuts of a row's digit run into its cells `keys` that break none of the equations
    lying within the row; None when the run is no glued row or too long to examine."""
    # One run only: figures the text still keeps apart were printed apart, and a row short
    # of figures there lost a blank cell, not its separators (`0  10` is no `0 | 1 | 0`) —
    # unless a run can be no figure at all (`23 0 00 0 023`: 00 and 023 are glued cells).
    if not all(is_digit_run(run) for run in runs) or len("".join(runs)) < len(keys):
        return None
    if len(runs) != 1 and not any(len(run) > 1 and run[0] == "0" for run in runs):
        return None
    return consistent_cuts(runs, len(keys), prefix_check(keys, found))


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
