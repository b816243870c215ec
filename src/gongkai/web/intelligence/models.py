"""Published annual reports read by the parser, their figures, and what people corrected.

`PublishedReport` is one document as imported: its source file and hash (the same file is
imported once), the report as the parser read it (provenance, confidence, findings), and the
agency it belongs to — an agency of the platform's tree, an `ExternalAgency` outside it, or
neither while the match waits for a person. `Figure` is the long table every reader uses
(review, export, the API; audit and compare next): one row per figure with the agency, year
and key copied in so that those queries need no join, and the *current* value — a
correction changes the figure and appends a `Correction` (who, when, before, after).
`ImportRun` and `ImportItem` are a bulk import on the task runner: each file is an item
with its own state, so a run cut off by a restart goes on with the files not yet done.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.core.exact_json import ExactDecoder, ExactEncoder


class ExternalAgency(models.Model):
    """An agency known only from the reports it published; outside the platform's tree."""

    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=30, choices=AgencyLevel.choices)
    region = models.CharField(_("region"), max_length=60, blank=True)
    uscc = models.CharField(_("USCC"), max_length=18, blank=True)

    class Meta:
        verbose_name = _("external agency")
        verbose_name_plural = _("external agencies")
        ordering = ["region", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "region"], name="one_external_agency")
        ]

    def __str__(self) -> str:
        return self.name


class Match(models.TextChoices):
    TREE = "tree", _("An agency of the platform")
    EXTERNAL = "external", _("An agency outside the platform")
    PENDING = "pending", _("Waiting for a person to confirm the agency")


class Confidence(models.TextChoices):
    PRINTED = "printed", _("Printed")
    INFERRED = "inferred", _("Inferred")
    AMBIGUOUS = "ambiguous", _("Ambiguous")
    CORRECTED = "corrected", _("Corrected by a person")
    CONFIRMED = "confirmed", _("Confirmed by a person")


DOUBTFUL = (Confidence.INFERRED, Confidence.AMBIGUOUS)


