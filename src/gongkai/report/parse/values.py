"""A printed value token → the cell value of its column (report-json.md: int, or Decimal 万元).

Amounts are stored in 万元: a figure printed in 元 is divided by 10,000 (SH2019 `251000元`,
§2.1). Counts printed with 万 (`1.2万条`) are multiplied out. A figure that does not fit the
column's kind (a fraction in a count column) is unreadable, never rounded.
"""

from decimal import Decimal

from gongkai.report.formats import CellSpec, Kind
from gongkai.report.parse.tokens import Kind as TokenKind
from gongkai.report.parse.tokens import Token

CellValue = int | Decimal | None
TEN_THOUSAND = Decimal(10000)


def plain_decimal(number: Decimal) -> Decimal:
    """26.0480 → 26.048 and 100 → 100 (never 1E+2): the JSON stays readable."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def cell_value(token: Token | None, spec: CellSpec) -> tuple[CellValue, bool]:
    """(value, readable): a blank is (None, True), a damaged figure (None, False)."""
    if token is None or token.kind is TokenKind.BLANK:
        return None, True
    if token.kind is not TokenKind.VALUE or token.number is None:
        return None, False
    if spec.kind is Kind.DECIMAL:
        return plain_decimal(_in_wan(token.number, token.unit)), True
    return _count(token.number, token.unit)


def _in_wan(number: Decimal, unit: str | None) -> Decimal:
    if unit == "元":
        return number / TEN_THOUSAND
    return number


def _count(number: Decimal, unit: str | None) -> tuple[CellValue, bool]:
    if unit and unit.startswith("万") and unit != "万元":
        number *= TEN_THOUSAND
    if number != number.to_integral_value():
        return None, False
    # A negative count is kept as printed: the rulebook reports it (B3-4), the parser reads.
    return int(number), True


def extra_value(token: Token) -> CellValue:
    """The value of a row with no canonical key: as printed, int when whole."""
    number = token.number if token.number is not None else Decimal(0)
    if token.unit and token.unit.startswith("万") and token.unit != "万元":
        number *= TEN_THOUSAND
    return int(number) if number == number.to_integral_value() else plain_decimal(number)
