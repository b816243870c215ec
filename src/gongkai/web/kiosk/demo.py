"""The demo's two 查阅点 and a year of their kiosks' use: the county's at the 档案馆 (the whole
county's information) and 县财政局's in its lobby, about 3,000 lookups a year between them, as
淄博's report counts."""

from datetime import timedelta

from django.utils import timezone

from gongkai.web.agencies.models import Agency
from gongkai.web.kiosk.models import ReadingPoint, ReadingPointDay

POINTS = [
    # (agency's short name, code, name, address, opening hours, visits on a busy day)
    ("县政府", "qingshan-archives", "青山县政府信息公开查阅点（县档案馆）",
     "青山县文化路12号县档案馆一楼大厅", "周一至周五 8:30—12:00，14:30—17:30", 9),
    ("县财政局", "qingshan-czj", "青山县财政局政府信息查阅点",
     "青山县府前路18号县财政局一楼服务大厅", "工作日 9:00—12:00，14:30—17:00", 4),
]  # fmt: skip
DAYS = 365


def load_demo_reading_points() -> int:
    """Create the demo 查阅点 and their days of use once; returns how many points exist."""
    for short_name, code, name, address, hours, busy in POINTS:
        point, created = ReadingPoint.objects.get_or_create(
            code=code,
            defaults={"agency": Agency.objects.get(short_name=short_name), "name": name,
                      "address": address, "opening_hours": hours},
        )  # fmt: skip
        if created:
            ReadingPointDay.objects.bulk_create(days_of_use(point, busy))
    return ReadingPoint.objects.count()


def days_of_use(point: ReadingPoint, busy: int) -> list[ReadingPointDay]:
    """A working day's visits vary with the weekday (Mondays busiest) and a steady pattern of
    the date; about two searches for every three visits. No weekends."""
    today = timezone.localdate()
    days = []
    for back in range(1, DAYS + 1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:
            continue
        visits = max(0, busy - day.weekday() + (day.toordinal() * 7) % 5 - 2)
        days.append(ReadingPointDay(point=point, day=day, visits=visits,
                                    searches=visits * 2 // 3 + day.day % 3))  # fmt: skip
    return days
