"""What the public 目录 lists, and the filters a visitor can set on it."""

from dataclasses import dataclass, replace
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import F
from django.http import QueryDict

from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.models.entries import DisclosureMode, Entry, EntryState, Validity
from gongkai.web.core.params import number as params_number
from gongkai.web.core.params import year as params_year


def public_entries():
    """What the public sees: published entries, except those withheld from disclosure.
    (The tally triggers of migration 0005 count exactly these.)"""
    return (
        Entry.objects.filter(state=EntryState.PUBLISHED)
        .exclude(disclosure_mode=DisclosureMode.WITHHELD)
        .select_related("agency", "subject", "form")
    )


@dataclass(frozen=True)
class CatalogFilters:
    agency: Agency | None = None  # this agency and everything below it
    subject: int | None = None
    item: int | None = None  # 第二十条 item
    year: int | None = None
    validity: str | None = None
    nothing: bool = False  # a filter named something that does not exist

    @classmethod
    def from_params(cls, params: QueryDict) -> "CatalogFilters":
        numbers = {name: found for name in ("subject", "item")
                   if (found := params_number(params.get(name))) is not None}  # fmt: skip
        if (year := params_year(params.get("year"))) is not None:
            numbers["year"] = year
        validity = params.get("validity")
        agency, nothing = None, bool(params.get("subject")) and "subject" not in numbers
        if code := params.get("agency"):
            agency = Agency.objects.filter(code=code).first()
            nothing = nothing or agency is None
        return cls(agency, numbers.get("subject"), numbers.get("item"), numbers.get("year"),
                   validity if validity in Validity.values else None, nothing)  # fmt: skip

    @cached_property
    def agency_ids(self) -> list[int]:
        return list(self.agency.subtree().values_list("pk", flat=True)) if self.agency else []

    def apply(self, entries, walking_dates: bool = False):
        if self.nothing:
            return entries.none()
        if len(self.agency_ids) == 1:  # served, in date order, by the (agency, state, date) index
            entries = entries.filter(agency_id=self.agency_ids[0])
        elif self.agency is not None and walking_dates:
            # Checked row by row on the walk: "+ 0" keeps SQLite, which plans without
            # statistics, from taking a large subtree through the agency index and sorting it.
            entries = entries.alias(unindexed=F("agency_id") + 0)
            entries = entries.filter(unindexed__in=self.agency_ids)
        elif self.agency is not None:
            entries = entries.filter(agency_id__in=self.agency_ids)
        if self.subject is not None:
            entries = entries.filter(subject_id=self.subject)
        if self.item is not None:
            entries = entries.filter(article20_item=self.item)
        if self.year is not None:
            entries = entries.filter(published_on__year=self.year)
        if self.validity is not None:
            entries = entries.filter(validity=self.validity)
        return entries


LISTED = ["index_no", "title", "validity", "published_on", "agency_id"]
# A subtree with fewer matches than this has its page cut from all the matches' dates,
# gathered through the agency index; with more, the date index is walked until it is full.
FEW = 20_000


class NewestFirst:
    """The entries the filters let through, newest first, as a sequence of `total` (their
    number, known from the tally) that reads only the page asked for.

    One agency, one subject, one 第二十条 item or one 有效性 is served in date order by an
    index of its own (migrations 0006, 0007). Several agencies — a subtree — are not: walking the
    date index finds a page at once when the subtree has many entries, but crosses the whole
    catalogue when it has few; then their dates are gathered and the page cut from them.
    """

    def __init__(self, filters: CatalogFilters, total: int):
        self.filters, self.total = filters, total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list[Entry]:
        if self.total == 0:
            return []
        if self.total > FEW or len(self.filters.agency_ids) < 2:
            rows = list(self.walk()[window])
        else:
            entries = self.filters.apply(listed())
            keys = sorted(entries.values_list("published_on", "pk"), reverse=True)
            pks = [pk for _published, pk in keys[window]]
            found = entries.in_bulk(pks)
            rows = [found[pk] for pk in pks if pk in found]
        return rows

    def walk(self):
        """The matches in the order of the date index (or of one agency's, subject's …)."""
        entries = self.filters.apply(listed(), walking_dates=True)
        return entries.order_by("-published_on", "-id")


def listed():
    # The listed columns only, and no agency (the caller has their names): a join would be
    # made for every row skipped on the way to a later page, not only for the 20 shown.
    return public_entries().select_related(None).only(*LISTED).order_by()


def without_agency(filters: CatalogFilters) -> CatalogFilters:
    return replace(filters, agency=None)


class CountedPaginator(Paginator):
    """A paginator told its total, so that it never counts the rows itself."""

    def __init__(self, object_list, per_page, total: int):
        super().__init__(object_list, per_page)
        self.total = total

    @cached_property
    def count(self) -> int:
        return self.total
