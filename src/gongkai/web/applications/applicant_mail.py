"""E-mail to the applicant at the steps that send them a letter: the receipt, a 补正 request,
an extension, the answer, and the notices that close a case without one.

A step's history event is what triggers the message: when workflow.py records one of these
steps for an applicant who gave an e-mail address, a task is queued in the same transaction
(it exists if and only if the step does), and the worker sends it through jobs.notify
(Django's e-mail framework; SMTP settings from the environment, files under the data
directory in the demo). Each message sent is recorded in the case history, the address
masked as the history keeps it. The message says where the case stands and where to read
the letter; it does not quote the letter, which is opened on the tracking page with the
second factor (second_factor.py).
"""

from datetime import date

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.web.applications.models import Application, Event, Letter
from gongkai.web.applications.results import downloadable, result_of
from gongkai.web.jobs.notify import notify
from gongkai.web.privacy.masking import email as masked_email

NOTIFIED = "applicant_notified"  # the history event of a message sent
# The steps the applicant hears of, and the subject of each message.
SUBJECTS = {
    "submit": gettext_lazy("Your application has been received"),
    "request_correction": gettext_lazy("Your application needs to be corrected"),
    "extend": gettext_lazy("The time to answer your application has been extended"),
    "decide": gettext_lazy("Your application has been answered"),
    "issue": gettext_lazy("Your application has been answered"),
    "abandon_correction": gettext_lazy("Your application has been closed"),
    "abandon_payment": gettext_lazy("Your application has been closed"),
    "withdraw": gettext_lazy("Your application has been closed"),
}


def reachable(case: Application) -> bool:
    """An address to write to (a purged one is masked: privacy/purge.py)."""
    return bool(case.email) and "*" not in case.email


@receiver(post_save, sender=Event)
def step_recorded(sender, instance: Event, created: bool, **kwargs) -> None:
    if created and instance.action in SUBJECTS and reachable(instance.application):
        send_applicant_notice.enqueue(instance.pk)


@task
def send_applicant_notice(event_id: int) -> int:
    """E-mail the applicant about the step of `event_id`; returns 1 if sent, 0 if not (sent
    before, or no address). Idempotent: notify's key is the event."""
    event = Event.objects.select_related("application__agency").get(pk=event_id)
    case = event.application
    if not reachable(case):
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = message(case, event)
        note = _("%(subject)s (to %(address)s)") % {
            "subject": subject, "address": masked_email(case.email)}  # fmt: skip
    sent = notify([case.email], subject, body, key=f"applications.applicant:{event.pk}",
                  about=case)  # fmt: skip
    if sent:
        Event.objects.create(application=case, action=NOTIFIED, note=note)  # no state: not a step
    return sent


def message(case: Application, event: Event) -> tuple[str, str]:
    subject = f"{SUBJECTS[event.action]}（{case.agency.name} {case.number}）"
    letter = letter_of(case, event)
    lines = [
        str(SUBJECTS[event.action]),
        _("Agency: %(agency)s") % {"agency": case.agency.name},
        _("Case number: %(number)s") % {"number": case.number},
        _("Query code: %(code)s") % {"code": case.query_code},
        *letter_lines(letter),
        *step_lines(case, event),
        "",
        *tracking_lines(case),
        "",
        _("This message was sent automatically; please do not reply to it."),
    ]
    return subject, "\n".join(lines)


def letter_of(case: Application, event: Event) -> Letter | None:
    number = (event.changes.get("letter") or [None, None])[1]
    return case.letters.filter(number=number).first() if number else None


def letter_lines(letter: Letter | None) -> list[str]:
    if letter is None:
        return []
    return [_("Letter: 《%(title)s》 (%(number)s), dated %(date)s") % {
        "title": letter.title, "number": letter.number,
        "date": date_format(letter.issued_on, "DATE_FORMAT")}]  # fmt: skip


# The steps that end the case for the applicant: their message gives the result.
RESULT_STEPS = frozenset({"decide", "issue", "abandon_correction", "abandon_payment", "withdraw"})


def step_lines(case: Application, event: Event) -> list[str]:
    """What the step meant for the applicant, as the step left it (the message may be sent
    after later steps): the answer deadline, the time to correct, or the result."""
    if event.action in RESULT_STEPS and (result := result_of(case)) is not None:
        return [_("Result: %(result)s") % {"result": result.heading}, result.plain]
    due = changed_to(event, "due_on")
    if event.action in {"submit", "extend"} and due:
        return [_("Answer due: %(due)s") % {"due": due}]
    correct_by = changed_to(event, "waiting_until")
    if event.action == "request_correction" and correct_by:
        return [_("Correct the application by: %(date)s") % {"date": correct_by}]
    return []


def changed_to(event: Event, field: str) -> str:
    """The value the step gave `field`, as a date in words; "" if it did not change it."""
    value = (event.changes.get(field) or [None, None])[1]
    return date_format(date.fromisoformat(value), "DATE_FORMAT") if value else ""


def tracking_lines(case: Application) -> list[str]:
    url = settings.GONGKAI_SITE_URL + reverse("application-status", args=[case.query_code])
    lines = [_("Follow the application: %(url)s") % {"url": url}]
    if downloadable(case):
        lines.append(_("The letters can be downloaded there with the last four characters of "
                       "the phone number or identity document number given in the "
                       "application."))  # fmt: skip
    else:
        lines.append(_("The letters reach you as you asked: %(delivery)s.") % {
            "delivery": case.get_delivery_display()})  # fmt: skip
    return lines
