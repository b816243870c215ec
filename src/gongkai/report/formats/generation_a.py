"""Generation A: the pre-2019 statistics table (国办发〔2014〕32号 style), reporting years to 2018.

Spec: statute-and-formats.md §1. The national attachment was never retrieved; the table is
rebuilt from seeds 000, 001 and 003 (§1.1), so this is the 2014 base plus the rows that local
variants add (§1.2), tagged with the variant that adds them. The table is a list
`统计指标 | 单位 | 统计数`: each row has its own unit, and the cell key is the row key. Each
top-level block (一 … 九) is one table here, so a report that prints only some blocks (seed
004) still maps cleanly.
"""

from gongkai.report.formats.schema import Column, Generation, Kind, Role, Row, Section, Table

SHANDONG = "shandong_2018"
HEILONGJIANG = "heilongjiang_2016"
NINGXIA = "ningxia_2016"

VARIANTS = {
    SHANDONG: "山东 淄博 2018 (seed 001): no 政府公报 row, 5.其他形式, 被举报投诉 with outcomes, "
    "七 向图书馆、档案馆报送, 查阅点接待人数; no 收取的费用 row",
    HEILONGJIANG: "黑龙江 2016 (seeds 000, 004): 五公开 and 重点领域 blocks (kept in `extra`), "
    "建议提案, fees under 五.(四), 平台/制度/基础建设 block",
    NINGXIA: "宁夏 2016 (seed 003): the 2014 base plus a free-text 三.(四)",
}

VALUE_COLUMN = Column(None, "统计数")
STUB_HEADER = "统计指标"


def row(
    key: str,
    label: str,
    unit: str,
    *children: Row,
    kind: Kind = Kind.INT,
    variants: tuple[str, ...] = (),
) -> Row:
    return Row(label, key=key, unit=unit, kind=kind, variants=variants, children=children)


def sub(key: str, label: str, unit: str, variants: tuple[str, ...] = ()) -> Row:
    """A 其中 row: a part of its parent, not a sibling."""
    return Row(label, key=key, unit=unit, sub_item=True, variants=variants)


def heading(label: str, *children: Row, variants: tuple[str, ...] = ()) -> Row:
    return Row(label, role=Role.HEADING, variants=variants, children=children)


def block(key: str, top: Row) -> Table:
    return Table(key=key, caption="", columns=(VALUE_COLUMN,), rows=(top,), stub_header=STUB_HEADER)


PROACTIVE = heading(
    "一、主动公开情况",
    row(
        "proactive.total",
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
        "条",
        sub("proactive.normative_published", "其中：主动公开规范性文件数", "件"),
        row("proactive.normative_issued", "制发规范性文件总数", "件"),
    ),
    # A heading in the national table (`—`); 宁夏 prints the channel sum here (§1.2).
    Row(
        "（二）通过不同渠道和方式公开政府信息的情况",
        key="proactive.channels",
        role=Role.HEADING,
        unit="条",
        children=(
            row("proactive.via_gazette", "1.政府公报公开政府信息数", "条"),
            row("proactive.via_website", "2.政府网站公开政府信息数", "条"),
            row("proactive.via_weibo", "3.政务微博公开政府信息数", "条"),
            row("proactive.via_wechat", "4.政务微信公开政府信息数", "条"),
            row("proactive.via_other", "5.其他方式公开政府信息数", "条"),
        ),
    ),
)

RESPONSE = heading(
    "二、回应解读情况",
    row(
        "response.hotspots",
        "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
        "次",
    ),
    heading(
        "（二）通过不同渠道和方式回应解读的情况",
        row(
            "response.press_conferences",
            "1.参加或举办新闻发布会总次数",
            "次",
            sub("response.press_conferences_by_head", "其中：主要负责同志参加新闻发布会次数", "次"),
        ),
        row(
            "response.online_interviews",
            "2.政府网站在线访谈次数",
            "次",
            sub(
                "response.online_interviews_by_head",
                "其中：主要负责同志参加政府网站在线访谈次数",
                "次",
            ),
        ),
        row("response.interpretations", "3.政策解读稿件发布数", "篇"),
        row("response.weibo_wechat", "4.微博微信回应事件数", "次"),
        row("response.other", "5.其他方式回应事件数", "次"),
    ),
    heading(
        "（三）建议提案信息公开情况",
        row("response.proposals_results", "1.公开办理结果数", "件", variants=(HEILONGJIANG,)),
        row(
            "response.proposals_replies", "2.公开建议提案办理复文数", "件", variants=(HEILONGJIANG,)
        ),
        variants=(HEILONGJIANG,),
    ),
)

REFUSAL_GROUNDS = (
    sub("requests.answered.refused.state_secret", "其中：涉及国家秘密", "件"),
    sub("requests.answered.refused.commercial_secret", "涉及商业秘密", "件"),
    sub("requests.answered.refused.privacy", "涉及个人隐私", "件"),
    sub(
        "requests.answered.refused.security_stability",
        "危及国家安全、公共安全、经济安全和社会稳定",
        "件",
    ),
    sub("requests.answered.refused.not_gov_info", "不是《条例》所指政府信息", "件"),
    sub("requests.answered.refused.other_law", "法律法规规定的其他情形", "件"),
)

