"""The 规章 / 行政规范性文件 registry as the source of section 二 of the annual report.

A document's status on a day follows from its issue date and its ending event (废止 or 失效);
nothing else is stored. `registry_counts` answers "how many were issued, repealed, lapsed and
in force on this day"; `section_two_figures` turns the registry and the yearly figures into the
canonical s2.* cells of a report generation (spec/cells.csv).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.report.formats import GENERATIONS, Generation
from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import Action
from gongkai.web.catalog.models.registry import (
    ENDING_EVENTS,
    DocumentKind,
    EventKind,
    FigureSource,
    NormativeDocument,
    NormativeEvent,
    YearlyFigure,
    YearlyFigureRevision,
    figure_keys,
    figure_problem,
    registry_key,
    typed,
)

Figure = int | Decimal | None


class Status(TextChoices):
    NOT_ISSUED = "not_issued", _("Not yet issued")
    IN_FORCE = "in_force", _("In force")  # 现行有效, also when issued but not yet effective
    REPEALED = "repealed", _("Repealed")  # 废止
    LAPSED = "lapsed", _("Lapsed")  # 失效


@dataclass(frozen=True)
class Timeline:
    """What the counts need to know about one document."""

    kind: DocumentKind
    issued_on: date
    published_on: date | None = None
    ended_on: date | None = None
    ending: EventKind | None = None

    def status_on(self, day: date) -> Status:
        if day < self.issued_on:
            return Status.NOT_ISSUED
        if self.ended_on is None or day < self.ended_on:
            return Status.IN_FORCE
        return Status.REPEALED if self.ending == EventKind.REPEALED else Status.LAPSED


@dataclass(frozen=True)
class Counts:
    issued: int = 0
    repealed: int = 0
    lapsed: int = 0

    @property
    def in_force(self) -> int:
        return self.issued - self.repealed - self.lapsed


def timelines(documents: QuerySet[NormativeDocument]) -> list[Timeline]:
    ending = NormativeEvent.objects.filter(
        document=OuterRef("pk"), kind__in=ENDING_EVENTS
    ).order_by("on")
    rows = documents.annotate(
        ended_on=Subquery(ending.values("on")[:1]),
        ending=Subquery(ending.values("kind")[:1]),
    ).values_list("kind", "issued_on", "published_on", "ended_on", "ending")
    return [
        Timeline(DocumentKind(kind), issued, published, ended, EventKind(end) if end else None)
        for kind, issued, published, ended, end in rows
    ]


def status_on(document: NormativeDocument, day: date) -> Status:
    ending = document.events.filter(kind__in=ENDING_EVENTS).order_by("on").first()
    timeline = Timeline(
        DocumentKind(document.kind),
        document.issued_on,
        ended_on=ending.on if ending else None,
        ending=EventKind(ending.kind) if ending else None,
    )
    return timeline.status_on(day)


def count(documents: Iterable[Timeline], as_of: date) -> Counts:
    statuses = [document.status_on(as_of) for document in documents]
    return Counts(
        issued=sum(status is not Status.NOT_ISSUED for status in statuses),
        repealed=statuses.count(Status.REPEALED),
        lapsed=statuses.count(Status.LAPSED),
    )


def registry_counts(agency: Agency, as_of: date) -> dict[DocumentKind, Counts]:
    """Per kind, the documents of `agency` issued, repealed, lapsed and in force on `as_of`."""
    return counts_by_kind(NormativeDocument.objects.filter(agency=agency), as_of)


def counts_by_kind(documents: QuerySet[NormativeDocument], as_of: date) -> dict:
    found = timelines(documents)
    return {kind: count((d for d in found if d.kind == kind), as_of) for kind in DocumentKind}


def section_two_figures(agency: Agency, year: int, generation: str | Generation) -> dict:
    """The s2.* cells of `generation` for `agency`'s report on `year`.

    第二十条第（一）项 is counted from the registry; the other cells are the yearly figures,
    None where nobody entered one (a blank is never turned into 0).
    """
    if isinstance(generation, str):
        generation = GENERATIONS[generation]
    keys = [key for key in generation.cells if key.startswith("s2.")]
    if not keys:
        raise ValueError(f"generation {generation.code} has no section-二 tables")
    counted = document_figures(agency.normative_documents.all(), year)
    entered = entered_figures(agency, year, generation)
    return {key: counted[key] if registry_key(key) else entered.get(key) for key in keys}


def document_conditions(year: int) -> dict[str, Q]:
    """Which documents each 第二十条第（一）项 column of `year` counts (on `with_ending`).

    本年废止件数 counts every document whose validity ended in the year, by 废止 or by 失效,
    so that 现行有效件数 rolls over exactly from one year to the next (rule C2-1).
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    return {
        "issued": Q(issued_on__range=(first, last)),
        "made": Q(issued_on__range=(first, last)),
        "repealed": Q(ended_on__range=(first, last)),
        "in_force": Q(issued_on__lte=last) & (Q(ended_on__isnull=True) | Q(ended_on__gt=last)),
        "published": Q(published_on__range=(first, last)),
        # 对外公开总数量: every document made public by the end of the year, in force or not.
        "public_total": Q(published_on__lte=last),
    }


