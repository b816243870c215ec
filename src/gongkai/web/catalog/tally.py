"""The 目录's totals and years, read from the counts the triggers keep (models/tally.py).

`count(filters)` is exact for every filter the 目录 offers — agency subtree, 主题分类,
第二十条 item, year, 有效性 — and reads a few hundred rows at most, not the entries.
`recount()` rebuilds the counts from the entries, should they ever be doubted.
"""

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce, ExtractYear

from gongkai.web.catalog.listing import CatalogFilters, public_entries
from gongkai.web.catalog.models.tally import EntryTally

NO_YEAR = 0  # published entries without a 发布日期 count, but list no year


def years() -> list[int]:
    """The years in which public entries were published, newest first."""
    found = (
        EntryTally.objects.filter(entries__gt=0)
        .exclude(year=NO_YEAR)
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(found, reverse=True)


def by_year() -> list[tuple[int, int]]:
    """(year, public entries published in it), newest first."""
    rows = (
        EntryTally.objects.exclude(year=NO_YEAR)
        .values_list("year")
        .annotate(Sum("entries"))
        .filter(entries__sum__gt=0)
        .order_by("-year")
    )
    return list(rows)


def count(filters: CatalogFilters) -> int:
    """How many public entries the filters let through."""
    if filters.nothing:
        return 0
    rows = EntryTally.objects.all()
    if filters.agency is not None:
        rows = rows.filter(agency__path__startswith=filters.agency.path)
    for field, value in (("subject", filters.subject), ("item", filters.item),
                         ("year", filters.year), ("validity", filters.validity)):  # fmt: skip
        if value is not None:
            rows = rows.filter(**{field: value})
    return rows.aggregate(total=Coalesce(Sum("entries"), 0))["total"]


@transaction.atomic
def recount() -> int:
    """Count every public entry afresh; returns the total."""
    EntryTally.objects.all().delete()
    year, subject = Coalesce(ExtractYear("published_on"), NO_YEAR), Coalesce("subject_id", 0)
    key = ["agency_id", "year", "subject", "item", "validity"]
    rows = (
        public_entries()
        .values_list("agency_id", year, subject, "article20_item", "validity")
        .annotate(Count("id"))
        .order_by()
    )
    created = EntryTally.objects.bulk_create(
        EntryTally(**dict(zip(key, values, strict=False)), entries=values[-1]) for values in rows
    )
    return sum(row.entries for row in created)
