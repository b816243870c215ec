"""The one engine that changes mailbox questions: ask, answer, publish, withdraw from
publication (conversion.py turns a question into a disclosure application).

Each change runs in one transaction with the question row locked, refuses what the state,
the asker's consent or the user's role does not allow, and appends a QuestionEvent with
before/after values, personal data masked.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.core import history
from gongkai.web.mailbox.asker_mail import send_answer_notice
from gongkai.web.mailbox.deadlines import due_date, promised_days
from gongkai.web.mailbox.models import Question, QuestionCounter, QuestionEvent, QuestionState
from gongkai.web.privacy import masking

TRACKED = ["subject", "title", "text", "name", "phone", "email", "consent_to_publish",
           "received_on", "state", "answer_days", "due_on", "due_provisional", "answer",
           "answered_on", "answered_by", "published_on", "application", "converted_on"]  # fmt: skip
PERSONAL = {"name": masking.person_name, "phone": masking.phone, "email": masking.email}
EVENT_LABELS = {
    "ask": gettext_lazy("Question received"),
    "answer": gettext_lazy("Answered"),
    "publish": gettext_lazy("Published"),
    "unpublish": gettext_lazy("Withdrawn from publication"),
    "convert": gettext_lazy("Turned into a disclosure application"),
    "recalculate": gettext_lazy("Due date recalculated"),
    "asker_notified": gettext_lazy("Asker notified by e-mail"),
    "view_personal_data": gettext_lazy("Personal data viewed"),
}


class MailboxError(Exception):
    """A step the rules do not allow now; the message says why."""


def snapshot(question: Question) -> dict:
    return masking.masked(history.snapshot(question, TRACKED), PERSONAL)


def next_number(agency, year: int) -> str:
    """The agency's next question number of the year, e.g. 2026-0007, under a row lock."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                counter, _created = QuestionCounter.objects.get_or_create(agency=agency, year=year)
            break
        except IntegrityError:  # another request created the counter first
            continue
    counter = QuestionCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{year}-{counter.last:04d}"


def ask(agency, fields: dict, token: str | None = None, received_on: date | None = None):
    """Register a question; a retry under the same submission token returns the first."""
    token = (token or "").strip() or None
    if token and (existing := Question.objects.filter(submission_token=token).first()):
        if existing.agency_id != agency.pk or existing.text != fields.get("text"):
            raise MailboxError(_("This form has already been used. Reload the page to ask again."))
        return existing
    received_on = received_on or timezone.localdate()
    with transaction.atomic():
        days = promised_days(agency)
        due = due_date(received_on, days)
        question = Question.objects.create(
            agency=agency, submission_token=token, received_on=received_on, answer_days=days,
            due_on=due.on, due_provisional=due.provisional,
            number=next_number(agency, received_on.year), **fields,
        )  # fmt: skip
        record(question, "ask", None, {}, snapshot(question))
    return question


def record(question, action: str, actor, before: dict, after: dict, note: str = "") -> None:
    actor = actor if actor is not None and actor.is_authenticated else None
    QuestionEvent.objects.create(question=question, actor=actor, action=action,
                                 changes=history.differences(before, after), note=note)  # fmt: skip


def locked(question: Question, actor, action: Action = Action.HANDLE) -> Question:
    """The question row, locked for the step; the actor must handle its agency's work."""
    found = Question.objects.select_for_update().get(pk=question.pk)
    if actor is not None and not permissions.can(actor, action, found.agency):
        raise PermissionDenied
    return found


def answer(question: Question, actor, text: str, publish: bool = False,
           on: date | None = None) -> Question:  # fmt: skip
    """Record the answer (who, when); publish it at once if asked and the asker consented."""
    text = (text or "").strip()
    if not text:
        raise MailboxError(_("Write the answer."))
    with transaction.atomic():
        found = locked(question, actor)
        if found.state != QuestionState.OPEN:
            raise MailboxError(_("Only a question awaiting an answer can be answered."))
        before, today = snapshot(found), on or timezone.localdate()
        if today < found.received_on or today > timezone.localdate():
            raise MailboxError(_("The answer date must be between receipt and today."))
        found.answer, found.answered_on, found.answered_by = text, today, actor
        found.state = QuestionState.ANSWERED
        found.save()
        record(found, "answer", actor, before, snapshot(found))
        if found.email:
            send_answer_notice.enqueue(found.pk)  # committed with the answer, or not at all
    if publish:
        found = set_published(found, actor, True, on=today)
    return found


def set_published(question: Question, actor, publish: bool, on: date | None = None) -> Question:
    """Publish an answered question (only with the asker's consent), or withdraw it."""
    with transaction.atomic():
        found = locked(question, actor)
        if publish and not found.consent_to_publish:
            raise MailboxError(_("The asker did not agree to publication."))
        if publish and found.state != QuestionState.ANSWERED:
            raise MailboxError(_("Only an answered question can be published."))
        if publish == (found.published_on is not None):
            raise MailboxError(_("Nothing to change."))
        before = snapshot(found)
        found.published_on = (on or timezone.localdate()) if publish else None
        found.save(update_fields=["published_on"])
        record(found, "publish" if publish else "unpublish", actor, before, snapshot(found))
    return found
