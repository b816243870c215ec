"""规章 / 行政规范性文件 and the yearly figures of section 二 of the annual report.

A document's status on any date is computed from its issuance and its events (registry.py),
never stored. Yearly figures hold the 第二十条 cells that no record here can count (许可,
处罚, 强制 decisions, 收费, 采购); every change of one is kept in an append-only revision.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.report.formats import GENERATIONS, Kind, generation_for_year
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.catalog.models.entries import Entry

# The rows of the 第二十条第（一）项 table, as the current format prints them.
_DOCUMENT_ROWS = {row.key: row.label for row in GENERATIONS["C"].table("s2.documents").rows}

# 立法法第九十一、九十三条: 部门规章 by State Council departments, 地方政府规章 by provincial
# governments and the governments of 设区的市 / 自治州 (the 市级政府 level). Nobody else.
RULE_MAKING_LEVELS = frozenset(
    {
        AgencyLevel.STATE_COUNCIL_DEPARTMENT,
        AgencyLevel.PROVINCIAL_GOVERNMENT,
        AgencyLevel.MUNICIPAL_GOVERNMENT,
    }
)

# The first reporting year with the 第二十条 tables (generation B).
FIRST_SECTION_TWO_YEAR = GENERATIONS["B"].first_year or 2019


class DocumentKind(models.TextChoices):
    REGULATION = "regulation", _DOCUMENT_ROWS["regulations"]
    NORMATIVE = "normative", _DOCUMENT_ROWS["normative"]

    @property
    def row_key(self) -> str:
        """The row of the 第二十条第（一）项 table (s2.<row>.<column>)."""
        return "regulations" if self is DocumentKind.REGULATION else "normative"


class EventKind(models.TextChoices):
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")
    LAPSED = "lapsed", _("Lapsed")
    REPUBLISHED = "republished", _("Republished")


# Events that end a document's validity: after one, nothing else can happen to it.
ENDING_EVENTS = frozenset({EventKind.REPEALED, EventKind.LAPSED})


class NormativeDocument(models.Model):
    """A 规章 or 行政规范性文件 issued by an agency."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="normative_documents",
                               verbose_name=_("issuing agency"))  # fmt: skip
    kind = models.CharField(_("kind"), max_length=12, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=300)
    doc_no = models.CharField(_("document number"), max_length=100, blank=True)
    issued_on = models.DateField(_("issued on"))
    published_on = models.DateField(_("made public on"), null=True, blank=True)
    effective_on = models.DateField(_("effective from"), null=True, blank=True)
    entry = models.ForeignKey(Entry, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="normative_documents",
                              verbose_name=_("catalogue entry"))  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("regulation or normative document")
        verbose_name_plural = _("regulations and normative documents")
        ordering = ["-issued_on", "-id"]
        indexes = [models.Index(fields=["agency", "kind", "issued_on"])]

    def __str__(self) -> str:
        return f"{self.title}（{self.doc_no}）" if self.doc_no else self.title

    def save(self, *args, **kwargs) -> None:
        self.full_clean()
        super().save(*args, **kwargs)

    @property
    def may_make_rules(self) -> bool:
        return self.agency.level in RULE_MAKING_LEVELS

    def clean(self) -> None:
        errors = {}
        if self.kind == DocumentKind.REGULATION and self.agency_id and not self.may_make_rules:
            errors["kind"] = no_rule_making_power(self.agency)
        if self.published_on and self.issued_on and self.published_on < self.issued_on:
            errors["published_on"] = _("A document cannot be made public before it is issued.")
        if self.entry_id and self.agency_id and self.entry.agency_id != self.agency_id:
            errors["entry"] = _("The catalogue entry belongs to another agency.")
        if self.pk and self.issued_on and self.events.filter(on__lt=self.issued_on).exists():
            errors["issued_on"] = _("The document has events dated before this issue date.")
        if errors:
            raise ValidationError(errors)


def no_rule_making_power(agency: Agency) -> str:
    level = AgencyLevel(agency.level).label
    return _(
        "%(agency)s is at the level %(level)s, which has no power to make regulations (规章): "
        "only State Council departments, provincial governments and the governments of cities "
        "with districts make them. Record it as a normative document."
    ) % {"agency": agency.name, "level": level}


