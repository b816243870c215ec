"""Demo 政策解读 and 回应关切 for the demo county: a written and an illustrated interpretation,
a 新闻发布会 with 县财政局's principal leader, an 在线访谈 on the 十五五 plan, a response to a
concern over land compensation, one policy document still waiting for its interpretation, and
a video, and a 2025 press conference that the 2025 annual report's section 一 states.

Runs after the demo catalogue (catalog/demo.py), before the annual reports. Idempotent: a
record whose title exists is skipped."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from gongkai.web.agencies.models import Agency, User
from gongkai.web.catalog import services
from gongkai.web.catalog.demo import STAFF, STAND_IN, DemoEntry, advance
from gongkai.web.catalog.models.entries import Entry, FormCategory, SubjectCategory
from gongkai.web.interpretations import workflow
from gongkai.web.interpretations.models import EVENTS, Interpretation, Kind

INFOGRAPHIC = Path(__file__).with_name("demo_budget_infographic.png")

# A 行政规范性文件 published today with no interpretation yet: the staff page lists it.
WAITING = DemoEntry(
    "县财政局", "青山县财政局关于印发《青山县县级财政专项资金管理办法》的通知",
    "青财发〔2026〕6号", "财政、金融、审计", "行政规范性文件", 1, 15, "published",
    "为规范县级财政专项资金管理，提高资金使用效益，根据《中华人民共和国预算法》等规定，"
    "制定本办法。专项资金实行目录清单管理，设立、分配、使用、绩效评价和监督检查适用本办法。",
)  # fmt: skip


@dataclass(frozen=True)
class DemoRecord:
    agency: str  # short name
    kind: str
    title: str
    body: str
    document: str = ""  # the title of the entry interpreted; "" for a response
    concern: str = ""
    speakers: str = ""
    head_took_part: bool = False
    held_on: date | None = None  # events; None: today
    published_on: date | None = None  # None: today
    extra: dict = field(default_factory=dict)


PLAN = "青山县国民经济和社会发展第十五个五年规划纲要"
RECORDS = [
    DemoRecord("县发改委", Kind.TEXT, "《青山县国民经济和社会发展第十五个五年规划纲要》解读",
               "一、编制背景\n“十五五”时期是青山县全面建设社会主义现代化县的关键时期。纲要根据"
               "县委建议编制，经县人大审议批准。\n二、主要目标\n到2030年，地区生产总值年均增长"
               "6%左右，城乡居民人均可支配收入增长与经济增长基本同步。\n三、重点任务\n纲要部署"
               "产业升级、城乡融合、生态保护和民生保障四个方面共二十项重点任务。",
               document=PLAN),
    DemoRecord("县财政局", Kind.GRAPHIC, "一图读懂青山县2026年县级预算",
               "县级一般公共预算收入18.62亿元，同口径增长5.0%；一般公共预算支出42.35亿元，"
               "其中民生支出占比81.3%。图解见上。", document="青山县2026年县级预算公开"),
    DemoRecord("县财政局", Kind.PRESS_CONFERENCE,
               "《青山县2026年政府集中采购目录及标准》新闻发布会",
               "县财政局党组书记、局长介绍了2026年政府集中采购目录的主要变化：分散采购限额标准"
               "由50万元提高到100万元，政府采购工程公开招标数额标准为400万元。随后回答了记者"
               "关于中小企业预留份额的提问。",
               document="青山县2026年政府集中采购目录及标准",
               speakers="县财政局党组书记、局长；县财政局政府采购股股长", head_took_part=True),
    DemoRecord("县发改委", Kind.ONLINE_INTERVIEW, "“十五五”开好局 青山怎么干——县发改委负责同志"
               "做客政府网站在线访谈",
               "访谈围绕“十五五”规划纲要的主要目标和重大项目展开，在线回答网民提问36个，"
               "内容涉及城乡公交一体化、县城供水管网改造和农村养老服务设施建设。",
               document=PLAN, speakers="县发改委副主任"),
    DemoRecord("县自然资源局", Kind.VIDEO, "视频解读：三分钟看懂东岭乡征收土地预公告",
               "视频介绍了征收土地预公告的作用、征收范围和补偿安置的后续程序：预公告发布后，"
               "县自然资源局将开展土地现状调查和社会稳定风险评估，并公告补偿安置方案。",
               document="东岭乡2026年第一批次城镇建设用地征收土地预公告",
               extra={"video_url": "https://www.qingshan.gov.cn/video/2026/dlx-zdygg.html"}),
    DemoRecord("县自然资源局", Kind.TEXT, "关于东岭乡城镇建设用地征收补偿有关问题的回应",
               "近日，有群众通过政务服务热线反映东岭乡土地征收补偿标准问题。经核实，本批次征收"
               "执行省政府公布的区片综合地价，补偿安置方案将在征地预公告期满后公示，"
               "被征收户可在公示期内申请听证。",
               concern="东岭乡城镇建设用地征收补偿标准"),
    DemoRecord("县财政局", Kind.PRESS_CONFERENCE, "惠民惠农财政补贴资金“一卡通”发放工作新闻发布会",
               "县财政局局长通报全县惠民惠农补贴资金“一卡通”发放情况：全年通过“一卡通”发放"
               "补贴资金2.36亿元，涉及补贴项目31项，并回应了群众关心的到账时间和查询方式问题。",
               concern="惠民惠农补贴资金发放", speakers="县财政局党组书记、局长",
               head_took_part=True, held_on=date(2025, 9, 18), published_on=date(2025, 9, 18)),
]  # fmt: skip


def load_demo_interpretations() -> int:
    add_waiting_document()
    for record in RECORDS:
        if not Interpretation.objects.filter(title=record.title).exists():
            create_record(record)
    return Interpretation.objects.count()


def add_waiting_document() -> None:
    if Entry.objects.filter(title=WAITING.title).exists():
        return
    agency = Agency.objects.get(short_name=WAITING.agency)
    staff = {role: User.objects.get(username=name)
             for role, name in STAFF.get(WAITING.agency, STAND_IN).items()}  # fmt: skip
    today = timezone.localdate()
    services.ensure_chain(agency)
    entry = services.create_draft(
        agency, staff["clerk"], title=WAITING.title, doc_no=WAITING.doc_no, body=WAITING.body,
        article20_item=WAITING.item, generated_on=today - timedelta(WAITING.days_ago),
        summary=WAITING.body[:60], subject=SubjectCategory.objects.filter(name=WAITING.subject)
        .first(), form=FormCategory.objects.filter(name=WAITING.form).first(),
    )  # fmt: skip
    advance(entry, WAITING, today, staff)


def create_record(record: DemoRecord) -> Interpretation:
    agency = Agency.objects.get(short_name=record.agency)
    staff = STAFF.get(record.agency, STAND_IN)
    clerk, reviewer = (User.objects.get(username=staff[role]) for role in ("clerk", "reviewer"))
    entry = Entry.objects.filter(title=record.document, state="published").first()
    if record.document and entry is None:
        raise ValueError(f"the demo catalogue has no published {record.document}")
    today = timezone.localdate()
    held_on = (record.held_on or today) if record.kind in EVENTS else None
    fields = {"kind": record.kind, "title": record.title, "body": record.body,
              "concern": record.concern, "speakers": record.speakers,
              "head_took_part": record.head_took_part, "held_on": held_on}  # fmt: skip
    fields |= record.extra
    if record.kind == Kind.GRAPHIC:
        fields["image"] = ContentFile(INFOGRAPHIC.read_bytes(), name="一图读懂2026年县级预算.png")
    interpretation = workflow.create(agency, clerk, entry=entry, **fields)
    return workflow.publish(interpretation, reviewer, on=record.published_on or today)
