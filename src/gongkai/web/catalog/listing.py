"""What the public 目录 lists, and the filters a visitor can set on it."""

from dataclasses import dataclass

from django.http import QueryDict

from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.models.entries import DisclosureMode, Entry, EntryState, Validity


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
        numbers = {name: int(params[name]) for name in ("subject", "item", "year")
                   if params.get(name, "").isdigit()}  # fmt: skip
        validity = params.get("validity")
        agency, nothing = None, bool(params.get("subject")) and "subject" not in numbers
        if code := params.get("agency"):
            agency = Agency.objects.filter(code=code).first()
            nothing = nothing or agency is None
        return cls(agency, numbers.get("subject"), numbers.get("item"), numbers.get("year"),
                   validity if validity in Validity.values else None, nothing)  # fmt: skip

    def apply(self, entries):
        if self.nothing:
            return entries.none()
        if self.agency is not None:
            entries = entries.filter(agency__path__startswith=self.agency.path)
        if self.subject is not None:
            entries = entries.filter(subject_id=self.subject)
        if self.item is not None:
            entries = entries.filter(article20_item=self.item)
        if self.year is not None:
            entries = entries.filter(published_on__year=self.year)
        if self.validity is not None:
            entries = entries.filter(validity=self.validity)
        return entries
