"""The official working-day calendar: weekends, statutory holidays and 调休 make-up workdays.

Each year's schedule is the State Council's 部分节假日安排 notice. Years 2004–2026 are seeded
from the `chinese-calendar` package; later years are added as data (`YearSchedule`) when the
notice is published. For a year with no schedule the calendar falls back to Monday–Friday
and says so: every answer that relied on such a day is *provisional*.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

# chinese-calendar names holidays in English; the notices and our letters use these words.
HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
SATURDAY = 5


class DayKind(StrEnum):
    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # 法定节假日 (including the weekend days inside a holiday period)
    MAKEUP_WORKDAY = "makeup_workday"  # 调休上班: a Saturday or Sunday that is a workday


@dataclass(frozen=True)
class YearSchedule:
    """One year's official schedule: which dates are holidays, which weekend dates are work."""

    year: int
    holidays: Mapping[date, str] = field(default_factory=dict)  # date -> 中文 holiday name
    makeup_workdays: Mapping[date, str] = field(default_factory=dict)  # date -> 中文 reason
    source: str = ""

    def __post_init__(self) -> None:
        for day in [*self.holidays, *self.makeup_workdays]:
            if day.year != self.year:
                raise ValueError(f"{day} is not in {self.year}")
        if overlap := set(self.holidays) & set(self.makeup_workdays):
            raise ValueError(f"{sorted(overlap)[0]} is both a holiday and a make-up workday")
        for day in self.makeup_workdays:
            if day.weekday() < SATURDAY:
                raise ValueError(f"make-up workday {day} is not a Saturday or Sunday")


@dataclass(frozen=True)
class Day:
    date: date
    kind: DayKind
    name: str = ""  # the holiday, or what a make-up workday makes up for
    provisional: bool = False  # the year has no official schedule: weekends only

    @property
    def is_working_day(self) -> bool:
        return self.kind in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)


class WorkingCalendar:
    def __init__(self, schedules: Iterable[YearSchedule] = ()) -> None:
        self.schedules = {schedule.year: schedule for schedule in schedules}

    def with_schedule(self, schedule: YearSchedule) -> "WorkingCalendar":
        """A calendar with this year's schedule added (or replaced)."""
        return WorkingCalendar([*self.schedules.values(), schedule])

    def has_schedule(self, year: int) -> bool:
        return year in self.schedules

    @property
    def years(self) -> list[int]:
        return sorted(self.schedules)

    def day(self, day: date) -> Day:
        schedule = self.schedules.get(day.year)
        if schedule is None:
            kind = DayKind.WORKDAY if day.weekday() < SATURDAY else DayKind.WEEKEND
            return Day(day, kind, provisional=True)
        if day in schedule.holidays:
            return Day(day, DayKind.HOLIDAY, schedule.holidays[day])
        if day in schedule.makeup_workdays:
            return Day(day, DayKind.MAKEUP_WORKDAY, schedule.makeup_workdays[day])
        return Day(day, DayKind.WORKDAY if day.weekday() < SATURDAY else DayKind.WEEKEND)

    def is_working_day(self, day: date) -> bool:
        return self.day(day).is_working_day

    def working_days_after(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (start itself not counted)."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            count -= self.is_working_day(day)
        return day

    def working_days_between(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both included."""
        days = (first + timedelta(days=n) for n in range((last - first).days + 1))
        return sum(self.is_working_day(day) for day in days)


def seeded_schedules() -> list[YearSchedule]:
    """Every year chinese-calendar knows, as YearSchedules."""
    import chinese_calendar

    by_year: dict[int, tuple[dict, dict]] = {}
    for day, name in chinese_calendar.holidays.items():
        by_year.setdefault(day.year, ({}, {}))[0][day] = HOLIDAY_NAMES_ZH.get(name, name)
    for day, name in chinese_calendar.workdays.items():
        reason = f"{HOLIDAY_NAMES_ZH.get(name, name)}调休"
        by_year.setdefault(day.year, ({}, {}))[1][day] = reason
    return [
        YearSchedule(year, holidays, makeup, source="chinese-calendar")
        for year, (holidays, makeup) in sorted(by_year.items())
    ]


@cache
def official_calendar() -> WorkingCalendar:
    """The calendar of every year with a published schedule that the package knows."""
    return WorkingCalendar(seeded_schedules())