class PublishedReport(models.Model):
    sha256 = models.CharField(max_length=64, unique=True)
    source_name = models.CharField(_("file"), max_length=255)
    source_file = models.FileField(upload_to="intelligence/sources/", blank=True)
    # The lines the reader made of the file ([text, where] each): what the review shows.
    source_lines = models.JSONField(default=list)
    # The gongkai.report/1 document as the parser read it: cells, provenance, findings.
    document = models.JSONField(encoder=ExactEncoder, decoder=ExactDecoder)
    generation = models.CharField(_("format"), max_length=1)
    year = models.PositiveSmallIntegerField(_("year reported on"))
    published_on = models.DateField(_("published on"), null=True, blank=True)
    agency_name = models.CharField(_("agency as printed"), max_length=200, blank=True)
    match = models.CharField(_("agency match"), max_length=10, choices=Match.choices)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="published_reports"
    )
    external = models.ForeignKey(
        ExternalAgency, null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    # Copied from the agency (tree or external) when matched: what exports filter and group by.
    region = models.CharField(_("region"), max_length=60, blank=True)
    level = models.CharField(_("level"), max_length=30, blank=True, choices=AgencyLevel.choices)
    # Agencies of the tree it may be, while the match waits: [{"agency": pk, "why": text}].
    candidates = models.JSONField(default=list, blank=True)
    # The version of the agency's history this report became, or why it did not.
    history_version = models.ForeignKey(
        "annualreports.ReportVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history_note = models.TextField(blank=True)
    # What still needs a person's look (review.py): doubtful cells, findings like misreadings.
    review_items = models.PositiveIntegerField(default=0)
    # What the charts read, as the figures stand (derived.py): the rules the report fails by
    # kind ({"arithmetic": 2, "all": 2}), its common indicators ({"applications": 25, …}).
    failures = models.JSONField(default=dict, blank=True)
    measures = models.JSONField(
        default=dict, blank=True, encoder=ExactEncoder, decoder=ExactDecoder
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("published report")
        verbose_name_plural = _("published reports")
        ordering = ["-year", "agency_name", "id"]
        indexes = [
            models.Index(fields=["match", "id"], name="published_report_match"),
            models.Index(fields=["year", "generation"], name="published_report_year"),
            models.Index(fields=["review_items", "id"], name="published_report_review"),
            models.Index(fields=["region", "level", "year"], name="published_report_region"),
            # each agency's last report of a year (chart_data.latest_reports), from the index
            models.Index(
                fields=["agency", "external", "year", "match"], name="published_report_latest"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_name or self.source_name} {self.year}"

    def place(self) -> None:
        """Region and level from the agency it belongs to (the printed name's region for an
        agency of the tree, whose records hold no region name)."""
        from gongkai.web.intelligence.agency_names import name_parts

        if self.agency is not None:
            self.region, self.level = name_parts(self.agency.name).region, self.agency.level
        elif self.external is not None:
            self.region, self.level = self.external.region, self.external.level
        else:
            self.region, self.level = "", ""

    @property
    def agency_label(self) -> str:
        holder = self.agency or self.external
        return holder.name if holder else self.agency_name


class Figure(models.Model):
    """One figure of one report: the long table audits, comparisons and exports read.

    Its foreign keys have no index of their own: the unique (report, key) and the indexes
    on (agency, year, key) and (external, year, key) begin with them and serve the same
    look-ups; three more B-trees to keep would cost an import ~15 % of its figures' insert."""

    report = models.ForeignKey(
        PublishedReport, on_delete=models.CASCADE, related_name="figures", db_index=False
    )
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    external = models.ForeignKey(
        ExternalAgency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    year = models.PositiveSmallIntegerField()
    generation = models.CharField(max_length=1)
    key = models.CharField(max_length=80)
    value = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    confidence = models.CharField(
        max_length=10, choices=Confidence.choices, default=Confidence.PRINTED
    )
    from_prose = models.BooleanField(default=False)  # stated only in the text, not a table

    class Meta:
        ordering = ["report", "id"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="one_figure_per_key")]
        indexes = [
            models.Index(fields=["agency", "year", "key"], name="figure_agency_year_key"),
            models.Index(fields=["external", "year", "key"], name="figure_external_year_key"),
            models.Index(fields=["key", "year"], name="figure_key_year"),
            models.Index(fields=["confidence", "report"], name="figure_confidence"),
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.key}"


class Correction(models.Model):
    """A person's correction of one figure; written once, never changed."""

    figure = models.ForeignKey(Figure, on_delete=models.PROTECT, related_name="corrections")
    before = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    after = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    confidence_before = models.CharField(max_length=10, choices=Confidence.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["figure", "at", "id"]

    def __str__(self) -> str:
        return f"{self.figure.key}: {self.before} → {self.after}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("corrections cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("corrections cannot be deleted")


class RunState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")


class ImportRun(models.Model):
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=RunState.choices, default=RunState.QUEUED)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import {self.pk}"


class ItemState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    STORED = "stored", _("Imported")
    UNCHANGED = "unchanged", _("Already imported")
    FAILED = "failed", _("Could not be read")


class ImportItem(models.Model):
    """One file of a run, kept in storage until it is imported."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=255)
    held = models.CharField(max_length=255, blank=True)  # its path in the file storage
    member = models.CharField(max_length=255, blank=True)  # its name inside that zip archive
    state = models.CharField(max_length=10, choices=ItemState.choices, default=ItemState.PENDING)
    error = models.TextField(blank=True)
    report = models.ForeignKey(
        PublishedReport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["run", "id"]
        indexes = [models.Index(fields=["run", "state"], name="import_item_state")]

    def __str__(self) -> str:
        return self.name


class OpenDataExport(models.Model):
    """A large open-data file written on the task runner (export_jobs.py): the public follow
    it on its page, named by an unguessable token, and download it when it is written."""

    token = models.CharField(max_length=43, unique=True)
    fmt = models.CharField(max_length=10)
    selection = models.JSONField(default=dict)  # the filters (selection.Selection's fields)
    stamp = models.CharField(max_length=80)  # the data it was written from (export_jobs.stamp)
    state = models.CharField(max_length=10, choices=RunState.choices, default=RunState.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="intelligence/exports/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["fmt", "stamp"], name="open_data_export_stamp")]

    def __str__(self) -> str:
        return f"published-reports.{self.fmt}"
