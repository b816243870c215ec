from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.models import Agency
from gongkai.web.appeals.section_four import COLUMNS, KIND_CHOICES, OUTCOME_CHOICES, PENDING
from gongkai.web.applications.models import Application

DOCUMENT_KINDS = [
    ("petition", "行政复议申请书 / 起诉状"),
    ("response", "答复书 / 答辩状"),
    ("decision", "行政复议决定书"),
    ("judgment", "判决书"),
    ("ruling", "裁定书"),
    ("other", "其他"),
]


class Appeal(models.Model):
    """A 行政复议 or 行政诉讼 against the agency over its open-government-information work.

    Every change goes through workflow.py, which checks it (validation.py) and records it
    in the append-only history. `kind` is a row and `outcome` a column of the annual
    report's section 四; counting.py says in which year and cell a case counts.
    """

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="appeals",
                               verbose_name=_("respondent agency"))  # fmt: skip
    number = models.CharField(_("case number"), max_length=20)
    kind = models.CharField(_("kind of case"), max_length=12, choices=KIND_CHOICES)
    prior_review = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="lawsuits",
                                     verbose_name=_("prior reconsideration"))  # fmt: skip
    # 申请人 / 原告: personal data, shown only on the agency's staff pages.
    appellant = models.CharField(_("applicant or plaintiff"), max_length=100)
    filed_on = models.DateField(_("filed on"))
    body = models.CharField(_("reconsideration body or court"), max_length=100)
    body_case_no = models.CharField(_("their case number"), max_length=60, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    outcome = models.CharField(_("result"), max_length=12, blank=True,
                               choices=OUTCOME_CHOICES)  # fmt: skip
    corrected_what = models.TextField(_("what was corrected"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    applications = models.ManyToManyField(Application, blank=True, related_name="appeals",
                                          verbose_name=_("applications concerned"))  # fmt: skip
    entry = models.ForeignKey("catalog.Entry", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="appeals",
                              verbose_name=_("catalogue entry concerned"))  # fmt: skip
    matter = models.TextField(_("what the case concerns"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reconsideration or litigation case")
        verbose_name_plural = _("reconsideration and litigation cases")
        ordering = ["-filed_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="one_appeal_number")
        ]
        # The report counts one agency's cases by the date they were filed.
        indexes = [models.Index(fields=["agency", "filed_on"])]

    def __str__(self) -> str:
        return f"{self.number} {self.get_kind_display()}"

    def clean(self) -> None:
        from gongkai.web.appeals.validation import check_rules

        check_rules(self)

    @property
    def is_decided(self) -> bool:
        return self.decided_on is not None

    @property
    def outcome_label(self) -> str:
        return self.get_outcome_display() if self.outcome else COLUMNS[PENDING]


class AppealCounter(models.Model):
    """The last case number given per agency, year and series; locked while one is taken."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=4)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "series"], name="one_appeal_counter")
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}{self.series}: {self.last}"


class AppealDocument(models.Model):
    """A paper of the case: the petition, the agency's answer, the decision or judgment."""

    appeal = models.ForeignKey(Appeal, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("kind of document"), max_length=12, choices=DOCUMENT_KINDS)
    file = models.FileField(upload_to="appeals/%Y/%m/")
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT)  # fmt: skip

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class AppealEvent(models.Model):
    """The append-only history of a case: who did what, when, and what changed. The
    database refuses UPDATE and DELETE on this table (migration 0002)."""

    appeal = models.ForeignKey(Appeal, on_delete=models.PROTECT, related_name="events")
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
        from gongkai.web.appeals.states import STEPS

        step = STEPS.get(self.action)
        if step is None and self.action == "purge_appellant_name":  # privacy/purge.py
            return str(_("Name masked: retention period ended"))
        return str(step.label) if step else self.action

    @property
    def changes_shown(self) -> list[tuple[str, object, object]]:
        """(field label, before, after), with choices by their labels, for the history."""
        return [(field_label(name), shown(name, before), shown(name, after))
                for name, (before, after) in self.changes.items()]  # fmt: skip


def field_label(name: str) -> str:
    try:
        return str(Appeal._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a document added
        return str(_("document added"))


def shown(name: str, value):
    choices = dict(Appeal._meta.get_field(name).choices or []) if name in CHOICE_FIELDS else {}
    return choices.get(value, value)


CHOICE_FIELDS = {"kind", "outcome"}
