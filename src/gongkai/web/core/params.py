"""Numbers read from query strings and form posts: ASCII digits within bounds, or nothing.

`str.isdigit()` accepts "²" and "١" (which int() then refuses or reads), and a number past
the database's integer overflows it; a query string is anyone's to write. A parameter that
is no such number is treated as absent, as if the link had not carried it.
"""

import re

DIGITS = re.compile(r"[0-9]{1,12}")
LARGEST_ID = 2**31 - 1  # any primary key; PostgreSQL's integer


def number(value: str | None, minimum: int = 0, maximum: int = LARGEST_ID) -> int | None:
    """The number written in `value`, if it is one between minimum and maximum."""
    text = (value or "").strip()
    if not DIGITS.fullmatch(text):
        return None
    found = int(text)
    return found if minimum <= found <= maximum else None


def year(value: str | None) -> int | None:
    """A year the platform can count (the 条例's first reports are for 2008)."""
    return number(value, 2008, 2200)
