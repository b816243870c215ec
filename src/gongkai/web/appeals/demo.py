"""Demo cases of the docket for the demo county: two reconsiderations filed in 2025 (one
upheld, one corrected), a lawsuit after the upheld one filed in 2025 and decided in 2026
(so 尚未审结 in the 2025 report), and a lawsuit of 2026 still pending.

Each case is keyed by its agency and the body's case number: loading twice changes nothing.
Cases are linked to the demo applications they concern (applications/demo_year.py) when
those exist, and otherwise describe the matter in words only.
"""

from dataclasses import dataclass
from datetime import date

from gongkai.web.agencies.models import Agency, User
from gongkai.web.appeals import workflow
from gongkai.web.appeals.models import Appeal
from gongkai.web.applications.models import Application


@dataclass(frozen=True)
class Scenario:
    agency: str  # short name
    clerk: str  # username of the clerk who records it
    kind: str
    appellant: str  # used when no demo application is found
    filed_on: date
    body: str
    body_case_no: str
    matter: str
    application_token: str = ""
    follows: str = ""  # body case number of the reconsideration a lawsuit follows
    decision: dict | None = None  # outcome, decided_on, corrected_what, note


SCENARIOS = [
    Scenario("县财政局", "zhangwei", "review", "王建国", date(2025, 4, 14), "青山县人民政府",
             "青府行复〔2025〕7号", "对县财政局作出的部分公开答复不服，认为不予公开部分理由不成立",
             application_token="demo-2025-03",
             decision={"outcome": "upheld", "decided_on": date(2025, 6, 20),
                       "note": "复议机关认为答复认定事实清楚、适用依据正确，决定维持。"}),
    Scenario("县自然资源局", "zhaolei", "review", "青山县恒达建筑工程有限公司",
             date(2025, 5, 19), "青山县人民政府", "青府行复〔2025〕11号",
             "对县自然资源局作出的政府信息不存在告知不服", application_token="demo-2025-05",
             decision={"outcome": "corrected", "decided_on": date(2025, 8, 1),
                       "corrected_what": "撤销政府信息不存在告知书，责令县自然资源局在15个工作日内"
                                         "重新检索并答复",
                       "note": "复议机关认为被申请人未尽检索义务。"}),
    Scenario("县财政局", "zhangwei", "after_review", "王建国", date(2025, 7, 2),
             "青山县人民法院", "（2025）赣0999行初12号",
             "不服青府行复〔2025〕7号行政复议决定，请求撤销部分公开答复",
             application_token="demo-2025-03", follows="青府行复〔2025〕7号",
             decision={"outcome": "upheld", "decided_on": date(2026, 3, 18),
                       "note": "判决驳回原告的诉讼请求。"}),
    Scenario("县自然资源局", "zhaolei", "direct", "黄丽萍", date(2026, 6, 10), "青山县人民法院",
             "（2026）赣0999行初35号", "对部分公开答复不服，请求判令公开征地补偿款发放明细",
             application_token="demo-2025-17"),
]  # fmt: skip


def load_demo_appeals() -> int:
    """Create the demo cases that are missing; returns how many there are."""
    for scenario in SCENARIOS:
        agency = Agency.objects.get(short_name=scenario.agency)
        if not Appeal.objects.filter(agency=agency, body_case_no=scenario.body_case_no).exists():
            load(scenario, agency)
    case_numbers = [scenario.body_case_no for scenario in SCENARIOS]
    return Appeal.objects.filter(body_case_no__in=case_numbers).count()


def load(scenario: Scenario, agency: Agency) -> Appeal:
    clerk = User.objects.get(username=scenario.clerk)
    token = scenario.application_token
    found = Application.objects.filter(submission_token=token, agency=agency).first()
    application = found if token else None
    prior = Appeal.objects.filter(agency=agency, body_case_no=scenario.follows).first()
    fields = {
        "kind": scenario.kind, "prior_review": prior if scenario.follows else None,
        "appellant": application.name if application else scenario.appellant,
        "filed_on": scenario.filed_on, "body": scenario.body,
        "body_case_no": scenario.body_case_no, "matter": scenario.matter,
    }  # fmt: skip
    case = workflow.register(agency, fields, clerk, [application] if application else [])
    if scenario.decision:
        case = workflow.perform(case, "decide", clerk, **scenario.decision)
    return case
