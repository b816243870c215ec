"""Common indicators of the three report generations, and rates built on them, as data. No Django.

Generations A (to 2018), B (2019–2020) and C (2021–) print different tables. Where a figure
means the same thing in all of them (收到申请数 in A is 本年新收 in B and C), an indicator
names, per generation, the cell keys whose sum it is; where it does not, the indicator states
why instead (`Source.missing`) — comparison pages print that reason, never a zero.

Public API
----------
- ``INDICATORS`` — the :class:`Indicator` table (id, Chinese label, unit, and a
  :class:`Source` per generation: ``keys`` summed, or ``missing`` with the reason, plus an
  optional ``note`` on how it maps). ``INDICATOR_BY_ID`` looks one up.
- ``RATES`` — the :class:`Rate` table: numerator and denominator as indicator ids (each a
  sum); ``rate.formula`` is the text shown on the pages, e.g.
  ``实质公开率 = (予以公开 + 部分公开) / 办理结果总计``. ``RATE_BY_ID`` looks one up.
- ``measure(generation, figures) -> dict[str, Measure]`` — every indicator and rate of one
  report (``figures``: cell key → value, the report's current figures; a key that is absent
  means the report has no such row, a None value a blank cell). A :class:`Measure` has
  ``value`` (int / Decimal; a rate is a Decimal fraction, 0.25 = 25 %) or ``value is None``
  with ``reason`` (Chinese, for the page).
- ``change(before, after) -> Change`` — the difference and the rate of change between two
  values (None with a reason when a value is missing or the earlier one is zero).
- ``MEASURE_IDS`` — indicator ids then rate ids, in display order.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.report.formats import GENERATIONS, CellSpec

Number = int | Decimal

GENERATION_CODES = ("A", "B", "C")
SHARE_UNIT = "%"


@dataclass(frozen=True)
class Source:
    """How one generation gives an indicator: the sum of `keys`, or `missing` (why not)."""

    keys: tuple[str, ...] = ()
    missing: str = ""
    note: str = ""  # how it maps, when the meaning is the same but the wording is not

    def __post_init__(self) -> None:
        if bool(self.keys) == bool(self.missing):
            raise ValueError("a source has keys or a reason why it has none, not both")


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str
    unit: str
    sources: Mapping[str, Source] = field(default_factory=dict)


@dataclass(frozen=True)
class Rate:
    id: str
    label: str
    numerator: tuple[str, ...]  # indicator ids, summed
    denominator: tuple[str, ...]
    unit: str = SHARE_UNIT

    @property
    def formula(self) -> str:
        return f"{self.label} = {_sum_text(self.numerator)} / {_sum_text(self.denominator)}"


@dataclass(frozen=True)
class Measure:
    value: Number | None
    reason: str = ""  # why there is no value


@dataclass(frozen=True)
class Change:
    difference: Number | None
    rate: Decimal | None  # (after − before) ÷ before, a fraction
    reason: str = ""  # why there is no rate of change


def keys(*names: str) -> Source:
    return Source(keys=names)


def missing(reason: str) -> Source:
    return Source(missing=reason)


def same(*names: str, note: str = "") -> dict[str, Source]:
    """The same keys in generations B and C (the application matrix and section 四)."""
    return {"B": Source(keys=names, note=note), "C": Source(keys=names, note=note)}


WITHHELD_KEYS = tuple(
    f"s3.withheld.{ground}.total"
    for ground in (
        "state_secret",
        "law_forbidden",
        "security_stability",
        "third_party",
        "internal_affairs",
        "process_info",
        "enforcement_file",
        "query_matter",
    )
)
UNABLE_KEYS = tuple(f"s3.unable.{g}.total" for g in ("not_held", "needs_creation", "still_unclear"))
DECLINED_KEYS = tuple(
    f"s3.declined.{g}.total"
    for g in ("petition", "duplicate", "publication", "excessive", "confirm_existing")
)
A_NO_MATRIX = "2014 年格式（A）的答复分类与 2019 年后格式不同，没有这一项"
A_NO_CARRY = "2014 年格式（A）不报告结转的申请"
A_NO_PENDING = "2014 年格式（A）不报告尚未审结的案件"
BC_NO_TOTAL = "2019 年后格式（B、C）不报告主动公开信息总条数"
BC_NO_ON_TIME = "2019 年后格式（B、C）不报告按期办结数"

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "applications",
        "收到申请数",
        "件",
        {"A": keys("requests.received")}
        | same("s3.new.total", note="本年新收政府信息公开申请数量"),
    ),
    Indicator(
        "carried",
        "上年结转申请数",
        "件",
        {"A": missing(A_NO_CARRY)} | same("s3.carried.total"),
    ),
    Indicator(
        "granted",
        "予以公开",
        "件",
        {
            "A": Source(
                keys=("requests.answered.granted", "requests.answered.already_public"),
                note="同意公开答复数 + 属于已主动公开范围数（2019 年后两者都计入予以公开）",
            )
        }
        | same("s3.granted.total"),
    ),
    Indicator(
        "partial",
        "部分公开",
        "件",
        {"A": Source(keys=("requests.answered.partial",), note="同意部分公开答复数")}
        | same("s3.partial.total"),
    ),
    Indicator(
        "withheld",
        "不予公开",
        "件",
        {"A": Source(keys=("requests.answered.refused",), note="不同意公开答复数")}
        | same(*WITHHELD_KEYS, note="八种不予公开情形之和"),
    ),
    Indicator("unable", "无法提供", "件", {"A": missing(A_NO_MATRIX)} | same(*UNABLE_KEYS)),
    Indicator("declined", "不予处理", "件", {"A": missing(A_NO_MATRIX)} | same(*DECLINED_KEYS)),
    Indicator(
        "other_handling",
        "其他处理",
        "件",
        {
            "A": missing(A_NO_MATRIX),
            "B": keys("s3.other.total"),
            "C": Source(
                keys=(
                    "s3.other.no_correction.total",
                    "s3.other.no_fee.total",
                    "s3.other.other.total",
                ),
                note="（六）其他处理三个子项之和",
            ),
        },
    ),
    Indicator(
        "outcomes",
        "办理结果总计",
        "件",
        {"A": Source(keys=("requests.answered",), note="申请答复数（八类答复之和）")}
        | same("s3.total.total"),
    ),
    Indicator(
        "carry_forward",
        "结转下年度继续办理",
        "件",
        {"A": missing(A_NO_CARRY)} | same("s3.carry_forward.total"),
    ),
    Indicator(
        "closed",
        "申请办结数",
        "件",
        {"A": keys("requests.closed"), "B": missing(BC_NO_ON_TIME), "C": missing(BC_NO_ON_TIME)},
    ),
    Indicator(
        "closed_on_time",
        "按时办结数",
        "件",
        {
            "A": keys("requests.closed.on_time"),
            "B": missing(BC_NO_ON_TIME),
            "C": missing(BC_NO_ON_TIME),
        },
    ),
    Indicator(
        "proactive",
        "主动公开政府信息数",
        "条",
        {"A": keys("proactive.total"), "B": missing(BC_NO_TOTAL), "C": missing(BC_NO_TOTAL)},
    ),
    Indicator(
        "normative_published",
        "本年公开规范性文件数",
        "件",
        {
            "A": Source(keys=("proactive.normative_published",), note="其中：主动公开规范性文件数"),
            "B": Source(keys=("s2.normative.published",), note="规范性文件本年新公开数量"),
            "C": Source(
                keys=("s2.normative.issued",),
                note="行政规范性文件本年制发件数（行政规范性文件应当公开）",
            ),
        },
    ),
    Indicator(
        "reviews",
        "行政复议数",
        "件",
        {"A": keys("review.total")} | same("s4.review.total"),
    ),
    Indicator(
        "reviews_corrected",
        "行政复议纠错数",
        "件",
        {"A": Source(keys=("review.corrected",), note="被依法纠错数")}
        | same("s4.review.corrected", note="结果纠正"),
    ),
    Indicator(
        "reviews_pending",
        "行政复议尚未审结数",
        "件",
        {"A": missing(A_NO_PENDING)} | same("s4.review.pending"),
    ),
    Indicator(
        "lawsuits",
        "行政诉讼数",
        "件",
        {"A": keys("litigation.total")}
        | same("s4.direct.total", "s4.after_review.total", note="未经复议直接起诉 + 复议后起诉"),
    ),
    Indicator(
        "lawsuits_corrected",
        "行政诉讼纠错数",
        "件",
        {"A": Source(keys=("litigation.corrected",), note="被依法纠错数")}
        | same("s4.direct.corrected", "s4.after_review.corrected", note="两类诉讼的结果纠正之和"),
    ),
)
INDICATOR_BY_ID: dict[str, Indicator] = {indicator.id: indicator for indicator in INDICATORS}

RATES: tuple[Rate, ...] = (
    Rate("disclosure_rate", "实质公开率", ("granted", "partial"), ("outcomes",)),
    Rate("withheld_rate", "不予公开率", ("withheld",), ("outcomes",)),
    Rate("review_correction_rate", "复议纠错率", ("reviews_corrected",), ("reviews",)),
    Rate("carry_forward_rate", "结转率", ("carry_forward",), ("applications", "carried")),
    Rate("on_time_rate", "按期答复率", ("closed_on_time",), ("closed",)),
)
RATE_BY_ID: dict[str, Rate] = {rate.id: rate for rate in RATES}
MEASURE_IDS: tuple[str, ...] = tuple(i.id for i in INDICATORS) + tuple(r.id for r in RATES)


def measure(generation: str, figures: Mapping[str, object]) -> dict[str, Measure]:
    """Every indicator, then every rate, of one report of `generation`."""
    values = {i.id: indicator_value(i, generation, figures) for i in INDICATORS}
    return values | {rate.id: rate_value(rate, values) for rate in RATES}


def indicator_value(
    indicator: Indicator, generation: str, figures: Mapping[str, object]
) -> Measure:
    source = indicator.sources.get(generation)
    if source is None:
        return Measure(None, f"未知的报告格式 {generation}")
    if source.missing:
        return Measure(None, source.missing)
    absent = [key for key in source.keys if key not in figures]
    if absent:
        return Measure(None, f"报告中没有{cells_text(generation, absent)}")
    blank = [key for key in source.keys if figures[key] is None]
    if blank:
        return Measure(None, f"{cells_text(generation, blank)}空白")
    return Measure(_plain(sum(_number(figures[key]) for key in source.keys)))


def cells_text(generation: str, keys: list[str]) -> str:
    """Cells as a reader knows them: their printed labels, at most two, then how many more."""
    cells = GENERATIONS[generation].cells
    labels = ["「" + "·".join(label_path(cells[key])) + "」" for key in keys[:2]]
    more = f"等 {len(keys)} 个单元格" if len(keys) > 2 else ""
    return "、".join(labels) + more


def label_path(spec: CellSpec) -> list[str]:
    """The cell's labels from its row down, without the table's caption."""
    return [part for part in spec.path if part != spec.table.caption]


def rate_value(rate: Rate, values: Mapping[str, Measure]) -> Measure:
    parts = [values[name] for name in rate.numerator + rate.denominator]
    unknown = next((part for part in parts if part.value is None), None)
    if unknown is not None:
        return Measure(None, unknown.reason)
    numerator = sum(values[name].value for name in rate.numerator)  # type: ignore[misc]
    denominator = sum(values[name].value for name in rate.denominator)  # type: ignore[misc]
    if denominator == 0:
        return Measure(None, f"{_sum_text(rate.denominator)}为 0，无法计算")
    return Measure(Decimal(numerator) / Decimal(denominator))


def change(before: Number | None, after: Number | None) -> Change:
    """From `before` to `after`: the difference, and the rate of change against `before`."""
    if before is None or after is None:
        return Change(None, None, "缺少数值，无法比较")
    difference = _plain(after - before)
    if before == 0:  # from 0 to 0 nothing changed: no rate, and nothing to explain
        return Change(difference, None, "上期为 0，无法计算变化率" if difference else "")
    return Change(difference, Decimal(difference) / Decimal(before))


def _sum_text(ids: tuple[str, ...]) -> str:
    labels = [_label(name) for name in ids]
    return labels[0] if len(labels) == 1 else f"({' + '.join(labels)})"


def _label(name: str) -> str:
    return INDICATOR_BY_ID[name].label if name in INDICATOR_BY_ID else RATE_BY_ID[name].label


def _number(value: object) -> Number:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        raise TypeError(f"a figure must be a number, not {value!r}")
    return Decimal(str(value)) if isinstance(value, float) else value


def _plain(value: Number) -> Number:
    """Whole Decimals (read from a DecimalField) as int, so that counts print as counts."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value