def with_ending(documents: QuerySet[NormativeDocument]) -> QuerySet[NormativeDocument]:
    """The documents with `ended_on`, the day their validity ended (废止 or 失效), or None."""
    ending = NormativeEvent.objects.filter(document=OuterRef("pk"), kind__in=ENDING_EVENTS)
    return documents.annotate(ended_on=Subquery(ending.order_by("on").values("on")[:1]))


def document_figures(documents: QuerySet[NormativeDocument], year: int) -> dict[str, int]:
    """Both generations' 第二十条第（一）项 cells for `year`, counted in the database."""
    conditions = document_conditions(year)
    rows = (
        with_ending(documents)
        .order_by()
        .values("kind")
        .annotate(**{column: Count("pk", filter=q) for column, q in conditions.items()})
    )
    found = {row.pop("kind"): row for row in rows}
    return {
        f"s2.{kind.row_key}.{column}": found.get(kind.value, {}).get(column, 0)
        for kind in DocumentKind
        for column in conditions
    }


def cell_documents(documents: QuerySet[NormativeDocument], key: str, year: int):
    """The documents a 第二十条第（一）项 cell counts (s2.<row>.<column>), for drill-down."""
    _s2, row, column = key.split(".")
    kind = next(k for k in DocumentKind if k.row_key == row)
    return with_ending(documents.filter(kind=kind)).filter(document_conditions(year)[column])


def entered_figures(agency: Agency, year: int, generation: Generation) -> dict[str, Figure]:
    rows = YearlyFigure.objects.filter(agency=agency, year__in=[year - 1, year])
    values = {(f.year, f.key): f.value for f in rows}
    figures: dict[str, Figure] = {}
    for key in figure_keys(generation.code):
        value = values.get((year, key))
        if value is None and key.endswith(".prev_items"):
            value = rolled_over_items(values, year, key, generation)
        figures[key] = None if value is None else typed(value, generation.cells[key].kind)
    return figures


def rolled_over_items(values: dict, year: int, key: str, generation: Generation) -> Decimal | None:
    """上一年项目数量 follows from last year's report: its items plus its change (rule B2-1)."""
    if not generation.applies_to(year - 1):
        return None
    change = key.removesuffix(".prev_items") + ".change"
    before, delta = values.get((year - 1, key)), values.get((year - 1, change))
    return None if before is None or delta is None else before + delta


class Change(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def record_figure(agency: Agency, year: int, key: str, value, user, **origin) -> Change:
    """Enter a yearly figure for `agency`: only its administrators may (Action.MANAGE)."""
    permissions.require(user, Action.MANAGE, agency)
    return store_figure(agency, year, key, value, user, **origin)


def store_figure(
    agency: Agency,
    year: int,
    key: str,
    value,
    user,
    source: FigureSource = FigureSource.ENTERED,
    provenance: str = "",
) -> Change:
    """Set a figure and append its revision, unless it already has this value.

    Callers check permissions; record_figure() and the import do.
    """
    value = Decimal(value)
    problem = figure_problem(key, year, value)
    if problem:
        raise ValidationError(problem)
    with transaction.atomic():
        figure = (
            YearlyFigure.objects.select_for_update().filter(agency=agency, year=year, key=key)
        ).first()
        if figure is not None and figure.value == value:
            return Change.UNCHANGED
        fields = {
            "value": value,
            "source": source,
            "provenance": provenance,
            "entered_by": user,
            "entered_at": timezone.now(),
        }
        change = Change.CREATED if figure is None else Change.UPDATED
        if figure is None:
            figure = YearlyFigure.objects.create(agency=agency, year=year, key=key, **fields)
        else:
            YearlyFigure.objects.filter(pk=figure.pk).update(**fields)
        YearlyFigureRevision.objects.create(figure=figure, **fields)
    return change
