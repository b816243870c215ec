"""Why this year's report and last year's disagree, said in plain Chinese.

On the platform's own records the cross-year rules hold by construction: 上年结转 counts the
applications open on 1 January, which are exactly those last year's 结转下年度 counted open on
31 December; 现行有效 rolls over from the registry. So when a cross-year rule fails, the
cause is either that last year's report did not come from these records (it was imported, or
typed in from the published table), or that records of last year changed after it was
published — an application registered late, an answer recorded with an earlier date, a
document entered late. This module finds which, and names the records.
"""

from dataclasses import dataclass
from datetime import date

from gongkai.report import Finding
from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.counting import in_report_year, window
from gongkai.web.annualreports.models import Origin, ReportVersion
from gongkai.web.applications.models import Application
from gongkai.web.catalog.models.registry import NormativeDocument

CROSS_YEAR_RULES = frozenset({"B3-5", "C2-1", "C2-2"})
ANSWERING = ("decide", "abandon_correction", "abandon_payment", "withdraw")
LISTED = 10  # records named in a sentence; the drill-down lists them all


@dataclass(frozen=True)
class Explanation:
    finding: Finding
    lines: list[str]


def explain_cross_year(
    agency: Agency, year: int, findings: list[Finding], previous: ReportVersion | None
) -> list[Explanation]:
    """An explanation for each violated cross-year finding of `agency`'s report on `year`."""
    if previous is None:
        return []
    by_rule: dict[str, list[str]] = {}  # a rule fails per column; its causes are the same
    explained = []
    for finding in findings:
        if finding.rule in CROSS_YEAR_RULES and finding.outcome == "violated":
            if finding.rule not in by_rule:
                by_rule[finding.rule] = reasons(agency, year, finding, previous)
            explained.append(Explanation(finding, by_rule[finding.rule]))
    return explained


def reasons(agency: Agency, year: int, finding: Finding, previous: ReportVersion) -> list[str]:
    origin = previous.report.origin
    if origin in (Origin.IMPORTED, Origin.TYPED):
        source = f"（{previous.source_name}）" if previous.source_name else ""
        return [
            f"{year - 1}年度报告是导入的已发布报告{source}，其数字不是由本平台记录统计的；"
            f"本年度报告按本平台记录统计。差异反映平台启用前的记录与当年公布的数字不一致，"
            f"宜在第六部分“其他需要报告的事项”中说明。"
        ]
    since = previous.published_at
    day = previous.published_on
    if finding.rule == "B3-5":
        lines = late_applications(agency, year, since, day)
    else:
        lines = late_documents(agency, year, since, day)
    return lines or [
        f"{year - 1}年度报告发布（{chinese_date(day)}）后，有关记录发生了变化；"
        f"可点开本年数字查看现在统计的记录，与{year - 1}年度报告对照。"
    ]


def late_applications(agency: Agency, year: int, since, day: date) -> list[str]:
    applications = Application.objects.filter(agency=agency)
    last_year = in_report_year(applications, year - 1)
    registered = last_year.filter(submitted_at__gt=since).order_by("number")
    answered = (
        last_year.filter(window("answered", year - 1))
        .filter(events__action__in=ANSWERING, events__at__gt=since)
        .distinct()
        .order_by("number")
    )
    lines = []
    if registered:
        lines.append(
            f"{year - 1}年度报告发布（{chinese_date(day)}）后补录的{year - 1}年申请"
            f"{registered.count()}件：{numbers(registered)}"
        )
    if answered:
        lines.append(
            f"{year - 1}年度报告发布后才补记在{year - 1}年内办结的申请{answered.count()}件："
            f"{numbers(answered)}"
        )
    return lines


def late_documents(agency: Agency, year: int, since, day: date) -> list[str]:
    late = NormativeDocument.objects.filter(
        agency=agency, created_at__gt=since, issued_on__lte=date(year - 1, 12, 31)
    ).order_by("issued_on")
    if not late:
        return []
    titles = "、".join(f"《{d.title}》" for d in late[:LISTED])
    return [
        f"{year - 1}年度报告发布（{chinese_date(day)}）后补录的{year - 1}年及以前制发的"
        f"文件{late.count()}件：{titles}"
    ]


def numbers(applications) -> str:
    listed = "、".join(a.number for a in applications[:LISTED])
    more = applications.count() - LISTED
    return listed + (f"等（另{more}件）" if more > 0 else "")


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
