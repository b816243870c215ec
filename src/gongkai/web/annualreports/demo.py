"""The demo county's annual reports: its 2024 report as the old website published it, imported;
and the 2025 reports, compiled from the demo year and published.

Each department and town compiles its report from its records, writes what the platform asks
of people (【请填写…】), submits it and has it approved — in January 2026, except 东岭乡,
which published late, on 9 February. The county government's report combines its own records
with all of theirs and was published on 20 March (第四十九条: 3月31日). Loading is idempotent.
"""

import re
from datetime import date
from pathlib import Path

from gongkai.web.agencies.models import Agency, User
from gongkai.web.annualreports import workflow
from gongkai.web.annualreports.imports import draft_from_document, store
from gongkai.web.annualreports.models import AnnualReport

YEAR = 2025

# (agency short name, who compiles and submits, who approves, published on)
SCHEDULE = [
    ("县发改委", "admin", "admin", date(2026, 1, 22)),
    ("县财政局", "zhangwei", "liuyang", date(2026, 1, 20)),
    ("县自然资源局", "zhaolei", "admin", date(2026, 1, 28)),
    ("青山镇", "sunli", "admin", date(2026, 1, 26)),
    ("东岭乡", "admin", "admin", date(2026, 2, 9)),
]
COMBINED = ("县政府", "lina", "admin", date(2026, 3, 20))

# The county's 2024 report as its old website published it (on 2025-01-22; the demo
# catalogue imports its 目录 entry), read by the parser like any imported document.
LAST_YEAR = Path(__file__).with_name("demo_2024_county_report.html")
LAST_YEAR_PUBLISHED_ON = date(2025, 1, 22)

# What staff wrote where the platform asked, by the first words of the request.
WRITTEN = {
    "信息发布审查": "严格执行信息发布“先审后发”制度，全年对拟公开信息逐条开展保密审查，"
    "对目录中已失效、废止的文件及时标注，做到目录动态更新。",
    "政府网站信息公开专栏": "依托县政府门户网站政府信息公开专栏统一发布信息，"
    "同步通过“青山发布”微信公众号推送重要政策文件，专栏栏目设置符合标准化规范化要求。",
    "制度建设": "明确一名分管领导负责政府信息公开工作，将政务公开纳入年度绩效考核，"
    "全年组织业务培训2次，未发生因政府信息公开工作引发的责任追究。",
    "条例第五十条": "县政府将政务公开工作纳入全县综合考核，对各部门、乡镇开展年度考核；"
    "通过政府网站开展社会评议，群众满意度为96.3%；本年度未发生责任追究情况。",
    "本年度工作存在的主要问题": "存在的主要问题：部分信息发布不够及时，政策解读形式较为单一。"
    "改进措施：严格落实20个工作日内公开的要求，增加图文解读和新闻发布会等解读形式。"
    "上年度提出的依申请公开答复文书不够规范的问题，已通过统一使用平台文书模板加以改进。",
    "其他需要报告的事项": "无其他需要报告的事项。",
}
ASK = re.compile(r"【请填写：([^】]*)】")


def written(text: str) -> str:
    """The section with each 【请填写…】 replaced by what the demo's staff wrote."""

    def answer(match: re.Match) -> str:
        request = match.group(1)
        return next((text for start, text in WRITTEN.items() if start in request), "无。")

    return ASK.sub(answer, text)


def publish(agency: Agency, clerk: str, head: str, on: date, combined: bool = False) -> None:
    if AnnualReport.objects.filter(agency=agency, year=YEAR, versions__isnull=False).exists():
        return
    clerk_user, head_user = (User.objects.get(username=name) for name in (clerk, head))
    report = workflow.start(agency, YEAR, clerk_user, combined=combined)
    if report.state == "draft":
        sections = {n: written(t) for n, t in report.sections.items()}
        workflow.perform(report, "edit", clerk_user, sections=sections)
        workflow.perform(report, "submit", clerk_user)
    workflow.perform(report, "approve", head_user, on=on)


def import_last_year() -> None:
    county = Agency.objects.get(short_name="县政府")
    draft = draft_from_document(
        county, LAST_YEAR.read_bytes(), "青山县人民政府2024年政府信息公开工作年度报告.html",
        year=YEAR - 1, published_on=LAST_YEAR_PUBLISHED_ON,
    )  # fmt: skip
    store(draft, User.objects.get(username="lina"))  # a second time changes nothing


def load_demo_reports() -> int:
    """Import last year's report and publish the demo year's reports that are missing;
    returns how many of the demo year's are published."""
    import_last_year()
    for short_name, clerk, head, on in SCHEDULE:
        publish(Agency.objects.get(short_name=short_name), clerk, head, on)
    short_name, clerk, head, on = COMBINED
    publish(Agency.objects.get(short_name=short_name), clerk, head, on, combined=True)
    return AnnualReport.objects.filter(year=YEAR, versions__isnull=False).distinct().count()
