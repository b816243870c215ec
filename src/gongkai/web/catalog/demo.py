"""Demo catalogue for the demo county: published entries under 第二十条 items, a late one,
one waiting for approval and a draft, with the approval chains the agencies use; and, first,
the county's previous 目录 imported from its old website (demo_legacy_catalogue.csv, with the
old 索引号, the 2024 and 2025 annual reports and normative documents of the registry)."""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from gongkai.web.agencies.models import Agency, User
from gongkai.web.catalog import services, workflow
from gongkai.web.catalog.legacy_import import import_legacy_catalog
from gongkai.web.catalog.models.entries import (
    ChannelPublication,
    Entry,
    FormCategory,
    SubjectCategory,
)


@dataclass(frozen=True)
class DemoEntry:
    agency: str  # short name
    title: str
    doc_no: str
    subject: str  # 主题分类
    form: str  # 体裁分类
    item: int  # 条例第二十条 item
    days_ago: int  # formed this many days ago
    stage: str  # draft, approval, published
    body: str
    disclosure: str = "proactive"  # as the 保密审查 decides: proactive or on_request


REVIEW_COMMENTS = {
    "proactive": "经审查，不涉及国家秘密、商业秘密和个人隐私。",
    "on_request": "经审查，载有被征收户的个人信息，列入目录，依申请公开。",
}


ENTRIES = [
    DemoEntry("县财政局", "青山县2026年县级预算公开", "青财预〔2026〕5号", "财政、金融、审计",
              "通知", 7, 40, "published",
              "经县十八届人大五次会议审议批准，现将2026年县级一般公共预算、"
              "政府性基金预算、国有资本经营预算和社会保险基金预算公开如下。"),
    DemoEntry("县财政局", "青山县财政局2025年部门决算", "", "财政、金融、审计", "其他", 7, 60,
              "published",
              "根据《中华人民共和国预算法》规定，现将青山县财政局2025年度部门决算公开如下："
              "收入总计1286.45万元，支出总计1279.02万元。"),
    DemoEntry("县财政局", "青山县2026年政府集中采购目录及标准", "青财采〔2026〕2号",
              "财政、金融、审计", "通知", 9, 75, "published",  # formed 75 days ago: late
              "为规范政府采购行为，现将2026年政府集中采购目录及采购限额标准印发给你们，"
              "请遵照执行。"),
    DemoEntry("县财政局", "关于调整县级行政事业性收费项目的通知", "青财税〔2026〕8号",
              "财政、金融、审计", "通知", 8, 12, "approval",
              "根据省财政厅、省发展改革委有关文件精神，决定取消和调整部分行政事业性收费项目。"),
    DemoEntry("县财政局", "2026年县级财政衔接推进乡村振兴补助资金分配方案", "",
              "民政、扶贫、救灾", "其他", 11, 3, "draft",
              "（草稿）根据上级下达资金和各乡镇申报情况，拟定分配方案如下。"),
    DemoEntry("县自然资源局", "东岭乡2026年第一批次城镇建设用地征收土地预公告",
              "青自然资预告〔2026〕1号", "国土资源、能源", "公告", 15, 30, "published",
              "因东岭乡城镇建设需要，拟征收东岭村集体土地12.36公顷，现将有关事项预公告如下。"),
    DemoEntry("县自然资源局", "东岭乡2025年度征地补偿安置协议档案", "", "国土资源、能源",
              "其他", 15, 25, "published",
              "东岭乡2025年度土地征收补偿安置协议共计86份，载明各被征收户的补偿金额和安置方式。",
              "on_request"),
    DemoEntry("县发改委", "青山县国民经济和社会发展第十五个五年规划纲要", "青府发〔2026〕3号",
              "国民经济管理、国有资产监管", "规划", 3, 50, "published",
              "本纲要根据《中共青山县委关于制定国民经济和社会发展第十五个五年规划的建议》"
              "编制，主要阐明全县发展战略意图。"),
    DemoEntry("青山镇", "青山镇2026年度农村低保对象名单公示", "", "民政、扶贫、救灾", "公告", 11,
              20, "published",
              "根据《社会救助暂行办法》，经入户调查、民主评议，"
              "现将2026年度农村最低生活保障对象名单予以公示。"),
]  # fmt: skip
# 县财政局's own staff take every step there; elsewhere the demo has no reviewer or head,
# so the platform superuser stands in.
STAFF = {"县财政局": {"clerk": "zhangwei", "reviewer": "wangfang", "head": "liuyang"}}
STAND_IN = {"clerk": "admin", "reviewer": "admin", "head": "admin"}


LEGACY_FILE = Path(__file__).with_name("demo_legacy_catalogue.csv")


def load_demo_catalog() -> int:
    load_legacy_catalogue()
    today = timezone.localdate()
    for demo in ENTRIES:
        if Entry.objects.filter(title=demo.title).exists():
            continue
        agency = Agency.objects.get(short_name=demo.agency)
        services.ensure_chain(agency)
        staff = {role: User.objects.get(username=name)
                 for role, name in STAFF.get(demo.agency, STAND_IN).items()}  # fmt: skip
        entry = services.create_draft(
            agency, staff["clerk"], title=demo.title, doc_no=demo.doc_no, body=demo.body,
            article20_item=demo.item, generated_on=today - timedelta(demo.days_ago),
            summary=demo.body[:60],
            subject=SubjectCategory.objects.filter(name=demo.subject).first(),
            form=FormCategory.objects.filter(name=demo.form).first(),
        )  # fmt: skip
        advance(entry, demo, today, staff)
    return Entry.objects.count()


def advance(entry: Entry, demo: DemoEntry, today, staff: dict) -> None:
    if demo.stage == "draft":
        return
    workflow.perform(entry, "submit", staff["clerk"])
    workflow.perform(entry, "review", staff["reviewer"], passed=True,
                     disclosure_mode=demo.disclosure,
                     comment=REVIEW_COMMENTS[demo.disclosure])  # fmt: skip
    if demo.stage == "approval":
        return
    for step in workflow.chain(entry):
        workflow.perform(entry, "approve", staff[step.role])
    ChannelPublication.objects.create(entry=entry, channel="wechat", published_on=today,
                                      reference="“青山发布”微信公众号")  # fmt: skip


def load_legacy_catalogue() -> None:
    """What the county published on its old website, imported as an agency would (once)."""
    if Entry.objects.filter(index_imported=True).exists():
        return
    county = Agency.objects.get(parent=None, short_name="县政府")
    result = import_legacy_catalog(LEGACY_FILE.read_bytes(), LEGACY_FILE.name, county)
    if not result.ok:
        raise ValueError("; ".join(str(error) for error in result.errors))
