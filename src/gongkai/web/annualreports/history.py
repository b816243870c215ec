"""An agency's reports of past years, as the cross-year rules and comparisons read them.

The report of a year is its latest published version — compiled here, or imported from the
document the agency published before it used the platform.
"""

from gongkai.report import Report
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.models import ReportVersion


def version_of_year(agency: Agency, year: int) -> ReportVersion | None:
    return (
        ReportVersion.objects.filter(report__agency=agency, report__year=year)
        .order_by("-number")
        .first()
    )


def report_of_year(agency: Agency, year: int) -> Report | None:
    version = version_of_year(agency, year)
    return version.as_report() if version else None
