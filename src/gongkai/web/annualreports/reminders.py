"""Reminders of the annual report's statutory date (条例第四十九条).

Thirty, fourteen, seven, three and one day before an agency's report is due, and every day
once it is overdue, its clerks and head are told by e-mail, until the report is published.
Each message goes once per report, threshold and day (notify's key), however often the job
runs.
"""

from collections.abc import Iterator
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gongkai.web.agencies.models import Agency, User
from gongkai.web.agencies.roles import Role
from gongkai.web.annualreports.deadlines import REMINDER_DAYS, Countdown, countdowns
from gongkai.web.jobs.notify import notify

REMINDED_ROLES = frozenset({Role.CLERK, Role.HEAD})


def reports_to_remind(today: date) -> Iterator[tuple[Countdown, int]]:
    """Unpublished reports of last year at a reminder threshold today, with their days left."""
    for countdown in countdowns(Agency.objects.order_by("path"), today.year - 1):
        left = countdown.days_left(today)
        if countdown.published_on is None and (left in REMINDER_DAYS or left < 0):
            yield countdown, left


def staff_to_remind(agency: Agency) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True, memberships__agency=agency, memberships__role__in=REMINDED_ROLES
    ).distinct()


def remind(countdown: Countdown, left: int, today: date) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = reminder_message(countdown, left)
    key = f"annualreports.due:{countdown.agency.pk}:{countdown.year}:{today.isoformat()}"
    return notify(staff_to_remind(countdown.agency), subject, body, key=key)


def reminder_message(countdown: Countdown, left: int) -> tuple[str, str]:
    values = {"agency": countdown.agency.name, "year": countdown.year,
              "due": date_format(countdown.due_on, "DATE_FORMAT"), "days": abs(left)}  # fmt: skip
    if left < 0:
        subject = _("Overdue: the %(year)s annual report of %(agency)s was due on %(due)s") % values
    else:
        subject = _("Reminder: the %(year)s annual report of %(agency)s is due on %(due)s") % values
    url = settings.GONGKAI_SITE_URL + reverse(
        "annual-report", args=[countdown.agency.code, countdown.year]
    )
    state = countdown.state_label or _("not started")
    lines = [
        subject,
        _("Days overdue: %(days)s") % values if left < 0 else _("Days left: %(days)s") % values,
        _("State of the report: %(state)s") % {"state": state},
        _("Open the report: %(url)s") % {"url": url},
        "",
        _(
            "Article 49 of the Regulations: departments publish last year's report by 31 January,"
            " governments at county level and above by 31 March."
        ),
    ]
    return subject, "\n".join(lines)
