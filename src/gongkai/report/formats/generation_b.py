"""Generation B: the 2019 format (国办公开办函〔2019〕60号, 格式（试行）), years 2019–2020.

Spec: statute-and-formats.md §2. Section 二 is five small tables whose first column header is
信息内容; 本年增/减 is signed (湖北 gloss: "减用负值表示"); 采购总金额 has no unit in the format
and is stored in 万元.
"""

from gongkai.report.formats.common import application_matrix, report_sections
from gongkai.report.formats.schema import Column, Generation, Kind, Row, Table

STUB_HEADER = "信息内容"

# Columns of the 第二十条第（五）（六）项 tables: counts of items, the signed change, decisions.
ITEM_COLUMNS = (
    Column("prev_items", "上一年项目数量", "项", name_en="items last year"),
    Column("change", "本年增/减", "项", Kind.SIGNED_INT, name_en="change this year"),
    Column("decisions", "处理决定数量", "件", name_en="decisions"),
)

DOCUMENTS = Table(
    key="s2.documents",
    caption="第二十条第（一）项",
    prefix="s2",
    stub_header=STUB_HEADER,
    columns=(
        Column("made", "本年新制作数量", "件", name_en="made this year"),
        Column("published", "本年新公开数量", "件", name_en="published this year"),
        Column("public_total", "对外公开总数量", "件", name_en="public in total"),
    ),
    rows=(
        Row("规章", key="regulations", name_en="regulations"),
        Row("规范性文件", key="normative", name_en="normative documents"),
    ),
)
LICENSING = Table(
    key="s2.licensing",
    caption="第二十条第（五）项",
    prefix="s2",
    stub_header=STUB_HEADER,
    columns=ITEM_COLUMNS,
    rows=(
        Row("行政许可", key="licensing", name_en="licensing"),
        Row("其他对外管理服务事项", key="other_services", name_en="other services"),
    ),
)
ENFORCEMENT = Table(
    key="s2.enforcement",
    caption="第二十条第（六）项",
    prefix="s2",
    stub_header=STUB_HEADER,
    columns=ITEM_COLUMNS,
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
    columns=ITEM_COLUMNS[:2],
    rows=(Row("行政事业性收费", key="fees", name_en="administrative fees"),),
)
PROCUREMENT = Table(
    key="s2.procurement",
    caption="第二十条第（九）项",
    prefix="s2",
    stub_header=STUB_HEADER,
    columns=(
        Column("items", "采购项目数量", "项", name_en="procurement items"),
        # The format prints no unit; real reports write 万元 or 元 in the cell (§2.1).
        Column("amount", "采购总金额", "万元", Kind.DECIMAL, name_en="procurement amount"),
    ),
    rows=(Row("政府集中采购", key="procurement", name_en="central procurement"),),
)

# Gen B has a single （六）其他处理 data row (§2.2).
OTHER = Row("（六）其他处理", key="other", short="（六）", name_en="other handling")

GENERATION_B = Generation(
    code="B",
    name="中华人民共和国政府信息公开工作年度报告格式（试行）",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    sections=report_sections(
        (DOCUMENTS, LICENSING, ENFORCEMENT, FEES, PROCUREMENT), application_matrix(OTHER)
    ),
)
