"""第二十六条: information is published within 20 working days of being formed or changed."""

from datetime import date, timedelta

from gongkai.statute.calendar import WorkingCalendar
from gongkai.statute.clock import count_working_days

TIME_LIMIT_WORKING_DAYS = 20


def working_days_taken(generated_on: date, published_on: date, calendar: WorkingCalendar) -> int:
    """Working days from the day after formation to the day of publication, both included."""
    if published_on <= generated_on:
        return 0
    return calendar.working_days_between(generated_on + timedelta(days=1), published_on)


def late_working_days(generated_on: date, published_on: date, calendar: WorkingCalendar) -> int:
    """How many working days past the limit (0 or negative: in time)."""
    return working_days_taken(generated_on, published_on, calendar) - TIME_LIMIT_WORKING_DAYS


def publication_due(generated_on: date, calendar: WorkingCalendar) -> date:
    return count_working_days(generated_on, TIME_LIMIT_WORKING_DAYS, calendar)[0]
