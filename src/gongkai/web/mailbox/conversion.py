"""A question that is really a request for government information becomes a disclosure
application (条例第二十七条), without the asker applying again.

条例第三十一条第（三）项: a request made over the Internet is received on the day both sides
confirm it; the mailbox confirmed the question with its query code on the day it was asked,
so the application's receipt date — and its 20-working-day clock — is the question's
receipt date, not the day of conversion. Both histories record the conversion and name each
other; the question keeps a link to the application.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.statute.receipt import Channel
from gongkai.web.applications import workflow as applications
from gongkai.web.applications.models import Event
from gongkai.web.mailbox.models import Question, QuestionState
from gongkai.web.mailbox.workflow import MailboxError, locked, record, snapshot

APPLICATION_EVENT = "from_mailbox"  # applications/states.py EVENT_LABELS


def application_fields(question: Question, form_requested: str, delivery: str) -> dict:
    return {
        "applicant_type": "natural",
        "name": question.name,
        "phone": question.phone,
        "email": question.email,
        "description": f"{question.title}\n{question.text}",
        "form_requested": form_requested,
        "delivery": delivery,
        "channel": Channel.ONLINE,
        "received_on": question.received_on,
    }


def convert(question: Question, actor, form_requested: str, delivery: str, note: str = ""):
    """Register the question as an application received on the question's receipt date."""
    if delivery == "email" and not question.email:
        raise MailboxError(_("The asker gave no e-mail address: choose another delivery."))
    with transaction.atomic():
        found = locked(question, actor)
        if found.state != QuestionState.OPEN:
            raise MailboxError(_("Only a question awaiting an answer can be turned into an "
                                 "application."))  # fmt: skip
        fields = application_fields(found, form_requested, delivery)
        case = applications.submit(found.agency, fields, actor=actor,
                                   token=f"mailbox:{found.pk}")  # fmt: skip
        Event.objects.create(application=case, actor=actor, action=APPLICATION_EVENT,
                             to_state=case.state, changes={"mailbox_question":
                                                           [None, found.number]},
                             note=application_note(found, note))  # fmt: skip
        before = snapshot(found)
        found.state, found.application = QuestionState.CONVERTED, case
        found.converted_on = timezone.localdate()
        found.save()
        record(found, "convert", actor, before, snapshot(found), question_note(case, note))
    return found


def application_note(question: Question, note: str) -> str:
    said = _("From mailbox question %(number)s, received on %(on)s: that day is the receipt "
             "date (Article 31 of the Regulations).") % {
        "number": question.number, "on": question.received_on.isoformat()}  # fmt: skip
    return "\n".join(filter(None, [said, note.strip()]))


def question_note(case, note: str) -> str:
    said = _("Registered as disclosure application %(number)s, receipt date %(on)s.") % {
        "number": case.number, "on": case.received_on.isoformat()}  # fmt: skip
    return "\n".join(filter(None, [said, note.strip()]))
