"""Demo applications for the demo county, in every stage of the procedure.

Dates are counted back from today, so the inbox always shows something due soon, something
overdue, something waiting (a correction with time left, one whose time has passed), an
answer awaiting 签发, and the 政务公开办's 督办 to 县自然资源局. Each scenario is keyed by a
submission token: loading twice changes nothing.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from gongkai.web.agencies.models import Agency, User
from gongkai.web.applications import signoff, workflow
from gongkai.web.applications.demo_year import load_demo_year
from gongkai.web.applications.models import Application
from gongkai.web.supervision.demo import load_demo_reminder


@dataclass(frozen=True)
class Scenario:
    token: str
    agency: str  # agency short name
    days_ago: int
    applicant: dict
    description: str
    steps: list[tuple[str, str, int, dict]] = field(default_factory=list)  # action, user, days ago
    extra: dict = field(default_factory=dict)  # fields of this application only


CITIZEN = {"applicant_type": "natural", "name": "王建国", "identity_type": "resident_id",
           "identity_number": "11010519491231002X", "phone": "13907951234",
           "address": "青山县人民大道88号", "postal_code": "336000"}  # fmt: skip
COMPANY = {"applicant_type": "commercial", "name": "青山县恒达建筑工程有限公司",
           "org_code": "91350100M000100Y43", "contact_person": "李明", "phone": "0795-7238866",
           "email": "hengda@example.cn"}  # fmt: skip
# The answered and closed demo case, found on the tracking page with this code; its letters
# open with the last four characters of the phone (1234) or identity number (002X).
ANSWERED_QUERY_CODE = "QSCZ-JSDM-2425"
LAWYER = {"applicant_type": "legal", "name": "江西青山律师事务所",
          "org_code": "91350100M000100Y43", "contact_person": "周律师",
          "phone": "0795-7226677", "email": "law@example.cn"}  # fmt: skip

SCENARIOS = [
    Scenario("demo-1", "县财政局", 3, CITIZEN, "2025年度县本级“三公”经费预算执行情况"),
    Scenario("demo-2", "县财政局", 16, COMPANY, "2025年县城道路改造工程项目的财政评审报告",
             [("start_consultation", "zhangwei", 10, {"kind": "third_party",
               "party": "青山县交通建设投资有限公司",
               "interest": "商业秘密（工程造价明细）"})]),
    # Answered through 县财政局's sign-off chain: drafted, 审核, 签发, issued, closed.
    Scenario("demo-3", "县财政局", 40, CITIZEN, "2024年度县财政局部门决算及说明",
             [("draft_decision", "zhangwei", 22, {"outcome": "partial",
               "reason": "决算说明附表中含有职工个人收入信息，属于个人隐私",
               "provided_content": "2024年度县财政局部门决算报表及说明",
               "withheld_content": "附表三中的职工个人收入明细",
               "provision_method": "通过电子邮件发送电子版"}),
              ("approve_draft", "wangfang", 21, {"note": "同意。"}),
              ("approve_draft", "liuyang", 20, {}),
              ("issue", "zhangwei", 20, {}),
              ("close", "zhangwei", 19, {})],
             {"email": "wangjianguo@example.cn", "delivery": "online",
              "query_code": ANSWERED_QUERY_CODE}),
    Scenario("demo-4", "县财政局", 25, LAWYER, "2025年政府采购项目（青山县第三中学食堂设备）合同",
             [("extend", "liuyang", 2, {"days": 10, "note": "需调取档案，经负责人批准延期。"})]),
    Scenario("demo-5", "县自然资源局", 30, CITIZEN, "东岭乡东岭村集体土地征收补偿安置方案",
             [("request_correction", "zhaolei", 27, {"note": "请明确所需信息的年度和地块名称。"})]),
    Scenario("demo-6", "县自然资源局", 35, COMPANY, "青山镇2025年第3批次建设用地批复文件"),
    # Checked (审核) and waiting for the head's 签发.
    Scenario("demo-7", "县财政局", 12, COMPANY, "2025年县级政府采购意向公开目录及预算金额",
             [("draft_decision", "zhangwei", 3, {"outcome": "granted",
               "granted_kind": "already_public",
               "access_method": "青山县人民政府门户网站“政府采购”栏目"}),
              ("approve_draft", "wangfang", 2, {})]),
    Scenario("demo-9", "县财政局", 24, CITIZEN, "2026年县本级政府债务限额及余额情况"),
    # Waiting for a correction, with time left: no answer deadline, never overdue.
    Scenario("demo-8", "县财政局", 6, CITIZEN, "关于我县惠民补贴的有关文件",
             [("request_correction", "zhangwei", 4, {"note": "请写明补贴的名称和年度。"})]),
]  # fmt: skip
# 县财政局 has its answers signed off: 审核 (reviewer) → 签发 (head).
SIGNED_OFF_AGENCY = "县财政局"


def load_demo_applications() -> int:
    """Create the demo cases that are missing (and the demo year's); returns how many exist."""
    load_demo_year()  # answered in one step: before the chain
    signoff.ensure_decision_chain(Agency.objects.get(short_name=SIGNED_OFF_AGENCY))
    today = timezone.localdate()
    for scenario in SCENARIOS:
        if Application.objects.filter(submission_token=scenario.token).exists():
            continue
        agency = Agency.objects.get(short_name=scenario.agency)
        fields = scenario.applicant | {
            "channel": "online", "received_on": today - timedelta(scenario.days_ago),
            "description": scenario.description, "form_requested": "email",
            "delivery": "email" if "email" in scenario.applicant else "post",
        } | scenario.extra  # fmt: skip
        fields.setdefault("email", "")
        case = workflow.submit(agency, fields, token=scenario.token)
        for action, username, days_ago, params in scenario.steps:
            actor = User.objects.get(username=username)
            on = today - timedelta(days_ago)
            case = workflow.perform(case, action, actor, on=on, **params)
    load_demo_reminder()
    return Application.objects.filter(submission_token__startswith="demo-").count()
