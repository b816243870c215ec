from datetime import date

import pytest

from gongkai.statute.calendar import DayKind, WorkingCalendar, YearSchedule, official_calendar


def test_the_official_calendar_covers_2004_to_2026():
    calendar = official_calendar()
    assert calendar.years[0] == 2004 and calendar.years[-1] == 2026
    assert not calendar.has_schedule(2027)


def test_national_day_is_a_named_holiday():
    day = official_calendar().day(date(2026, 10, 1))
    assert (day.kind, day.name, day.is_working_day) == (DayKind.HOLIDAY, "国庆节", False)


def test_a_makeup_saturday_is_a_working_day():
    day = official_calendar().day(date(2026, 10, 10))
    assert day.kind is DayKind.MAKEUP_WORKDAY and day.is_working_day
    assert day.name == "国庆节调休"


def test_an_ordinary_weekend_is_not_a_working_day():
    assert official_calendar().day(date(2026, 11, 21)).kind is DayKind.WEEKEND


def test_a_year_without_a_schedule_is_weekdays_only_and_provisional():
    new_years_day = official_calendar().day(date(2027, 1, 1))  # a Friday
    assert new_years_day.is_working_day and new_years_day.provisional


def test_adding_a_years_schedule_replaces_the_provisional_answer():
    schedule = YearSchedule(2027, {date(2027, 1, 1): "元旦"}, source="国办发明电〔2026〕")
    calendar = official_calendar().with_schedule(schedule)
    day = calendar.day(date(2027, 1, 1))
    assert not day.is_working_day and not day.provisional
    assert not official_calendar().has_schedule(2027)  # the shared calendar is unchanged


@pytest.mark.parametrize(
    ("holidays", "makeup", "message"),
    [
        ({date(2026, 1, 1): "元旦"}, {}, "not in 2027"),
        ({}, {date(2027, 1, 4): "元旦调休"}, "not a Saturday or Sunday"),
        ({date(2027, 1, 2): "元旦"}, {date(2027, 1, 2): "元旦调休"}, "both"),
    ],
)
def test_an_inconsistent_schedule_is_refused(holidays, makeup, message):
    with pytest.raises(ValueError, match=message):
        YearSchedule(2027, holidays, makeup)


def test_working_days_between_counts_both_ends():
    calendar = WorkingCalendar()
    assert calendar.working_days_between(date(2027, 3, 1), date(2027, 3, 7)) == 5
