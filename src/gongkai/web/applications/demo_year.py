"""A year of applications in the demo county — 2025, the year its annual reports cover.

Unlike demo.py's cases (counted back from today so that the inbox always has something due),
these have fixed dates: two received in December 2024 and answered in January (上年结转),
answers of most kinds across the county's agencies in 2025, a 补正 left unanswered, a fee left
unpaid, and two received in December 2025 and answered in January 2026 (结转下年度). The
docket's demo (appeals/demo.py) links its 2025 cases to demo-2025-03 and demo-2025-05.
Each case is keyed by its submission token: loading twice changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date

from gongkai.web.agencies.models import Agency, User
from gongkai.web.applications import workflow
from gongkai.web.applications.models import Application

PERSON = {"applicant_type": "natural", "identity_type": "resident_id", "phone": "13907950000",
          "address": "青山县人民大道88号", "postal_code": "336000"}  # fmt: skip
NAMES = {"王建国": "11010519491231002X", "刘秀英": "360999198002150027",
         "陈志强": "360999197506080016", "黄丽萍": "360999199011230022"}  # fmt: skip


def person(name: str) -> dict:
    return PERSON | {"name": name, "identity_number": NAMES[name]}


def organisation(kind: str, name: str, contact: str) -> dict:
    return {"applicant_type": kind, "name": name, "org_code": "91350100M000100Y43",
            "contact_person": contact, "phone": "0795-7238866",
            "email": "office@example.cn"}  # fmt: skip


# Who takes each role's steps: 县财政局 has its own staff; elsewhere the demo has only a
# clerk at some agencies, and the platform superuser stands in.
STAFF = {
    "县财政局": {"clerk": "zhangwei", "head": "liuyang"},
    "县自然资源局": {"clerk": "zhaolei", "head": "admin"},
    "青山镇": {"clerk": "sunli", "head": "admin"},
}
STAND_IN = {"clerk": "admin", "head": "admin"}


def answered(outcome: str, reason: str, **extra) -> dict:
    return {"outcome": outcome, "reason": reason,
            "legal_basis": "《中华人民共和国政府信息公开条例》",
            "provision_method": "通过电子邮件发送", "access_method": "青山县人民政府门户网站",
            **extra}  # fmt: skip


@dataclass(frozen=True)
class YearCase:
    token: str
    agency: str  # short name
    applicant: dict
    received_on: date
    description: str
    steps: list[tuple[str, str, date, dict]] = field(default_factory=list)  # action, role, on


GRANT = answered("granted", "所申请信息可以公开", granted_kind="provided",
                 provided_content="所申请信息的电子文本")  # fmt: skip

CASES = [
    YearCase("demo-2024-01", "县财政局", person("刘秀英"), date(2024, 12, 16),
             "2024年县本级民生实事项目资金安排情况", [("decide", "head", date(2025, 1, 9), GRANT)]),
    YearCase("demo-2024-02", "县自然资源局",
             organisation("commercial", "青山县恒达建筑工程有限公司", "李明"), date(2024, 12, 23),
             "2018年青山镇城南片区土地出让合同",
             [("decide", "head", date(2025, 1, 20), answered(
                 "unable.not_held", "经检索，本机关未制作或获取该信息", variant="not_exist"))]),
    YearCase("demo-2025-01", "县财政局", person("王建国"), date(2025, 2, 10),
             "2025年县本级一般公共预算支出功能分类明细",
             [("decide", "head", date(2025, 2, 26), GRANT)]),
    YearCase("demo-2025-03", "县财政局", person("王建国"), date(2025, 2, 20),
             "2024年县城道路改造工程财政评审报告",
             [("start_consultation", "clerk", date(2025, 2, 24),
               {"kind": "third_party", "party": "青山县交通建设投资有限公司",
                "interest": "商业秘密（工程造价明细）"}),
              ("end_consultation", "clerk", date(2025, 3, 12), {}),
              ("decide", "head", date(2025, 3, 20), answered(
                  "partial", "评审报告附表载有投标人报价明细，属于商业秘密",
                  provided_content="财政评审报告正文", withheld_content="附表二投标人报价明细"))]),
    YearCase("demo-2025-04", "县财政局", organisation("legal", "江西青山律师事务所", "周律师"),
             date(2025, 6, 12), "2023—2024年县级政府采购项目验收报告",
             [("send_fee_notice", "clerk", date(2025, 6, 20), {"method": "per_page",
                                                               "quantity": 150}),
              ("record_payment", "clerk", date(2025, 6, 27), {}),
              ("decide", "head", date(2025, 7, 10), GRANT)]),
    YearCase("demo-2025-06", "县财政局", person("陈志强"), date(2025, 9, 1), "补贴资金有关文件",
             [("request_correction", "clerk", date(2025, 9, 5),
               {"note": "请写明补贴资金的名称和年度"}),
              ("abandon_correction", "clerk", date(2025, 10, 10), {})]),
    YearCase("demo-2025-07", "县财政局",
             organisation("research", "青山县农业科学研究所", "黄研究员"), date(2025, 10, 15),
             "2025年县级农业保险保费补贴资金分配表",
             [("extend", "head", date(2025, 11, 10), {"days": 15, "note": "需汇总各乡镇数据"}),
              ("decide", "head", date(2025, 11, 28), answered(
                  "granted", "该信息已主动公开", granted_kind="already_public"))]),
    YearCase("demo-2025-16", "县财政局", person("黄丽萍"), date(2025, 10, 20),
             "2015—2025年县本级全部会计凭证",
             [("send_fee_notice", "clerk", date(2025, 10, 28), {"method": "per_page",
                                                                "quantity": 320}),
              ("abandon_payment", "clerk", date(2025, 12, 1), {})]),
    YearCase("demo-2025-08", "县财政局", person("刘秀英"), date(2025, 12, 18),
             "2025年县级财政衔接推进乡村振兴补助资金分配结果",
             [("decide", "head", date(2026, 1, 12), GRANT)]),
    YearCase("demo-2025-05", "县自然资源局", person("王建国"), date(2025, 3, 24),
             "东岭乡东岭村2010年土地调整方案",
             [("decide", "head", date(2025, 4, 21), answered(
                 "unable.not_held", "经检索，本机关未制作或获取该信息", variant="not_exist"))]),
    YearCase("demo-2025-09", "县自然资源局", person("陈志强"), date(2025, 7, 20),
             "要求查处邻居违法建房并公开处理结果",
             [("decide", "head", date(2025, 8, 4), answered(
                 "declined.petition", "该申请实为投诉举报，已告知通过信访渠道反映"))]),
    YearCase("demo-2025-10", "县自然资源局",
             organisation("commercial", "青山县恒达建筑工程有限公司", "李明"), date(2025, 8, 11),
             "城南片区控制性详细规划修改的内部讨论记录",
             [("decide", "head", date(2025, 9, 1), answered(
                 "withheld.process_info", "所申请信息为内部讨论记录，属于过程性信息"))]),
    YearCase("demo-2025-17", "县自然资源局", person("黄丽萍"), date(2025, 12, 22),
             "2025年东岭乡征地补偿款发放情况",
             [("decide", "head", date(2026, 1, 15), answered(
                 "partial", "发放明细含被征收户个人信息", provided_content="发放汇总表",
                 withheld_content="个人身份信息和账户信息"))]),
    YearCase("demo-2025-11", "县发改委", person("刘秀英"), date(2025, 3, 18),
             "青山县2025年重点建设项目计划", [("decide", "head", date(2025, 4, 2), GRANT)]),
    YearCase("demo-2025-12", "县发改委", organisation("nonprofit", "青山县志愿者协会", "赵会长"),
             date(2025, 11, 3), "近十年全县养老服务设施建设投资按乡镇汇总分析",
             [("decide", "head", date(2025, 11, 20), answered(
                 "unable.needs_creation", "所申请信息需要对现有信息进行加工、分析"))]),
    YearCase("demo-2025-13", "青山镇", person("陈志强"), date(2025, 4, 22),
             "青山镇2025年度农村低保对象认定标准", [("decide", "head", date(2025, 5, 8), GRANT)]),
    YearCase("demo-2025-14", "东岭乡", person("王建国"), date(2025, 6, 30),
             "东岭村集体土地征收补偿安置方案",
             [("decide", "head", date(2025, 7, 8), answered(
                 "declined.duplicate", "申请人此前已提出相同申请并获答复",
                 previous_reply="东岭乡依申复〔2025〕1号"))]),
    YearCase("demo-2025-15", "县政府", person("黄丽萍"), date(2025, 5, 15),
             "青山县人民政府2025年第3次常务会议纪要中有关老旧小区改造的内容",
             [("decide", "head", date(2025, 6, 5), answered(
                 "partial", "会议纪要其余议题与申请无关且属于内部事务信息",
                 provided_content="老旧小区改造议题的内容",
                 withheld_content="会议纪要中的其他议题"))]),
]  # fmt: skip


def load_demo_year() -> int:
    """Create the cases of the demo year that are missing; returns how many exist."""
    for case in CASES:
        if not Application.objects.filter(submission_token=case.token).exists():
            load(case)
    return Application.objects.filter(submission_token__in=[c.token for c in CASES]).count()


def load(spec: YearCase) -> Application:
    agency = Agency.objects.get(short_name=spec.agency)
    fields = spec.applicant | {
        "channel": "online", "received_on": spec.received_on, "description": spec.description,
        "form_requested": "email", "delivery": "email",
    }  # fmt: skip
    fields.setdefault("email", "")
    case = workflow.submit(agency, fields, token=spec.token)
    staff = STAFF.get(spec.agency, STAND_IN)
    for action, role, on, params in spec.steps:
        actor = User.objects.get(username=staff[role])
        case = workflow.perform(case, action, actor, on=on, **params)
    return case
