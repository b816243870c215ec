"""When each agency's annual report is due (条例第四十九条), and how far off that is.

县级以上人民政府部门 publish last year's report by 1月31日; the 政府信息公开工作主管部门 of a
县级以上地方人民政府 publishes the government's report by 3月31日. The 条例 sets no date for
乡镇 and other units; provinces have them report with the departments, by 1月31日, so that
the county can compile its own report in time.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Min

from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.annualreports.models import AnnualReport, ReportState

L = AgencyLevel
DUE_MONTH_DAY: dict[str, tuple[int, int]] = {
    L.STATE_COUNCIL_DEPARTMENT: (1, 31),
    L.PROVINCIAL_DEPARTMENT: (1, 31),
    L.MUNICIPAL_DEPARTMENT: (1, 31),
    L.COUNTY_DEPARTMENT: (1, 31),
    L.PROVINCIAL_GOVERNMENT: (3, 31),
    L.MUNICIPAL_GOVERNMENT: (3, 31),
    L.COUNTY_GOVERNMENT: (3, 31),
    L.TOWNSHIP: (1, 31),
    L.OTHER: (1, 31),
}
assert set(DUE_MONTH_DAY) == set(AgencyLevel.values), "every level needs a due date"

# Reminders go out this many days before the due date, and on every day after it.
REMINDER_DAYS = (30, 14, 7, 3, 1, 0)


def due_date(agency: Agency, year: int) -> date:
    """The last day to publish `agency`'s report on `year`."""
    month, day = DUE_MONTH_DAY[agency.level]
    return date(year + 1, month, day)


def report_year_on(today: date) -> int:
    """The year whose report is being prepared on `today`: always last year."""
    return today.year - 1


@dataclass(frozen=True)
class Countdown:
    agency: Agency
    year: int
    due_on: date
    published_on: date | None
    state: str  # the working copy's state, '' when nobody has started it

    def days_left(self, today: date) -> int:
        return (self.due_on - today).days

    @property
    def state_label(self) -> str:
        return str(ReportState(self.state).label) if self.state else ""

    @property
    def late(self) -> bool:
        """Published after its due date (a report not yet published is judged by days_left)."""
        return self.published_on is not None and self.published_on > self.due_on


def countdowns(agencies, year: int) -> list[Countdown]:
    """Each agency's report of `year`: its due date, its state and first publication."""
    reports = {
        r["agency_id"]: r
        for r in AnnualReport.objects.filter(agency__in=agencies, year=year)
        .values("agency_id", "state")
        .annotate(first_published=Min("versions__published_on"))
    }
    return [
        Countdown(
            agency=agency,
            year=year,
            due_on=due_date(agency, year),
            published_on=reports.get(agency.pk, {}).get("first_published"),
            state=reports.get(agency.pk, {}).get("state", ""),
        )
        for agency in agencies
    ]


@dataclass(frozen=True)
class YearSummary:
    """One report year on a staff member's workbench: what is published, what is still due."""

    year: int
    countdowns: list[Countdown]
    today: date

    @property
    def published(self) -> list[Countdown]:
        return [c for c in self.countdowns if c.published_on]

    @property
    def late(self) -> list[Countdown]:
        return [c for c in self.published if c.late]

    @property
    def due(self) -> list[tuple[Countdown, int]]:
        """Unpublished reports with their days left (negative: overdue), soonest first."""
        waiting = [(c, c.days_left(self.today)) for c in self.countdowns if not c.published_on]
        return sorted(waiting, key=lambda pair: pair[1])

    @property
    def compilable_from(self) -> date:
        return date(self.year + 1, 1, 1)


def workbench_years(agencies, today: date) -> list[YearSummary]:
    """Last year's reports (being prepared or published) and this year's (coming)."""
    return [
        YearSummary(year, countdowns(agencies, year), today)
        for year in (today.year - 1, today.year)
    ]
