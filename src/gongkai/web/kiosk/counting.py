"""The kiosk's visits and searches per day (the old 统计表's 查阅点接待人数), counted on the
server with no personal data: a row per 查阅点 and day, its numbers incremented in the
database so that simultaneous requests never lose one."""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from gongkai.web.kiosk.models import ReadingPoint, ReadingPointDay

COUNTED = ("visits", "searches")


def record(point: ReadingPoint, what: str, day: date | None = None) -> None:
    """Add one visit or one search to the point's day."""
    assert what in COUNTED, what
    day = day or timezone.localdate()
    rows = ReadingPointDay.objects.filter(point=point, day=day)
    if rows.update(**{what: F(what) + 1}):
        return
    try:
        with transaction.atomic():
            ReadingPointDay.objects.create(point=point, day=day, **{what: 1})
    except IntegrityError:  # another request created the day's row first
        rows.update(**{what: F(what) + 1})


def yearly_totals(points) -> dict[int, list[dict]]:
    """Point id → [{"year", "visits", "searches"}, …], the latest year first."""
    rows = (
        ReadingPointDay.objects.filter(point__in=points)
        .values("point", "day__year")
        .annotate(visits=Sum("visits"), searches=Sum("searches"))
        .order_by("point", "-day__year")
    )
    totals: dict[int, list[dict]] = {}
    for row in rows:
        totals.setdefault(row["point"], []).append(
            {"year": row["day__year"], "visits": row["visits"], "searches": row["searches"]}
        )
    return totals


def recent_days(point: ReadingPoint, count: int = 14) -> list[ReadingPointDay]:
    return list(point.days.order_by("-day")[:count])
