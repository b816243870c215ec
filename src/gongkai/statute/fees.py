"""信息处理费 (processing fee) under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号).

Both methods are progressive on the excess (超额累进, 第三条): each band's rate applies only to
the part of the quantity inside that band. An agency uses one method per application, never
both. Amounts are whole yuan.
"""

from dataclasses import dataclass
from enum import StrEnum

BASIS = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


class FeeMethod(StrEnum):
    PER_ITEM = "per_item"  # 按件计收: applications by one applicant in one calendar month
    PER_PAGE = "per_page"  # 按量计收: pages of one application


@dataclass(frozen=True)
class Band:
    first: int  # first unit in the band
    last: int | None  # last unit (None: open-ended)
    rate: int  # 元 per unit


# 第五条: ≤30页 free; 31–100 at 10元; 101–200 at 20元; ≥201 at 40元 per page.
PER_PAGE_BANDS = (Band(1, 30, 0), Band(31, 100, 10), Band(101, 200, 20), Band(201, None, 40))
# 第四条: ≤10件 free; 11–30 at 100元; then "以10件为一档，每增加一档，收费标准提高100元/件"
# (31–40 at 200元, 41–50 at 300元, …) — the literal reading, spec §5.1 [IMPLIED].
PER_ITEM_FIXED = (Band(1, 10, 0), Band(11, 30, 100))
PER_ITEM_STEP, PER_ITEM_STEP_RATE = 10, 100
ARTICLES = {FeeMethod.PER_ITEM: "第四条", FeeMethod.PER_PAGE: "第五条"}
UNITS = {FeeMethod.PER_ITEM: "件", FeeMethod.PER_PAGE: "页"}


@dataclass(frozen=True)
class FeeLine:
    band: Band
    units: int
    amount: int


@dataclass(frozen=True)
class Fee:
    method: FeeMethod
    quantity: int
    lines: tuple[FeeLine, ...]

    @property
    def amount(self) -> int:
        return sum(line.amount for line in self.lines)

    def explain(self) -> list[str]:
        unit = UNITS[self.method]
        lines = [f"依照{BASIS}{ARTICLES[self.method]}，共{self.quantity}{unit}，超额累进计收："]
        for line in self.lines:
            last = f"{line.band.last}{unit}" if line.band.last else "以上"
            rate = f"{line.band.rate}元/{unit}" if line.band.rate else "免费"
            lines.append(
                f"第{line.band.first}{unit}至{last}：{line.units}{unit}，{rate}，计{line.amount}元"
            )
        lines.append(f"合计：{self.amount}元")
        return lines


def per_item_bands(quantity: int) -> list[Band]:
    bands = list(PER_ITEM_FIXED)
    while bands[-1].last is not None and bands[-1].last < quantity:
        previous = bands[-1]
        bands.append(
            Band(
                previous.last + 1, previous.last + PER_ITEM_STEP, previous.rate + PER_ITEM_STEP_RATE
            )
        )
    return bands


def processing_fee(method: FeeMethod, quantity: int) -> Fee:
    """The fee for `quantity` applications (按件, in one month) or pages (按量, one application)."""
    if quantity < 0:
        raise ValueError("数量不能为负数")
    bands = PER_PAGE_BANDS if method is FeeMethod.PER_PAGE else per_item_bands(quantity)
    lines = []
    for band in bands:
        last = quantity if band.last is None else min(band.last, quantity)
        units = max(0, last - band.first + 1)
        if units:
            lines.append(FeeLine(band, units, units * band.rate))
    return Fee(method, quantity, tuple(lines))
