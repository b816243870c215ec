"""The 政民互动 mailbox (领导信箱 / 咨询): questions from the public, answered by staff within
the agency's promised time and, with the asker's consent, published without personal data.

A question changes only through workflow.py (conversion.py for turning it into a disclosure
application), which records each change in the append-only QuestionEvent history.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.models import Agency
from gongkai.web.applications.models import Application, new_query_code
from gongkai.web.mailbox.subjects import CHOICES as SUBJECT_CHOICES

# Working days the agency promises to answer in, unless it sets its own (MailboxPolicy).
DEFAULT_ANSWER_DAYS = 10


class QuestionState(models.TextChoices):
    OPEN = "open", _("Awaiting an answer")
    ANSWERED = "answered", _("Answered")
    CONVERTED = "converted", _("Turned into a disclosure application")


class MailboxPolicy(models.Model):
    """An agency's promise to the public: the working days within which it answers."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="mailbox_policy",
                                  verbose_name=_("agency"))  # fmt: skip
    answer_days = models.PositiveSmallIntegerField(
        _("answer within (working days)"), default=DEFAULT_ANSWER_DAYS,
        help_text=_("Counted on the official working-day calendar from the day after receipt."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("mailbox answer time")
        verbose_name_plural = _("mailbox answer times")

    def __str__(self) -> str:
        return f"{self.agency}: {self.answer_days}"

    def clean(self) -> None:
        if not 1 <= self.answer_days <= 60:
            raise ValidationError({"answer_days": _("Give 1 to 60 working days.")})


class Question(models.Model):
    """A question from the public and its answer."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="questions",
                               verbose_name=_("agency"))  # fmt: skip
    number = models.CharField(_("question number"), max_length=20)
    query_code = models.CharField(_("query code"), max_length=14, unique=True,
                                  default=new_query_code, editable=False)  # fmt: skip
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True,
                                        editable=False)  # fmt: skip
    subject = models.CharField(_("subject of the question"), max_length=20, choices=SUBJECT_CHOICES)
    title = models.CharField(_("question title"), max_length=100)
    text = models.TextField(_("question"))
    name = models.CharField(_("asker's name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=30)
    email = models.EmailField(_("email"), blank=True)
    consent_to_publish = models.BooleanField(_("may be published"), default=False)

    received_on = models.DateField(_("received on"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    state = models.CharField(_("state"), max_length=12, choices=QuestionState.choices,
                             default=QuestionState.OPEN)  # fmt: skip
    answer_days = models.PositiveSmallIntegerField(_("answer within (working days)"))
    due_on = models.DateField(_("answer due"))
    due_provisional = models.BooleanField(_("due date provisional"), default=False)
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("answered by"))  # fmt: skip
    published_on = models.DateField(_("published on"), null=True, blank=True)
    application = models.OneToOneField(Application, null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="mailbox_question",
                                       verbose_name=_("disclosure application"))  # fmt: skip
    converted_on = models.DateField(_("turned into an application on"), null=True, blank=True)

    class Meta:
        verbose_name = _("mailbox question")
        verbose_name_plural = _("mailbox questions")
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="one_question_number"),
            # Never public without the asker's consent, whatever writes the row.
            models.CheckConstraint(
                condition=models.Q(published_on__isnull=True) | models.Q(consent_to_publish=True),
                name="published_only_with_consent",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "state", "due_on"]),
            models.Index(fields=["agency", "published_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def is_public(self) -> bool:
        return self.published_on is not None and self.consent_to_publish


class QuestionCounter(models.Model):
    """The last question number given per agency and year; locked while a number is taken."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_question_counter")
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}: {self.last}"


class QuestionEvent(models.Model):
    """The append-only history of a question: who did what, when, and what changed (personal
    data masked)."""

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT)  # fmt: skip
    action = models.CharField(max_length=40)
    changes = models.JSONField(default=dict)  # field -> [before, after]
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("history events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("history events cannot be deleted")

    @property
    def action_label(self) -> str:
        from gongkai.web.mailbox.workflow import EVENT_LABELS

        return str(EVENT_LABELS.get(self.action, self.action))
