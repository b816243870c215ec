"""E-mail to the asker when the question is answered, if they gave an address.

The answer step queues the task in its own transaction (it exists if and only if the answer
does); the worker sends it through jobs.notify, once per question. The message says that
the question is answered and where to read it; it does not quote the answer, which opens on
the tracking page with the phone's last four digits (second_factor.py). Each message sent is
recorded in the question's history, the address masked.
"""

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gongkai.web.jobs.notify import notify
from gongkai.web.mailbox.models import Question, QuestionEvent
from gongkai.web.privacy.masking import email as masked_email

NOTIFIED = "asker_notified"


@task
def send_answer_notice(question_id: int) -> int:
    """E-mail the asker that the question is answered; returns 1 if sent, 0 if not (sent
    before, or no address). Idempotent: notify's key is the question."""
    question = Question.objects.select_related("agency").get(pk=question_id)
    if not question.email or "*" in question.email:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your question has been answered")
        url = settings.GONGKAI_SITE_URL + reverse("mailbox-status", args=[question.query_code])
        body = "\n".join([
            _("%(agency)s has answered your question “%(title)s” (number %(number)s) on %(on)s.")
            % {"agency": question.agency.name, "title": question.title,
               "number": question.number, "on": date_format(question.answered_on)},
            _("Read the answer with your query code %(code)s, and the last four digits of "
              "your phone number: %(url)s") % {"code": question.query_code, "url": url},
        ])  # fmt: skip
        note = _("%(subject)s (to %(address)s)") % {
            "subject": subject, "address": masked_email(question.email)}  # fmt: skip
    sent = notify([question.email], subject, body, key=f"mailbox.answer:{question.pk}",
                  about=question)  # fmt: skip
    if sent:
        QuestionEvent.objects.create(question=question, action=NOTIFIED, note=note)
    return sent