REQUESTS = heading(
    "三、依申请公开情况",
    row(
        "requests.received",
        "（一）收到申请数",
        "件",
        row("requests.received.in_person", "1.当面申请数", "件"),
        row("requests.received.fax", "2.传真申请数", "件"),
        row("requests.received.online", "3.网络申请数", "件"),
        row("requests.received.letter", "4.信函申请数", "件"),
        row("requests.received.other", "5.其他形式", "件", variants=(SHANDONG,)),
    ),
    row(
        "requests.closed",
        "（二）申请办结数",
        "件",
        row("requests.closed.on_time", "1.按时办结数", "件"),
        row("requests.closed.extended", "2.延期办结数", "件"),
    ),
    row(
        "requests.answered",
        "（三）申请答复数",
        "件",
        row("requests.answered.already_public", "1.属于已主动公开范围数", "件"),
        row("requests.answered.granted", "2.同意公开答复数", "件"),
        row("requests.answered.partial", "3.同意部分公开答复数", "件"),
        row("requests.answered.refused", "4.不同意公开答复数", "件", *REFUSAL_GROUNDS),
        row("requests.answered.not_this_agency", "5.不属于本行政机关公开数", "件"),
        row("requests.answered.not_exist", "6.申请信息不存在数", "件"),
        row("requests.answered.clarify", "7.告知作出更改补充数", "件"),
        row("requests.answered.other_channel", "8.告知通过其他途径办理数", "件"),
    ),
    # A free-text template (主要侧重____…占比 %), never a number (§1.2, seed 003).
    heading("（四）申请公开的主要内容", variants=(NINGXIA,)),
)

REVIEW = row(
    "review.total",
    "四、行政复议数量",
    "件",
    row("review.upheld", "（一）维持具体行政行为数", "件"),
    row("review.corrected", "（二）被依法纠错数", "件"),
    row("review.other", "（三）其他情形数", "件"),
)

LITIGATION = row(
    "litigation.total",
    "五、行政诉讼数量",
    "件",
    row("litigation.upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件"),
    row("litigation.corrected", "（二）被依法纠错数", "件"),
    row("litigation.other", "（三）其他情形数", "件"),
)

# 2014: a bare count; 山东 (被举报投诉数量) adds the three outcomes (§1.2).
COMPLAINTS = row(
    "complaints.total",
    "六、举报投诉数量",
    "件",
    row("complaints.upheld", "（一）维持具体行政行为数", "件", variants=(SHANDONG,)),
    row("complaints.corrected", "（二）被纠错数", "件", variants=(SHANDONG,)),
    row("complaints.other", "（三）其他情形数", "件", variants=(SHANDONG,)),
)

FEES = row("requests.fees", "七、依申请公开信息收取的费用", "万元", kind=Kind.DECIMAL)

# 山东 replaces 七 (fees) with this block; its unit cell is garbled in the seed (件 presumed).
ARCHIVES = row(
    "archives.total",
    "七、向图书馆、档案馆等查阅场所报送信息数",
    "件",
    row("archives.paper", "（一）纸质文件数", "件", variants=(SHANDONG,)),
    row("archives.electronic", "（二）电子文件数", "件", variants=(SHANDONG,)),
    variants=(SHANDONG,),
)

ORGANISATION = heading(
    "八、机构建设和保障经费情况",
    row("org.units", "（一）政府信息公开工作专门机构数", "个"),
    row("org.reading_points", "（二）设置政府信息公开查阅点数", "个"),
    row("org.reading_point_visitors", "（三）查阅点接待人数", "人次", variants=(SHANDONG,)),
    row(
        "org.staff",
        "（三）从事政府信息公开工作人员数",
        "人",
        row("org.staff_full_time", "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人"),
        row("org.staff_part_time", "2.兼职人员数", "人"),
    ),
    row(
        "org.budget",
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
        "万元",
        kind=Kind.DECIMAL,
    ),
    row("org.weibo_wechat_accounts", "开设政务微博、微信数", "个", variants=(HEILONGJIANG,)),
    row(
        "org.rules_total",
        "本单位有关政府信息公开制度总数",
        "件",
        sub("org.rules_new", "其中今年新建制度数量", "件", variants=(HEILONGJIANG,)),
        variants=(HEILONGJIANG,),
    ),
)

MEETINGS = heading(
    "九、政府信息公开会议和培训情况",
    row("meetings.meetings", "（一）召开政府信息公开工作会议或专题会议数", "次"),
    row("meetings.trainings", "（二）举办各类培训班数", "次"),
    row("meetings.trainees", "（三）接受培训人员数", "人次"),
)

STATISTICS_TABLES = (
    block("proactive", PROACTIVE),
    block("response", RESPONSE),
    block("requests", REQUESTS),
    block("review", REVIEW),
    block("litigation", LITIGATION),
    block("complaints", COMPLAINTS),
    block("fees", FEES),
    block("archives", ARCHIVES),
    block("org", ORGANISATION),
    block("meetings", MEETINGS),
)

NAME = "政府信息公开情况统计表"

GENERATION_A = Generation(
    code="A",
    name=NAME,
    document="国办发〔2014〕32号",
    first_year=None,
    last_year=2018,
    # Narrative sections per the 2007 条例第三十二条 [RECALL, §1]; real reports number them freely.
    sections=(
        Section("一", "主动公开政府信息的情况"),
        Section("二", "依申请公开政府信息和不予公开政府信息的情况"),
        Section("三", "政府信息公开的收费及减免情况"),
        Section("四", "因政府信息公开申请行政复议、提起行政诉讼的情况"),
        Section("五", "政府信息公开工作存在的主要问题及改进情况"),
        Section("六", "其他需要报告的事项"),
        Section("", NAME, STATISTICS_TABLES),
    ),
    variants=VARIANTS,
)
