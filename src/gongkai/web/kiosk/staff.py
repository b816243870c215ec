"""The staff's list of their agencies' 查阅点: where each is, its kiosk, and its visits and
searches by day and by year (the old 统计表's 查阅点接待人数)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.kiosk import counting
from gongkai.web.kiosk.models import ReadingPoint


@login_required
def reading_points(request):
    points = permissions.scope(
        ReadingPoint.objects.select_related("agency"), request.user, Action.VIEW
    )
    totals = counting.yearly_totals(points)
    rows = [
        {"point": point, "years": totals.get(point.pk, []), "days": counting.recent_days(point)}
        for point in points
    ]
    return render(request, "kiosk/staff.html", {"rows": rows})
