"""The prose of sections 一, 五 and 六, prefilled with what the records show.

Staff rewrite it freely; what the platform suggests is a starting point that already states
every figure it can count (条例第五十条), and marks with 【请填写…】 what only people know.
A report cannot be submitted while such a mark is left (workflow.py). The paragraphs are data:
each is a template, and the condition under which it is said.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date

from django.db.models import Count, F, Q, Sum

from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.annualreports.counting import in_report_year, window
from gongkai.web.applications.models import HAS_FEE, Application
from gongkai.web.catalog.models.entries import ChannelPublication, Entry, EntryState
from gongkai.web.interpretations.counting import YearCounts, year_counts
from gongkai.web.mailbox.counting import narrative_facts as mailbox_facts

TO_FILL = "【请填写"  # the mark of a passage only people can write

# 条例第五十条第（四）项: 各级人民政府 also report 工作考核、社会评议和责任追究结果.
GOVERNMENT_LEVELS = frozenset(
    {
        AgencyLevel.PROVINCIAL_GOVERNMENT,
        AgencyLevel.MUNICIPAL_GOVERNMENT,
        AgencyLevel.COUNTY_GOVERNMENT,
        AgencyLevel.TOWNSHIP,
    }
)


@dataclass(frozen=True)
class Facts:
    """What the records say about the year, beyond the statutory tables."""

    published: int = 0  # catalogue entries made public in the year
    article20: int = 0  # of which 第二十条 items
    late: int = 0  # published later than 第二十六条's 20 working days
    channel_posts: int = 0  # publications on other channels (微信, 微博 …)
    answered_on_time: int = 0
    answered_late: int = 0
    fee_notices: int = 0  # 收费通知 sent in the year
    fees_billed: int = 0  # 元
    fees_collected: int = 0  # 元
    # 回应解读 (interpretations/counting.py): 解读稿件, 新闻发布会, 在线访谈, 回应关切
    interpretations: int = 0
    press_conferences: int = 0
    press_conferences_by_head: int = 0
    online_interviews: int = 0
    online_interviews_by_head: int = 0
    responses: int = 0
    # 政民互动 (mailbox/counting.py): questions received, answered (on time), published, converted
    mailbox_received: int = 0
    mailbox_answered: int = 0
    mailbox_on_time: int = 0
    mailbox_published: int = 0
    mailbox_converted: int = 0
    mailbox_subjects: str = ""  # the received ones by subject, as a phrase
    cells: dict | None = None

    def cell(self, key: str) -> int:
        return int((self.cells or {}).get(key) or 0)


def gather_facts(agency: Agency, year: int, cells: dict) -> Facts:
    first, last = date(year, 1, 1), date(year, 12, 31)
    # Every state: an entry counts if it was published in the year, withdrawn since or not.
    # Naming them lets the database find the year in the (agency, state, published_on) index
    # instead of reading every entry of the agency (bench/bench_annual.py).
    entries = Entry.objects.filter(
        agency=agency, state__in=EntryState.values, published_on__range=(first, last)
    )
    published = entries.aggregate(
        total=Count("pk"),
        article20=Count("pk", filter=Q(article20_item__gt=0)),
        late=Count("pk", filter=Q(late_working_days__gt=0)),
    )
    posts = ChannelPublication.objects.filter(
        entry__agency=agency, published_on__range=(first, last)
    ).count()
    applications = Application.objects.filter(agency=agency)
    answered = (
        in_report_year(applications, year)
        .filter(window("answered", year))
        .aggregate(
            on_time=Count("pk", filter=Q(answered_on__lte=F("due_on"))),
            late=Count("pk", filter=Q(answered_on__gt=F("due_on"))),
        )
    )
    fees = fee_facts(applications, first, last)
    responding = asdict(year_counts(agency, year))
    return Facts(
        published=published["total"],
        article20=published["article20"],
        late=published["late"],
        channel_posts=posts,
        answered_on_time=answered["on_time"],
        answered_late=answered["late"],
        cells=dict(cells),
        **fees,
        **responding,
        **mailbox_facts(agency, year),
    )


def fee_facts(applications, first: date, last: date) -> dict[str, int]:
    """信息处理费 (国办函〔2020〕109号): notices sent, amount billed and collected, in 元.

    Only applications with a fee can count, and those are what the fees index holds: naming
    them reads a few rows rather than every application of the agency."""
    figures = applications.filter(HAS_FEE).aggregate(
        notices=Count("pk", filter=Q(fee_notice_on__range=(first, last))),
        billed=Sum("fee_amount", filter=Q(fee_notice_on__range=(first, last))),
        collected=Sum("fee_amount", filter=Q(fee_paid_on__range=(first, last))),
    )
    return {
        "fee_notices": figures["notices"],
        "fees_billed": figures["billed"] or 0,
        "fees_collected": figures["collected"] or 0,
    }


@dataclass(frozen=True)
class Paragraph:
    section: str  # the numeral
    text: str  # a template over Facts' fields and the s3/s2/s4 totals below
    when: Callable[[Agency, Facts], bool] = lambda agency, facts: True


def is_government(agency: Agency, facts: Facts) -> bool:
    return agency.level in GOVERNMENT_LEVELS


PARAGRAPHS: tuple[Paragraph, ...] = (
    Paragraph(
        "一",
        "{year}年，{agency}严格执行《中华人民共和国政府信息公开条例》，"
        "全面做好主动公开和依申请公开工作。",
    ),
    Paragraph(
        "一",
        "（一）主动公开。全年通过政府信息公开目录主动公开政府信息{published}条，"
        "其中条例第二十条规定的法定主动公开内容{article20}条；通过政务新媒体等其他渠道"
        "发布{channel_posts}条次。",
    ),
    Paragraph(
        "一",
        "本年制发行政规范性文件{normative_issued}件，废止{normative_repealed}件，"
        "现行有效{normative_in_force}件。",
        lambda agency, facts: "s2.normative.in_force" in (facts.cells or {}),
    ),
    Paragraph(
        "一",
        "本年新制作规范性文件{normative_made}件，新公开{normative_published}件，"
        "对外公开总数{normative_public_total}件。",
        lambda agency, facts: "s2.normative.public_total" in (facts.cells or {}),
    ),
    Paragraph(
        "一",
        "全年发布政策解读稿件{interpretations}篇；举办新闻发布会{press_conferences}次，"
        "其中主要负责同志参加{press_conferences_by_head}次；开展在线访谈{online_interviews}次，"
        "其中主要负责同志参加{online_interviews_by_head}次；回应社会关切{responses}次。",
        lambda agency, facts: any_response(facts),
    ),
    Paragraph(
        "一",
        "全年通过政民互动信箱收到群众留言{mailbox_received}件{mailbox_subjects}，"
        "答复{mailbox_answered}件，其中在承诺时限内答复{mailbox_on_time}件；经留言人同意"
        "公开答复{mailbox_published}件；转为政府信息公开申请办理{mailbox_converted}件。",
        lambda agency, facts: bool(facts.mailbox_received or facts.mailbox_answered),
    ),
    Paragraph(
        "一",
        "全年有{late}条政府信息未在形成或者变更之日起20个工作日内公开（条例第二十六条）。",
        lambda agency, facts: facts.late > 0,
    ),
    Paragraph(
        "一",
        "（二）依申请公开。全年新收政府信息公开申请{new}件，上年结转{carried}件；"
        "办结{answered}件，其中予以公开{granted}件、部分公开{partial}件，"
        "在法定期限内答复{answered_on_time}件；结转下年度继续办理{carry_forward}件。"
        "全年被申请行政复议{reviews}件、被提起行政诉讼{lawsuits}件。",
    ),
    Paragraph("一", "（三）政府信息管理。【请填写：信息发布审查、动态更新等情况】"),
    Paragraph("一", "（四）平台建设。【请填写：政府网站信息公开专栏、政务新媒体等建设情况】"),
    Paragraph("一", "（五）监督保障。【请填写：制度建设、培训、监督考核等情况】"),
    Paragraph(
        "一",
        "工作考核、社会评议和责任追究结果情况：【请填写：条例第五十条要求各级人民政府报告】",
        is_government,
    ),
    Paragraph("五", "【请填写：本年度工作存在的主要问题及改进措施，以及上年度问题的改进情况】"),
    Paragraph(
        "五",
        "全年有{answered_late}件政府信息公开申请未在法定期限内答复，"
        "被行政复议、行政诉讼纠正{corrected}件。",
        lambda agency, facts: facts.answered_late > 0 or _corrected(facts) > 0,
    ),
    Paragraph(
        "六",
        "本年度共发出信息处理费收费通知{fee_notices}件，应收信息处理费{fees_billed}元，"
        "实收{fees_collected}元（《政府信息公开信息处理费管理办法》）。",
    ),
    Paragraph("六", "【请填写：其他需要报告的事项；没有的，写“无”】"),
)


def any_response(facts: Facts) -> bool:
    """Said when the records hold any 回应解读 of the year: an agency that keeps none here
    is not made to report zero."""
    return any(getattr(facts, name) for name in YearCounts.__dataclass_fields__)


def _corrected(facts: Facts) -> int:
    return sum(facts.cell(f"s4.{row}.corrected") for row in ("review", "direct", "after_review"))


def values(agency: Agency, year: int, facts: Facts) -> dict[str, object]:
    return {
        "year": year,
        "agency": agency.name,
        **{name: getattr(facts, name) for name in Facts.__dataclass_fields__ if name != "cells"},
        "new": facts.cell("s3.new.total"),
        "carried": facts.cell("s3.carried.total"),
        "answered": facts.cell("s3.total.total"),
        "granted": facts.cell("s3.granted.total"),
        "partial": facts.cell("s3.partial.total"),
        "carry_forward": facts.cell("s3.carry_forward.total"),
        "reviews": facts.cell("s4.review.total"),
        "lawsuits": facts.cell("s4.direct.total") + facts.cell("s4.after_review.total"),
        "corrected": _corrected(facts),
        **{
            f"normative_{column}": facts.cell(f"s2.normative.{column}")
            for column in ("issued", "repealed", "in_force", "made", "published", "public_total")
        },
    }


def suggested_sections(agency: Agency, year: int, facts: Facts) -> dict[str, str]:
    """Sections 一, 五 and 六 as the platform would write them, one paragraph a line."""
    fields = values(agency, year, facts)
    sections: dict[str, list[str]] = {}
    for paragraph in PARAGRAPHS:
        if paragraph.when(agency, facts):
            sections.setdefault(paragraph.section, []).append(paragraph.text.format(**fields))
    return {numeral: "\n".join(lines) for numeral, lines in sections.items()}


def unfinished_sections(sections: dict[str, str]) -> list[str]:
    """The numerals of sections that still hold a 【请填写…】 mark."""
    return [numeral for numeral, text in sorted(sections.items()) if TO_FILL in (text or "")]
