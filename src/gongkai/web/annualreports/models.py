"""An agency's 政府信息公开工作年度报告 for one year: the working copy, its published versions
and its history.

`AnnualReport` is the working copy staff compile, write and send for approval; the public
sees only `ReportVersion`s, each frozen when published (条例第四十九条). A correction is a new
version with its reason; earlier versions stay. Every step is an append-only `ReportEvent`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.report import Report, load_report
from gongkai.web.agencies.models import Agency
from gongkai.web.core.exact_json import ExactDecoder, ExactEncoder


class Origin(models.TextChoices):
    COMPILED = "compiled", _("Compiled from the platform's records")
    AGGREGATED = "aggregated", _("Combined from the reports of the agencies below")
    IMPORTED = "imported", _("Imported from a published document")
    TYPED = "typed", _("Typed in from the official table")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class AnnualReport(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="annual_reports",
                               verbose_name=_("agency"))  # fmt: skip
    year = models.PositiveSmallIntegerField(_("year reported on"))
    generation = models.CharField(_("format"), max_length=1)
    origin = models.CharField(_("origin"), max_length=12, choices=Origin.choices)
    state = models.CharField(_("state"), max_length=12, choices=ReportState.choices,
                             default=ReportState.DRAFT)  # fmt: skip
    # The figures as last compiled, imported or typed: the cells of gongkai.report/1.
    cells = models.JSONField(default=dict, encoder=ExactEncoder, decoder=ExactDecoder)
    # The prose of sections 一, 五 and 六 by numeral, as staff wrote it.
    sections = models.JSONField(default=dict)
    # What the platform wrote for each section at the last compilation (to offer it again).
    suggested_sections = models.JSONField(default=dict)
    compiled_at = models.DateTimeField(_("compiled at"), null=True, blank=True)
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["agency__path", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_report_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency.name}{self.year}年政府信息公开工作年度报告"

    @property
    def title(self) -> str:
        return str(self)

    def as_report(self) -> Report:
        """The working copy as a report (figures and prose; findings are the rulebook's)."""
        return load_report(
            {
                "format": "gongkai.report/1",
                "generation": self.generation,
                "year": self.year,
                "agency": self.agency.name,
                "cells": self.cells,
                "sections": self.sections,
            }
        )

    def latest_version(self) -> "ReportVersion | None":
        return self.versions.order_by("-number").first()


def frozen(model: type[models.Model]):
    """Rows that are written once: saving an existing one or deleting any is refused."""

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(f"{model.__name__} rows cannot be changed")
        models.Model.save(self, *args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(f"{model.__name__} rows cannot be deleted")

    model.save, model.delete = save, delete
    return model


@frozen
class ReportVersion(models.Model):
    """A published version: the document as the public saw it, never changed."""

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    # The gongkai.report/1 document, findings included.
    document = models.JSONField(encoder=ExactEncoder, decoder=ExactDecoder)
    html = models.TextField()  # the page as published
    published_on = models.DateField(_("published on"))
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")  # fmt: skip
    reason = models.TextField(_("reason for the correction"), blank=True)
    entry = models.ForeignKey("catalog.Entry", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="report_versions")  # fmt: skip
    source_name = models.CharField(max_length=200, blank=True)  # an imported document's file
    source_sha256 = models.CharField(max_length=64, blank=True)
    source_file = models.FileField(upload_to="annualreports/%Y/", blank=True)

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="one_version_number")
        ]
        indexes = [
            # what the audit reads of every version (intelligence/audit_memo.version_heads),
            # without the row: on SQLite its document and HTML come before these columns
            models.Index(
                fields=["report", "number", "published_on", "source_sha256"],
                name="report_version_heads",
            )
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"

    def as_report(self) -> Report:
        return load_report(self.document)


@frozen
class ReportEvent(models.Model):
    """The append-only history of a report: who did what, when, and what changed."""

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT)  # fmt: skip
    action = models.CharField(max_length=30)
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12, blank=True)
    changes = models.JSONField(default=dict, encoder=ExactEncoder, decoder=ExactDecoder)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"
