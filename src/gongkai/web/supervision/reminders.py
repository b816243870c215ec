"""Sending a 督办: recorded first (Reminder), then e-mailed to the agency's clerks and heads
through jobs.notify, once per reminder and recipient."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from gongkai.web.agencies.models import User
from gongkai.web.agencies.roles import Role
from gongkai.web.jobs.notify import notify
from gongkai.web.supervision.figures import FIGURE_LABELS
from gongkai.web.supervision.models import Reminder

# Who at the agency reads a 督办: those who do its casework and the head who answers for it.
RECIPIENT_ROLES = [Role.CLERK, Role.HEAD]


def send(agency, sender, note: str, figures: dict) -> Reminder:
    """Record the 督办 and tell the agency; the e-mail goes after the record is committed."""
    with transaction.atomic():
        reminder = Reminder.objects.create(agency=agency, sent_by=sender, note=note.strip(),
                                           figures=figures)  # fmt: skip
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = message(reminder)
    notify(recipients_of(agency), subject, body, key=f"supervision.reminder:{reminder.pk}",
           about=agency)  # fmt: skip
    return reminder


def recipients_of(agency):
    return User.objects.filter(is_active=True, memberships__agency=agency,
                               memberships__role__in=RECIPIENT_ROLES).distinct()  # fmt: skip


def message(reminder: Reminder) -> tuple[str, str]:
    subject = _("Reminder from the supervising office: %(agency)s") % {
        "agency": reminder.agency.name
    }
    figures = "；".join(f"{label}：{reminder.figures.get(name, 0)}"
                       for name, label in FIGURE_LABELS.items())  # fmt: skip
    lines = [
        _("%(office)s reminds %(agency)s of its open-government work.") % {
            "office": reminder.sent_by.get_full_name(), "agency": reminder.agency.name},
        figures,
        reminder.note,
        _("Your workbench: %(url)s") % {"url": settings.GONGKAI_SITE_URL + reverse("workbench")},
    ]  # fmt: skip
    return subject, "\n".join(line for line in lines if line)
