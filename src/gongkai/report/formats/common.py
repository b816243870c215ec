"""Tables shared by generations B and C: the application matrix (section 三) and the
行政复议 / 行政诉讼 table (section 四). Spec: statute-and-formats.md §2.2, §2.3, §3.2, §3.3.
"""

from gongkai.report.formats.schema import Column, Role, Row, Section, Table

LEGAL_PERSON_GROUP = "法人或其他组织"  # a header over five columns, with no subtotal (§2.2)

# The 7 numeric columns in printed order; 法人或其他组织 is a group header only.
APPLICANT_COLUMNS: tuple[Column, ...] = (
    Column("natural", "自然人", "件", name_en="natural persons"),
    Column("commercial", "商业企业", "件", group=LEGAL_PERSON_GROUP, name_en="businesses"),
    Column("research", "科研机构", "件", group=LEGAL_PERSON_GROUP, name_en="research bodies"),
    Column("nonprofit", "社会公益组织", "件", group=LEGAL_PERSON_GROUP, name_en="non-profits"),
    Column("legal", "法律服务机构", "件", group=LEGAL_PERSON_GROUP, name_en="legal services"),
    Column("other", "其他", "件", group=LEGAL_PERSON_GROUP, name_en="other organisations"),
    Column("total", "总计", "件", name_en="total"),
)
APPLICANT_KINDS: tuple[str, ...] = tuple(c.key for c in APPLICANT_COLUMNS if c.key != "total")


def _numbered(group: str, short: str, items: tuple[tuple[str, str, str], ...]) -> tuple[Row, ...]:
    """The numbered sub-rows of a group label: (key suffix, verbatim label, English name)."""
    return tuple(
        Row(label, key=f"{group}.{suffix}", short=f"{short}{n}", name_en=name_en)
        for n, (suffix, label, name_en) in enumerate(items, start=1)
    )


WITHHELD = Row(
    "（三）不予公开",
    role=Role.GROUP,
    children=_numbered(
        "withheld",
        "（三）",
        (
            ("state_secret", "1.属于国家秘密", "withheld: state secret"),
            ("law_forbidden", "2.其他法律行政法规禁止公开", "withheld: barred by law"),
            ("security_stability", "3.危及“三安全一稳定”", "withheld: security and stability"),
            ("third_party", "4.保护第三方合法权益", "withheld: third-party rights"),
            ("internal_affairs", "5.属于三类内部事务信息", "withheld: internal affairs"),
            ("process_info", "6.属于四类过程性信息", "withheld: process information"),
            ("enforcement_file", "7.属于行政执法案卷", "withheld: enforcement file"),
            ("query_matter", "8.属于行政查询事项", "withheld: administrative query"),
        ),
    ),
)
UNABLE = Row(
    "（四）无法提供",
    role=Role.GROUP,
    children=_numbered(
        "unable",
        "（四）",
        (
            ("not_held", "1.本机关不掌握相关政府信息", "unable: not held"),
            ("needs_creation", "2.没有现成信息需要另行制作", "unable: would need creating"),
            ("still_unclear", "3.补正后申请内容仍不明确", "unable: unclear after correction"),
        ),
    ),
)
DECLINED = Row(
    "（五）不予处理",
    role=Role.GROUP,
    children=_numbered(
        "declined",
        "（五）",
        (
            ("petition", "1.信访举报投诉类申请", "declined: petition or complaint"),
            ("duplicate", "2.重复申请", "declined: duplicate"),
            ("publication", "3.要求提供公开出版物", "declined: publication"),
            ("excessive", "4.无正当理由大量反复申请", "declined: excessive"),
            ("confirm_existing", "5.要求行政机关确认或重新出具已获取信息", "declined: re-issue"),
        ),
    ),
)

# The printed caption cell of the matrix: the one official consistency rule (§2.2, B3-1).
MATRIX_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
MATRIX_LAYOUT = (
    "Three header rows: 申请人情况 over 自然人, 法人或其他组织 (over five columns) and 总计; "
    "flattened header text puts 总计 before the five 法人 columns, data rows do not."
)


def application_matrix(other: Row) -> Table:
    """Section 三. Only the （六）其他处理 row differs between generations B and C."""
    results = Row(
        "三、本年度办理结果",
        role=Role.HEADING,
        short="三",
        children=(
            Row("（一）予以公开", key="granted", short="（一）", name_en="granted"),
            Row(
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                key="partial",
                short="（二）",
                name_en="partly granted",
            ),
            WITHHELD,
            UNABLE,
            DECLINED,
            other,
            Row("（七）总计", key="total", short="（七）总计", role=Role.TOTAL, name_en="total"),
        ),
    )
    return Table(
        key="s3",
        caption="收到和处理政府信息公开申请情况",
        prefix="s3",
        stub_header="申请人情况",
        note=MATRIX_NOTE,
        layout=MATRIX_LAYOUT,
        columns=APPLICANT_COLUMNS,
        rows=(
            Row("一、本年新收政府信息公开申请数量", key="new", short="一", name_en="new"),
            Row("二、上年结转政府信息公开申请数量", key="carried", short="二", name_en="carried"),
            results,
            Row(
                "四、结转下年度继续办理", key="carry_forward", short="四", name_en="carried forward"
            ),
        ),
    )


APPEAL_OUTCOMES: tuple[Column, ...] = (
    Column("upheld", "结果维持", "件", name_en="upheld"),
    Column("corrected", "结果纠正", "件", name_en="corrected"),
    Column("other", "其他结果", "件", name_en="other outcome"),
    Column("pending", "尚未审结", "件", name_en="pending"),
    Column("total", "总计", "件", name_en="total"),
)

APPEALS = Table(
    key="s4",
    caption="政府信息公开行政复议、行政诉讼情况",
    prefix="s4",
    columns=APPEAL_OUTCOMES,
    layout=(
        "Printed as one data row of 15 cells: 行政复议 ×5, then 行政诉讼 未经复议直接起诉 ×5 and "
        "复议后起诉 ×5, each in the column order above; map a flat run of 15 values by position."
    ),
    rows=(
        Row("行政复议", key="review", name_en="administrative reconsideration"),
        Row(
            "行政诉讼",
            role=Role.GROUP,
            children=(
                Row("未经复议直接起诉", key="direct", name_en="litigation without reconsideration"),
                Row("复议后起诉", key="after_review", name_en="litigation after reconsideration"),
            ),
        ),
    ),
)


# The topics of section 一 总体情况 of a generation B or C report (the format's template:
# （一）主动公开 （二）依申请公开 （三）政府信息管理 （四）平台建设 （五）监督保障), printed as
# headings in its prose: words a 2019 report prints whichever format it uses.
OVERVIEW_TOPICS = ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障")


def report_sections(documents_tables: tuple[Table, ...], matrix: Table) -> tuple[Section, ...]:
    """The six sections of a generation B or C report, after 条例第五十条 (§2, §3)."""
    return (
        Section("一", "总体情况"),
        Section("二", "主动公开政府信息情况", documents_tables),
        Section("三", matrix.caption, (matrix,)),
        Section("四", APPEALS.caption, (APPEALS,)),
        Section("五", "存在的主要问题及改进情况"),
        Section("六", "其他需要报告的事项"),
    )
