"""Deadline reminders: which open cases are due soon or overdue, who is told, what they read.

A case is "due" only while its clock runs (states.CLOCK_RUNNING, a drafted answer in
sign-off included): a case paused for a consultation or a fee (第三十三条第三款) or waiting
for the applicant's correction (第三十条) has no answer deadline and is not reminded; its
waiting time has a reminder of its own when it passes (waiting.py). Each
case is reminded once per threshold and deadline (notify's key): a correction that restarts
the clock or an approved extension sets a new deadline, which is reminded again.
"""

from collections.abc import Iterator
from datetime import date, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gongkai.statute.calendar import WorkingCalendar
from gongkai.web.agencies.models import User
from gongkai.web.agencies.roles import Role
from gongkai.web.applications.models import Application
from gongkai.web.applications.states import CLOCK_RUNNING
from gongkai.web.jobs.notify import notify

DUE_SOON_WORKING_DAYS = 3
# Who is told at each threshold: the clerks handle the case; the head answers for a late one.
REMINDED_ROLES = {
    "due_soon": frozenset({Role.CLERK}),
    "overdue": frozenset({Role.CLERK, Role.HEAD}),
}


def cases_to_remind(today: date, calendar: WorkingCalendar) -> Iterator[tuple[Application, str]]:
    """Open cases with a running clock due within DUE_SOON_WORKING_DAYS, or overdue."""
    horizon = calendar.working_days_after(today, DUE_SOON_WORKING_DAYS)
    cases = Application.objects.filter(state__in=CLOCK_RUNNING, due_on__lte=horizon)
    for case in cases.select_related("agency").order_by("due_on", "id"):
        yield case, "overdue" if case.due_on < today else "due_soon"


def staff_to_remind(case: Application, threshold: str) -> QuerySet[User]:
    """The handling agency's own staff in the threshold's roles — nobody above or beside it."""
    return User.objects.filter(
        is_active=True,
        memberships__agency=case.agency_id,
        memberships__role__in=REMINDED_ROLES[threshold],
    ).distinct()


def reminder_key(case: Application, threshold: str) -> str:
    return f"applications.deadline:{case.pk}:{threshold}:{case.received_on}+{case.extension_days}"


def remind(case: Application, threshold: str, today: date, calendar: WorkingCalendar) -> int:
    """E-mail the case's staff about it, once; returns how many messages were sent."""
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = reminder_message(case, threshold, today, calendar)
    return notify(staff_to_remind(case, threshold), subject, body,
                  key=reminder_key(case, threshold), about=case)  # fmt: skip


def reminder_message(case, threshold: str, today: date, calendar) -> tuple[str, str]:
    values = {"number": case.number, "due": date_format(case.due_on, "DATE_FORMAT")}
    if threshold == "overdue":
        subject = _("Overdue: application %(number)s was due on %(due)s") % values
        late = calendar.working_days_between(case.due_on + timedelta(days=1), today)
        count = _("Working days overdue: %(days)s") % {"days": late}
    else:
        subject = _("Reminder: application %(number)s is due on %(due)s") % values
        left = calendar.working_days_between(today + timedelta(days=1), case.due_on)
        count = _("Working days left, today not counted: %(days)s") % {"days": left}
    due = _("Answer due: %(due)s") % values
    if case.due_provisional:
        due += _(" (provisional: the holidays of that year are not yet published)")
    url = settings.GONGKAI_SITE_URL + reverse("application-case", args=[case.pk])
    lines = [
        _("Agency: %(agency)s") % {"agency": case.agency.name},
        _("Case number: %(number)s") % values,
        _("Receipt date: %(received)s") % {"received": date_format(case.received_on)},
        due, count, _("Open the case: %(url)s") % {"url": url}, "",
        _("This reminder is sent once. Cases whose clock is paused (consultation, fee) or "
          "that await the applicant's correction are not reminded."),
    ]  # fmt: skip
    return subject, "\n".join(lines)
