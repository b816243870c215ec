"""The one set of filters the open data answers to — agency, region, level, year,
generation — for the export (command line and web) and the JSON API alike."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from gongkai.web.intelligence.models import Figure, Match, PublishedReport


@dataclass(frozen=True)
class Selection:
    agency: str | None = None  # a tree agency's code, or an agency's name as recorded
    region: str | None = None  # the region's name, or its beginning (广东省 finds its cities)
    level: str | None = None
    year: int | None = None
    generation: str | None = None

    def reports(self, queryset: QuerySet | None = None) -> QuerySet[PublishedReport]:
        reports = PublishedReport.objects.all() if queryset is None else queryset
        return reports.filter(self.condition())

    def figures(self) -> QuerySet[Figure]:
        return Figure.objects.filter(self.condition("report__"))

    def condition(self, prefix: str = "") -> Q:
        condition = ~Q(**{f"{prefix}match": Match.PENDING})
        if self.agency:
            text = self.agency.strip()
            condition &= (
                Q(**{f"{prefix}agency__code": text.upper()})
                | Q(**{f"{prefix}agency__name": text})
                | Q(**{f"{prefix}external__name": text})
            )
        if self.region:
            condition &= Q(**{f"{prefix}region__startswith": self.region.strip()})
        for name in ("level", "year", "generation"):
            if (value := getattr(self, name)) not in (None, ""):
                condition &= Q(**{f"{prefix}{name}": value})
        return condition
