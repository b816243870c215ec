"""The statutory clock of a disclosure application (条例第三十条至第三十四条).

A deadline is a count of working days on the official calendar, starting the day after the
receipt date (第三十一条 fixes the receipt date; 民法典第二百零一条: the first day is not
counted). Consultation of third parties and other agencies (第三十二条、第三十四条) and the
fee-payment window are paused time: their days are not counted (第三十三条第三款). 补正 is not
a pause: the clock starts again from the receipt of the corrected application (第三十条), so
callers pass that date as `received_on`. Every deadline carries its own explanation.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from gongkai.statute.calendar import DayKind, WorkingCalendar, official_calendar


@dataclass(frozen=True)
class Regime:
    """The answer period and the longest extension under one version of the 条例."""

    key: str
    answer_days: int
    max_extension_days: int
    basis: str


REGIMES = {
    "2019": Regime("2019", 20, 20, "《中华人民共和国政府信息公开条例》（2019年修订）第三十三条"),
    "2008": Regime("2008", 15, 15, "《中华人民共和国政府信息公开条例》（2007年）第二十四条"),
}
CURRENT = REGIMES["2019"]
FIRST_IN_FORCE = date(2008, 5, 1)  # 国务院令第492号: the first 条例 applies from this day
REVISION_IN_FORCE = date(2019, 5, 15)  # 国务院令第711号: the revised 条例 applies from this day


def regime_for(received_on: date) -> Regime:
    """The answer period of the 条例 in force when the application was received."""
    return CURRENT if received_on >= REVISION_IN_FORCE else REGIMES["2008"]


CORRECTION_NOTICE_DAYS = 7  # 第三十条: 补正告知 within 7 working days of receipt
CONSULTATION_REPLY_DAYS = 15  # 第三十二条、第三十四条
FEE_PAYMENT_DAYS = 20  # 《政府信息公开信息处理费管理办法》: pay within 20 working days


@dataclass(frozen=True)
class Pause:
    """Days not counted, first and last included (consultation, fee window)."""

    first: date
    last: date
    reason: str = "暂停计算"

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"暂停的结束日期（{self.last}）早于开始日期（{self.first}）")

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class Run:
    """Consecutive days treated alike: counted, weekend, holiday, make-up workday or paused."""

    kind: str  # "counted", "weekend", "holiday", "paused"
    first: date
    last: date
    name: str = ""  # holiday name, pause reason
    counted: int = 0  # working days counted in this run
    makeup_days: tuple[date, ...] = ()  # 调休 Saturdays/Sundays counted in this run
    total_after: int = 0  # working days counted so far, this run included


@dataclass(frozen=True)
class Deadline:
    received_on: date
    due: date
    original_due: date  # before any extension
    regime: Regime
    extension_days: int = 0
    provisional: bool = False  # a year without an official schedule was involved
    runs: tuple[Run, ...] = field(default_factory=tuple)
    pauses: tuple[Pause, ...] = ()


def count_working_days(
    start: date,
    count: int,
    calendar: WorkingCalendar,
    pauses: Iterable[Pause] = (),
) -> tuple[date, list[Run], bool]:
    """The `count`-th working day after `start`, skipping paused days; the runs that explain
    it; and whether a provisional (unscheduled) year was met."""
    pauses = tuple(pauses)
    runs: list[Run] = []
    day, counted, provisional = start, 0, False
    while counted < count:
        day += timedelta(days=1)
        info = calendar.day(day)
        provisional |= info.provisional
        pause = next((p for p in pauses if p.covers(day)), None)
        if pause is not None:
            kind, name = "paused", pause.reason
        elif info.is_working_day:
            counted += 1
            kind, name = "counted", ""
        else:
            kind = "holiday" if info.kind is DayKind.HOLIDAY else "weekend"
            name = info.name
        makeup = info.kind is DayKind.MAKEUP_WORKDAY and kind == "counted"
        _extend_runs(runs, day, kind, name, counted, makeup)
    return day, runs, provisional


def _extend_runs(runs: list[Run], day: date, kind: str, name: str, total: int, makeup: bool):
    step = 1 if kind == "counted" else 0
    made_up = (day,) if makeup else ()
    last = runs[-1] if runs else None
    if last and last.kind == kind and last.name == name and last.last == day - timedelta(1):
        runs[-1] = Run(kind, last.first, day, name, last.counted + step,
                       last.makeup_days + made_up, total)  # fmt: skip
    else:
        runs.append(Run(kind, day, day, name, step, made_up, total))


def answer_deadline(
    received_on: date,
    pauses: Iterable[Pause] = (),
    extension_days: int = 0,
    regime: Regime = CURRENT,
    calendar: WorkingCalendar | None = None,
) -> Deadline:
    """When the reply is due (第三十三条), with pauses and an approved extension."""
    if not 0 <= extension_days <= regime.max_extension_days:
        raise ValueError(
            f"延期不得超过{regime.max_extension_days}个工作日（{regime.basis}），"
            f"而申请延期{extension_days}个工作日"
        )
    calendar = calendar or official_calendar()
    pauses = tuple(sorted(pauses, key=lambda pause: pause.first))
    total = regime.answer_days + extension_days
    due, runs, provisional = count_working_days(received_on, total, calendar, pauses)
    original_due = due
    if extension_days:
        original_due, _, _ = count_working_days(received_on, regime.answer_days, calendar, pauses)
    return Deadline(
        received_on, due, original_due, regime, extension_days, provisional, tuple(runs), pauses
    )


def correction_notice_due(received_on: date, calendar: WorkingCalendar | None = None) -> date:
    """The last day to send the 补正告知书 (第三十条: within 7 working days of receipt)."""
    calendar = calendar or official_calendar()
    return count_working_days(received_on, CORRECTION_NOTICE_DAYS, calendar)[0]


def consultation_reply_due(letter_received_on: date, calendar=None) -> date:
    """When a consulted third party or agency must answer (第三十二条、第三十四条)."""
    calendar = calendar or official_calendar()
    return count_working_days(letter_received_on, CONSULTATION_REPLY_DAYS, calendar)[0]


def fee_payment_due(notice_received_on: date, calendar=None) -> date:
    """The applicant pays within 20 working days from the day after receiving the notice."""
    calendar = calendar or official_calendar()
    return count_working_days(notice_received_on, FEE_PAYMENT_DAYS, calendar)[0]
