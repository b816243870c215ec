"""Which policy documents need an interpretation, and whether it came in the promised time.

政策性文件与解读材料同步组织、同步审签、同步部署 (国办发〔2016〕80号): an interpretation is
published with its document, or within the working days the agency promises (its
InterpretationSetting), counted on the statutory calendar from the document's publication.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, QuerySet

from gongkai.statute.calendar import WorkingCalendar
from gongkai.statute.clock import count_working_days
from gongkai.web.catalog.models.entries import DisclosureMode, Entry, EntryState
from gongkai.web.interpretations.models import Interpretation, State

# 体裁分类 of the documents that set policy and so are interpreted; the 规章 and 行政规范性文件
# of the registry are, whatever their 体裁.
POLICY_FORMS = ("决定", "意见", "规章", "行政规范性文件", "规划")
POLICY_DOCUMENT = Q(form__name__in=POLICY_FORMS) | Q(normative_documents__isnull=False)


def due_on(published_on: date, working_days: int, calendar: WorkingCalendar) -> date:
    """The last day an interpretation of a document published on `published_on` is in time."""
    return count_working_days(published_on, working_days, calendar)[0]


def late_working_days(due: date, published_on: date, calendar: WorkingCalendar) -> int:
    """Working days after `due` up to publication (0: in time)."""
    if published_on <= due:
        return 0
    return calendar.working_days_between(due + timedelta(days=1), published_on)


def policy_documents(agencies: QuerySet, year: int) -> QuerySet[Entry]:
    """The published policy documents of `agencies` that went public in `year`."""
    found = Entry.objects.filter(
        agency__in=agencies,
        state=EntryState.PUBLISHED,
        published_on__year=year,
        disclosure_mode=DisclosureMode.PROACTIVE,
    ).filter(POLICY_DOCUMENT)
    return Entry.objects.filter(pk__in=found.values("pk")).select_related("agency")


@dataclass(frozen=True)
class Coverage:
    """A policy document and where its interpretation stands."""

    entry: Entry
    due: date
    first_published_on: date | None  # of its first public interpretation

    @property
    def missing(self) -> bool:
        return self.first_published_on is None

    def overdue(self, today: date) -> bool:
        return self.missing and today > self.due

    @property
    def late(self) -> bool:
        return not self.missing and self.first_published_on > self.due


def coverage(documents: QuerySet[Entry], days_of, calendar: WorkingCalendar) -> list[Coverage]:
    """Every document with its due day (`days_of(agency)`: the promised working days) and
    the day its first interpretation was published."""
    first = {}
    public = Interpretation.objects.filter(entry__in=documents, state__in=[State.PUBLISHED])
    for entry_id, published_on in public.values_list("entry_id", "published_on"):
        if entry_id not in first or published_on < first[entry_id]:
            first[entry_id] = published_on
    rows = []
    for entry in documents.order_by("-published_on", "-id"):
        due = due_on(entry.published_on, days_of(entry.agency), calendar)
        rows.append(Coverage(entry, due, first.get(entry.pk)))
    return rows
