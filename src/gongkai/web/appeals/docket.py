"""Which cases the docket lists: by year filed, kind, result and agency.

With a year, the result is the one of 31 December of that year — the annual report's
(counting.py) — so the list for a year, a kind and a result is exactly the cases behind
that figure of section 四. Without a year, it is the result today.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from gongkai.web.appeals.counting import filed_in, standing, year_end
from gongkai.web.appeals.section_four import COLUMNS, KINDS, TOTAL
from gongkai.web.core import params


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    kind: str = ""
    outcome: str = ""  # an outcome, or pending (a column of section 四)
    agency_id: int | None = None

    @classmethod
    def from_query(cls, query) -> "Filters":
        """The filters given in a query string; anything unknown is ignored."""
        year = query.get("year", "")
        agency = query.get("agency", "")
        return cls(
            year=params.year(year),
            kind=query.get("kind", "") if query.get("kind") in KINDS else "",
            outcome=query.get("outcome", "") if query.get("outcome") in COLUMNS else "",
            agency_id=params.number(agency, 1),
        )


def listed(appeals: QuerySet, filters: Filters, today: date) -> QuerySet:
    condition = Q()
    if filters.year:
        condition &= filed_in(filters.year)
    if filters.kind:
        condition &= Q(kind=filters.kind)
    if filters.outcome and filters.outcome != TOTAL:
        as_of = year_end(filters.year) if filters.year else today
        condition &= standing(filters.outcome, as_of)
    if filters.agency_id:
        condition &= Q(agency_id=filters.agency_id)
    return appeals.filter(condition)


def counts_by_kind(appeals: QuerySet) -> dict[str, int]:
    """How many of the listed cases are of each kind, in one query."""
    aliases = {f"kind_{n}": kind for n, kind in enumerate(KINDS)}
    counts = appeals.aggregate(
        **{alias: Count("pk", filter=Q(kind=kind)) for alias, kind in aliases.items()}
    )
    return {kind: counts[alias] for alias, kind in aliases.items()}
