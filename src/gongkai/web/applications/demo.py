"""Demo applications for the demo county, in every stage of the procedure.

Dates are counted back from today, so the inbox always shows something due soon, something
overdue and something paused. Each scenario is keyed by a submission token: loading twice
changes nothing.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from gongkai.web.agencies.models import Agency, User
from gongkai.web.applications import workflow
from gongkai.web.applications.demo_year import load_demo_year
from gongkai.web.applications.models import Application


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
    Scenario("demo-3", "县财政局", 40, CITIZEN, "2024年度县财政局部门决算及说明",
             [("decide", "liuyang", 20, {"outcome": "partial",
               "reason": "决算说明附表中含有职工个人收入信息，属于个人隐私",
               "provided_content": "2024年度县财政局部门决算报表及说明",
               "withheld_content": "附表三中的职工个人收入明细",
               "provision_method": "通过电子邮件发送电子版"}),
              ("close", "zhangwei", 19, {})],
             {"email": "wangjianguo@example.cn", "delivery": "online",
              "query_code": ANSWERED_QUERY_CODE}),
    Scenario("demo-4", "县财政局", 25, LAWYER, "2025年政府采购项目（青山县第三中学食堂设备）合同",
             [("extend", "liuyang", 2, {"days": 10, "note": "需调取档案，经负责人批准延期。"})]),
    Scenario("demo-5", "县自然资源局", 30, CITIZEN, "东岭乡东岭村集体土地征收补偿安置方案",
             [("request_correction", "zhaolei", 27, {"note": "请明确所需信息的年度和地块名称。"})]),
    Scenario("demo-6", "县自然资源局", 35, COMPANY, "青山镇2025年第3批次建设用地批复文件"),
]  # fmt: skip


def load_demo_applications() -> int:
    """Create the demo cases that are missing (and the demo year's); returns how many exist."""
    load_demo_year()
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
    return Application.objects.filter(submission_token__startswith="demo-").count()
