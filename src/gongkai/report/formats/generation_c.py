"""Generation C: the 2021 format (国办公开办函〔2021〕30号), reporting years 2021 onward.

Spec: statute-and-formats.md §3. Against generation B: 规范性文件 becomes 行政规范性文件 with
three new columns, 其他对外管理服务事项 and 政府集中采购 are dropped, 行政事业性收费 reports an
amount in 万元, and （六）其他处理 splits into three numbered sub-rows (no subtotal).
"""

from gongkai.report.formats.common import application_matrix, report_sections
from gongkai.report.formats.schema import Column, Generation, Kind, Role, Row, Table

STUB_HEADER = "信息内容"
DECISIONS = (Column("decisions", "本年处理决定数量", "件", name_en="decisions this year"),)

DOCUMENTS = Table(
    key="s2.documents",
    caption="第二十条第（一）项",
    prefix="s2",
    stub_header=STUB_HEADER,
    columns=(
        Column("issued", "本年制发件数", "件", name_en="issued this year"),
        Column("repealed", "本年废止件数", "件", name_en="repealed this year"),
        Column("in_force", "现行有效件数", "件", name_en="in force"),
    ),
    rows=(
        Row("规章", key="regulations", name_en="regulations"),
        Row("行政规范性文件", key="normative", name_en="normative documents"),
    ),
)
LICENSING = Table(
    key="s2.licensing",
    caption="第二十条第（五）项",
    prefix="s2",
    stub_header=STUB_HEADER,
    columns=DECISIONS,
    rows=(Row("行政许可", key="licensing", name_en="licensing"),),
)
ENFORCEMENT = Table(
    key="s2.enforcement",
    caption="第二十条第（六）项",
    prefix="s2",
    stub_header=STUB_HEADER,
    columns=DECISIONS,
    rows=(
        Row("行政处罚", key="penalty", name_en="penalties"),
        Row("行政强制", key="coercion", name_en="coercive measures"),
    ),
)
FEES = Table(
    key="s2.fees",
    caption="第二十条第（八）项",
    prefix="s2",
    stub_header=STUB_HEADER,
    columns=(
        Column(
            "amount", "本年收费金额（单位：万元）", "万元", Kind.DECIMAL, name_en="fees charged"
        ),
    ),
    rows=(Row("行政事业性收费", key="fees", name_en="administrative fees"),),
)

# （六） in Gen C: three sub-rows [RECALL, §3.2]; copies punctuate the clauses with 、 or ，.
OTHER = Row(
    "（六）其他处理",
    role=Role.GROUP,
    children=(
        Row(
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            key="other.no_correction",
            short="（六）1",
            name_en="other: not corrected in time",
        ),
        Row(
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            key="other.no_fee",
            short="（六）2",
            name_en="other: fee not paid",
        ),
        Row("3.其他", key="other.other", short="（六）3", name_en="other: other"),
    ),
)

GENERATION_C = Generation(
    code="C",
    name="中华人民共和国政府信息公开工作年度报告格式",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    sections=report_sections((DOCUMENTS, LICENSING, ENFORCEMENT, FEES), application_matrix(OTHER)),
)