class NormativeEvent(models.Model):
    """Something that happened to a document after issuance: 修改, 废止, 失效, 重新公布."""

    document = models.ForeignKey(NormativeDocument, on_delete=models.CASCADE,
                                 related_name="events", verbose_name=_("document"))  # fmt: skip
    kind = models.CharField(_("event"), max_length=12, choices=EventKind.choices)
    on = models.DateField(_("date"))
    doc_no = models.CharField(_("number of the deciding document"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("document event")
        verbose_name_plural = _("document events")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.on} {self.get_kind_display()}"

    def save(self, *args, **kwargs) -> None:
        self.full_clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if not self.document_id or not self.on:
            return
        if self.on < self.document.issued_on:
            raise ValidationError({"on": _("An event cannot precede the document's issue.")})
        others = self.document.events.exclude(pk=self.pk)
        ended = others.filter(kind__in=ENDING_EVENTS).first()
        if ended and (self.kind in ENDING_EVENTS or self.on > ended.on):
            raise ValidationError(
                {"kind": _("The document is no longer valid since %(date)s (%(event)s).")
                 % {"date": ended.on, "event": ended.get_kind_display()}}
            )  # fmt: skip
        if self.kind in ENDING_EVENTS and others.filter(on__gt=self.on).exists():
            raise ValidationError({"on": _("Later events exist: a document ends last.")})


class FigureSource(models.TextChoices):
    ENTERED = "entered", _("Entered")
    IMPORTED = "imported", _("Imported")


def registry_key(key: str) -> bool:
    """Whether a section-二 cell is counted from the registry (第二十条第（一）项)."""
    return key.startswith(("s2.regulations.", "s2.normative."))


def figure_keys(generation: str) -> list[str]:
    """The section-二 cells of a generation that are entered or imported, not counted."""
    cells = GENERATIONS[generation].cells
    return [key for key in cells if key.startswith("s2.") and not registry_key(key)]


def figure_label(key: str) -> str:
    """A figure's label in the report formats (the latest format that has it), else its key."""
    for code in ("C", "B"):
        if spec := GENERATIONS[code].cells.get(key):
            return spec.label
    return key


def figure_choices() -> list[tuple[str, str]]:
    keys = {key for code in ("C", "B") for key in figure_keys(code)}
    return [(key, figure_label(key)) for key in sorted(keys)]


def figure_kind(key: str, year: int) -> Kind:
    return GENERATIONS[generation_for_year(year).code].cells[key].kind


def typed(value: Decimal, kind: Kind) -> int | Decimal:
    """An int for counts, a Decimal without trailing zeros for amounts (cells.csv kinds)."""
    if kind is not Kind.DECIMAL:
        return int(value)
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


class YearlyFigure(models.Model):
    """The current value of one section-二 cell of one agency for one year.

    It mirrors the latest `YearlyFigureRevision`; change it only through
    registry.record_figure(), which appends the revision.
    """

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="yearly_figures",
                               verbose_name=_("agency"))  # fmt: skip
    year = models.PositiveSmallIntegerField(_("year"))
    key = models.CharField(_("figure"), max_length=40)  # a key of figure_keys()
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    source = models.CharField(_("source"), max_length=10, choices=FigureSource.choices,
                              default=FigureSource.ENTERED)  # fmt: skip
    provenance = models.CharField(_("provenance"), max_length=300, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("entered by"))  # fmt: skip
    entered_at = models.DateTimeField(_("entered at"))

    class Meta:
        verbose_name = _("yearly figure")
        verbose_name_plural = _("yearly figures")
        ordering = ["agency__path", "-year", "key"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "key"], name="one_figure_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year} {self.label}：{self.typed_value}"

    @property
    def label(self) -> str:
        return figure_label(self.key)

    @property
    def typed_value(self) -> int | Decimal:
        return typed(self.value, figure_kind(self.key, self.year))

    def clean(self) -> None:
        if self.year is None or not self.key:
            return
        message = figure_problem(self.key, self.year, self.value)
        if message:
            raise ValidationError(message)


def figure_problem(key: str, year: int, value=None) -> str | None:
    """Why `value` cannot be the figure `key` of `year`, or None."""
    if year < FIRST_SECTION_TWO_YEAR or year > date.today().year:
        return _("The year must be between %(first)s and this year.") % {
            "first": FIRST_SECTION_TWO_YEAR
        }
    generation = generation_for_year(year)
    if key not in figure_keys(generation.code):
        return _("%(key)s is not a figure of the %(year)s report format (%(document)s).") % {
            "key": key,
            "year": year,
            "document": generation.document,
        }
    if value is None:
        return None
    kind = generation.cells[key].kind
    if kind is not Kind.DECIMAL and value != value.to_integral():
        return _("This figure is a whole number.")
    if kind is not Kind.SIGNED_INT and value < 0:
        return _("This figure cannot be negative.")
    return None


class YearlyFigureRevision(models.Model):
    """One value a yearly figure has had: append-only, the history of the figure."""

    figure = models.ForeignKey(YearlyFigure, on_delete=models.PROTECT, related_name="revisions")
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    source = models.CharField(_("source"), max_length=10, choices=FigureSource.choices)
    provenance = models.CharField(_("provenance"), max_length=300, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("entered by"))  # fmt: skip
    entered_at = models.DateTimeField(_("entered at"))

    class Meta:
        verbose_name = _("revision of a yearly figure")
        verbose_name_plural = _("revisions of yearly figures")
        ordering = ["entered_at", "id"]

    def __str__(self) -> str:
        return f"{self.entered_at:%Y-%m-%d %H:%M} {self.value}"

    # Refused here rather than by a database trigger: the test harness empties tables with
    # DELETE on SQLite, which a trigger would block (see tests/conftest.py).
    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError("yearly figure revisions cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("yearly figure revisions cannot be deleted")
