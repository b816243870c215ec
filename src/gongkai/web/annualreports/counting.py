"""Which applications a report year counts, and where: the windows of section 三.

An application is *received* on its first receipt date (a 补正 restarts the clock under
第三十条 but does not make the application new again) and *answered* on the day it was
decided, or closed without a decision (abandoned, withdrawn). For a report year:

- 一、本年新收 — first received in the year;
- 二、上年结转 — received before the year and not answered before it (open on 1 January);
- 三、each result row — answered in the year with that outcome;
- 四、结转下年度继续办理 — received by 31 December and not answered by then (open then).

Every application received by 31 December and not answered before 1 January is in exactly one
of 一/二 and exactly one of 三/四, so 一 + 二 = 三's 总计 + 四 in every column (rule B3-1).
The same conditions count the cells and list the applications behind a cell (drill-down).
"""

from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce

from gongkai.report.compiler import APPLICANT_KINDS, WINDOWS, ApplicationCounts, outcome_row
from gongkai.report.formats import generation_for_year
from gongkai.statute.outcomes import OUTCOMES
from gongkai.web.applications.models import Application

ANSWERED_ON = Coalesce(F("decided_on"), F("closed_on"))


def window(name: str, year: int) -> Q:
    """The applications of one window (new, carried, answered, carry_forward) of `year`."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    open_at_start = Q(answered_on__isnull=True) | Q(answered_on__gte=first)
    open_at_end = Q(answered_on__isnull=True) | Q(answered_on__gt=last)
    return {
        "new": Q(first_received_on__range=(first, last)),
        "carried": Q(first_received_on__lt=first) & open_at_start,
        "answered": Q(answered_on__range=(first, last)),
        "carry_forward": Q(first_received_on__lte=last) & open_at_end,
    }[name]


def in_report_year(applications: QuerySet[Application], year: int) -> QuerySet[Application]:
    """The applications a report of `year` counts at all, with their answer date."""
    counted = Q(first_received_on__lte=date(year, 12, 31)) & (
        Q(answered_on__isnull=True) | Q(answered_on__gte=date(year, 1, 1))
    )
    return applications.alias(answered_on=ANSWERED_ON).filter(counted)


def application_counts(applications: QuerySet[Application], year: int) -> ApplicationCounts:
    """Section 三's counts for `year` in one grouped query (by applicant kind and outcome)."""
    rows = (
        in_report_year(applications, year)
        .order_by()
        .values("applicant_type", "outcome")
        .annotate(
            new=Count("pk", filter=window("new", year)),
            carried=Count("pk", filter=window("carried", year)),
            answered=Count("pk", filter=window("answered", year)),
            carry_forward=Count("pk", filter=window("carry_forward", year)),
        )
    )
    by_row: dict[tuple[str, str], int] = {}
    for row in rows:
        kind = row["applicant_type"]
        for name in WINDOWS:
            by_row[name, kind] = by_row.get((name, kind), 0) + row[name]
        if row["answered"]:
            by_row[row["outcome"], kind] = by_row.get((row["outcome"], kind), 0) + row["answered"]
    return ApplicationCounts(by_row)


def cell_applications(
    applications: QuerySet[Application], key: str, year: int
) -> QuerySet[Application]:
    """The applications an s3 cell counts (s3.<row>.<column>), for drill-down."""
    row, column = _row_and_column(key)
    found = in_report_year(applications, year)
    if column != "total":
        found = found.filter(applicant_type=column)
    if row in WINDOWS:
        return found.filter(window(row, year))
    found = found.filter(window("answered", year))
    if row == "total":
        return found
    generation = generation_for_year(year).code
    outcomes = [key for key in OUTCOMES if outcome_row(key, generation) == row]
    return found.filter(outcome__in=outcomes)


def _row_and_column(key: str) -> tuple[str, str]:
    """s3.withheld.state_secret.natural → ("withheld.state_secret", "natural")."""
    body = key.removeprefix("s3.")
    row, _, column = body.rpartition(".")
    if column not in (*APPLICANT_KINDS, "total") or not row:
        raise KeyError(f"not a cell of section 三: {key}")
    return row, column
