"""JSON text with exact decimals: 万元 amounts never pass through binary floats."""

import json
import re
from decimal import Decimal
from typing import Any

# Decimals are written through a marker string and unquoted afterwards: the json module has
# no hook to emit a raw number. The marker starts with a control character, which json.dumps
# always escapes, so no ordinary string can produce it.
_MARK = "\x1egongkai-decimal:"
_MARKED = re.compile(r'"\\u001egongkai-decimal:(-?[0-9.]+(?:E[+-]?[0-9]+)?)"')


def _mark(value: object) -> str:
    if isinstance(value, Decimal) and value.is_finite():
        return f"{_MARK}{value}"
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(data: Any, indent: int | None = 2) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=_mark)
    return _MARKED.sub(r"\1", text)


def loads(text: str) -> Any:
    """Parse JSON, reading every non-integer number as a Decimal."""
    return json.loads(text, parse_float=Decimal)


def to_decimal(value: float | int | Decimal) -> Decimal:
    """A number from a Python mapping as a Decimal (a float through its shortest repr)."""
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)
