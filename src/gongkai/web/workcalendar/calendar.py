"""The calendar the platform counts with: the seeded official years plus the entered ones."""

from gongkai.statute.calendar import WorkingCalendar, official_calendar
from gongkai.web.workcalendar.models import OfficialSchedule


def current_calendar() -> WorkingCalendar:
    # A handful of rows: read per computation, so every process sees a new year at once.
    calendar = official_calendar()
    for record in OfficialSchedule.objects.all():
        calendar = calendar.with_schedule(record.as_schedule())
    return calendar
