"""Entering a year's schedule as the State Council notice states it: holiday periods with
their names, and the weekend days that are worked instead."""

from datetime import date, timedelta

from django.db import transaction

from gongkai.statute.calendar import YearSchedule
from gongkai.web.workcalendar.models import OfficialSchedule


def parse_days(text: str) -> tuple[list[date], str]:
    """ "2027-02-05..2027-02-11=春节" → the seven dates and the name; a single date is fine."""
    span, _, name = text.partition("=")
    first, _, last = span.partition("..")
    try:
        start, end = date.fromisoformat(first.strip()), date.fromisoformat((last or first).strip())
    except ValueError:
        raise ValueError(f"无法识别的日期：{text!r}（格式 YYYY-MM-DD..YYYY-MM-DD=名称）") from None
    if end < start:
        raise ValueError(f"结束日期早于开始日期：{text!r}")
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return days, name.strip()


@transaction.atomic
def enter_year(year: int, holidays: list[str], makeup: list[str], source: str) -> YearSchedule:
    """Store (or replace) a year's schedule; open cases are recounted when it commits."""
    holiday_days = {day: name for text in holidays for day, name in _named(text, "")}
    makeup_days = {day: name for text in makeup for day, name in _named(text, "调休")}
    schedule = YearSchedule(year, holiday_days, makeup_days, source)  # validates
    OfficialSchedule.objects.update_or_create(
        year=year,
        defaults={
            "holidays": {d.isoformat(): n for d, n in sorted(holiday_days.items())},
            "makeup_workdays": {d.isoformat(): n for d, n in sorted(makeup_days.items())},
            "source": source,
        },
    )
    return schedule


def _named(text: str, default: str):
    days, name = parse_days(text)
    return [(day, name or default) for day in days]
