"""Reminders of questions due soon or overdue, each morning, to the clerks of the agency
(the head too once a question is late) — as applications/reminders.py does for applications.
Each question is reminded once per threshold (notify's key)."""

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
from gongkai.web.applications.reminders import REMINDED_ROLES
from gongkai.web.jobs.notify import notify
from gongkai.web.mailbox.models import Question, QuestionState

DUE_SOON_WORKING_DAYS = 2


def questions_to_remind(today: date, calendar: WorkingCalendar) -> Iterator[tuple[Question, str]]:
    horizon = calendar.working_days_after(today, DUE_SOON_WORKING_DAYS)
    questions = Question.objects.filter(state=QuestionState.OPEN, due_on__lte=horizon)
    for question in questions.select_related("agency").order_by("due_on", "id"):
        yield question, "overdue" if question.due_on < today else "due_soon"


def staff_to_remind(question: Question, threshold: str) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        memberships__agency=question.agency_id,
        memberships__role__in=REMINDED_ROLES[threshold],
    ).distinct()


def remind(question: Question, threshold: str, today: date, calendar: WorkingCalendar) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = reminder_message(question, threshold, today, calendar)
    key = f"mailbox.due:{question.pk}:{threshold}:{question.due_on}"
    return notify(staff_to_remind(question, threshold), subject, body, key=key, about=question)


def reminder_message(question, threshold: str, today: date, calendar) -> tuple[str, str]:
    values = {"number": question.number, "due": date_format(question.due_on, "DATE_FORMAT")}
    if threshold == "overdue":
        subject = _("Overdue: mailbox question %(number)s was due on %(due)s") % values
        late = calendar.working_days_between(question.due_on + timedelta(days=1), today)
        count = _("Working days overdue: %(days)s") % {"days": late}
    else:
        subject = _("Reminder: mailbox question %(number)s is due on %(due)s") % values
        left = calendar.working_days_between(today + timedelta(days=1), question.due_on)
        count = _("Working days left, today not counted: %(days)s") % {"days": left}
    url = settings.GONGKAI_SITE_URL + reverse("mailbox-staff-question", args=[question.pk])
    lines = [
        _("Agency: %(agency)s") % {"agency": question.agency.name},
        _("Question: %(title)s") % {"title": question.title},
        _("Received on: %(on)s") % {"on": date_format(question.received_on)},
        _("Answer due: %(due)s") % values, count,
        _("Open the question: %(url)s") % {"url": url},
    ]  # fmt: skip
    return subject, "\n".join(lines)
