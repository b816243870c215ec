"""A year of 青山县财政局's work compiles to its 2025 annual report, cell by cell as counted
by hand here, passes the rulebook, is published in four formats and parses back unchanged.

The year, by hand (kinds rotate 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他):
- 21 applications received in 2025, one answered with each outcome row of the 2021 format;
- carried from 2024: C1 (自然人, granted 2025-01-08), C2 (法律服务机构, extended, 部分公开
  2025-02-10), O3 (自然人, still open at the end of 2025); C3 (自然人) was answered in 2024;
- open at the end of 2025: O1 (自然人, received 12-20), O2 (商业企业, received 12-15,
  answered 2026-01-05) and O3;
- 补正 on the 补正后仍不明确 case, an extension on the 部分公开 one, a fee paid on the first
  grant and a fee left unpaid (other.no_fee);
- the registry: two 规范性文件 of 2023, three of 2025, one of 2023 repealed in 2025;
- yearly figures: 行政许可 12, 行政处罚 5, 行政强制 0, 收费 1.25 万元;
- the docket: 复议 R1 (filed 2025-05-10, 维持 07-01) and R2 (filed 06-02, 纠正 08-15), a
  lawsuit after R1 (filed 09-01, decided 2026-02-01: 尚未审结 at the end of 2025), and R0
  (filed 2024-11-01, 纠正 2025-01-10), which counts in 2024.
"""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook

from gongkai.report import GENERATIONS, Severity, run_rulebook
from gongkai.report.parse import parse_report
from gongkai.statute.outcomes import OUTCOMES
from gongkai.web.annualreports import workflow as reports
from gongkai.web.annualreports.compiler import compile_report
from gongkai.web.appeals import workflow as appeals
from gongkai.web.applications.workflow import perform, submit
from gongkai.web.catalog.models.entries import Entry, EntryState
from gongkai.web.catalog.models.registry import DocumentKind, NormativeDocument, NormativeEvent
from gongkai.web.catalog.registry import store_figure

KINDS = ["natural", "commercial", "research", "nonprofit", "legal", "other"]
APPLICANTS = {
    "natural": {"name": "王小明", "identity_type": "resident_id",
                "identity_number": "11010519491231002X"},
    "commercial": {"name": "青山恒达建筑有限公司", "org_code": "91350100M000100Y43"},
    "research": {"name": "青山县农业科学研究所", "org_code": "91350100M000100Y43"},
    "nonprofit": {"name": "青山县志愿者协会", "org_code": "91350100M000100Y43"},
    "legal": {"name": "江西青山律师事务所", "org_code": "91350100M000100Y43"},
    "other": {"name": "青山县个体劳动者协会", "org_code": "91350100M000100Y43"},
}  # fmt: skip
LETTER = {
    "reason": "依据条例相关规定作出答复",
    "provided_content": "所申请信息的电子版",
    "withheld_content": "涉及第三方商业秘密的部分",
    "provision_method": "通过电子邮件发送",
    "access_method": "青山县人民政府门户网站",
    "publication": "《青山年鉴（2025）》",
    "responsible_agency": "青山县自然资源局",
    "legal_basis": "《中华人民共和国保守国家秘密法》",
    "previous_reply": "青山县财政局依申复〔2025〕1号",
    "granted_kind": "provided",
}


def apply(agency, kind: str, received_on: date, token: str):
    fields = APPLICANTS[kind] | {
        "applicant_type": kind, "phone": "0795-7220000", "channel": "online",
        "received_on": received_on, "description": f"信息公开申请{token}",
        "form_requested": "email", "delivery": "email", "email": "a@example.cn",
    }  # fmt: skip
    return submit(agency, fields, token=token)


def answer(case, outcome: str, on: date, clerk, head):
    """Take the case to `outcome` the way the procedure does for that row."""
    # 视为放弃 only once the applicant's time has passed: the day after it ends (still 2025).
    if outcome == "other.no_correction":
        case = perform(case, "request_correction", clerk, note="请写明年度", on=on - timedelta(5))
        return perform(case, "abandon_correction", clerk, on=case.waiting_until + timedelta(1))
    if outcome == "other.no_fee":
        case = perform(case, "send_fee_notice", clerk, method="per_page", quantity=300,
                       on=on - timedelta(6))  # fmt: skip
        return perform(case, "abandon_payment", clerk, on=case.waiting_until + timedelta(1))
    if outcome == "other.other":
        return perform(case, "withdraw", clerk, on=on)
    return perform(case, "decide", head, outcome=outcome, on=on, **LETTER)


@pytest.fixture
def year_of_work(finance, alice, erin):
    """The applications, registry and figures of the module docstring."""
    outcomes = list(OUTCOMES)
    for index, outcome in enumerate(outcomes):
        received = date(2025, 3, 3) + timedelta(index * 7)
        case = apply(finance, KINDS[index % 6], received, f"y{index}")
        if outcome == "granted":
            perform(case, "send_fee_notice", alice, method="per_page", quantity=260,
                    on=received + timedelta(2))  # fmt: skip
            perform(case, "record_payment", alice, on=received + timedelta(4))
        if outcome == "unable.still_unclear":
            perform(case, "request_correction", alice, note="请写明项目名称", on=received)
            perform(case, "receive_correction", alice, on=received + timedelta(3))
        if outcome == "partial":
            perform(case, "extend", erin, days=10, note="需调取档案", on=received + timedelta(5))
        answer(case, outcome, received + timedelta(12), alice, erin)
    c1 = apply(finance, "natural", date(2024, 12, 10), "c1")
    perform(c1, "decide", erin, outcome="granted", on=date(2025, 1, 8), **LETTER)
    c2 = apply(finance, "legal", date(2024, 12, 20), "c2")
    perform(c2, "extend", erin, days=15, note="需调取档案", on=date(2024, 12, 30))
    perform(c2, "decide", erin, outcome="partial", on=date(2025, 2, 10), **LETTER)
    c3 = apply(finance, "natural", date(2024, 11, 1), "c3")
    perform(c3, "decide", erin, outcome="unable.not_held", on=date(2024, 11, 20), **LETTER)
    apply(finance, "natural", date(2024, 12, 28), "o3")
    apply(finance, "natural", date(2025, 12, 20), "o1")
    o2 = apply(finance, "commercial", date(2025, 12, 15), "o2")
    perform(o2, "decide", erin, outcome="granted", on=date(2026, 1, 5), **LETTER)
    documents(finance)
    docket(finance, alice)
    for year, figures in {2024: (10, 4, 0, "1.1"), 2025: (12, 5, 0, "1.25")}.items():
        for key, value in zip(FIGURE_KEYS, figures, strict=True):
            store_figure(finance, year, key, Decimal(value), erin)
    published(finance)
    return finance


FIGURE_KEYS = ["s2.licensing.decisions", "s2.penalty.decisions", "s2.coercion.decisions",
               "s2.fees.amount"]  # fmt: skip


def documents(agency) -> None:
    def issue(title, day):
        return NormativeDocument.objects.create(
            agency=agency, kind=DocumentKind.NORMATIVE, title=title, issued_on=day,
            published_on=day)  # fmt: skip

    old = issue("青山县财政局关于规范县级预算单位公务卡管理的通知", date(2023, 4, 1))
    issue("青山县财政局关于加强政府采购内控管理的通知", date(2023, 9, 1))
    for month in (3, 6, 9):
        issue(f"青山县财政局2025年第{month}号规范性文件", date(2025, month, 10))
    NormativeEvent.objects.create(document=old, kind="repealed", on=date(2025, 7, 1),
                                  doc_no="青财〔2025〕9号")  # fmt: skip


def docket(agency, clerk) -> None:
    def case(kind, filed, **extra):
        fields = {"kind": kind, "appellant": "王小明", "filed_on": filed,
                  "body": "青山县人民政府", "matter": "政府信息公开答复"} | extra  # fmt: skip
        return appeals.register(agency, fields, clerk)

    def decide(appeal, outcome, on, **extra):
        return appeals.perform(appeal, "decide", clerk, outcome=outcome, decided_on=on, **extra)

    decide(case("review", date(2024, 11, 1)), "corrected", date(2025, 1, 10),
           corrected_what="责令重新答复")  # fmt: skip
    r1 = decide(case("review", date(2025, 5, 10)), "upheld", date(2025, 7, 1))
    decide(case("review", date(2025, 6, 2)), "corrected", date(2025, 8, 15),
           corrected_what="责令重新答复")  # fmt: skip
    lawsuit = case("after_review", date(2025, 9, 1), prior_review=r1, body="青山县人民法院",
                   body_case_no="（2025）赣0999行初12号")  # fmt: skip
    decide(lawsuit, "other", date(2026, 2, 1))


def published(agency) -> None:
    for day, item in ((date(2025, 2, 1), 7), (date(2025, 5, 6), 0), (date(2024, 12, 1), 7)):
        Entry.objects.create(agency=agency, title=f"财政信息{day}", generated_on=day,
                             published_on=day, state=EntryState.PUBLISHED,
                             article20_item=item)  # fmt: skip


# Every non-zero cell of the 2025 report, counted by hand from the docstring's year.
EXPECTED = {
    "s2.normative.issued": 3, "s2.normative.repealed": 1, "s2.normative.in_force": 4,
    "s2.licensing.decisions": 12, "s2.penalty.decisions": 5, "s2.fees.amount": Decimal("1.25"),
    "s3.new.natural": 5, "s3.new.commercial": 5, "s3.new.research": 4, "s3.new.nonprofit": 3,
    "s3.new.legal": 3, "s3.new.other": 3, "s3.new.total": 23,
    "s3.carried.natural": 2, "s3.carried.legal": 1, "s3.carried.total": 3,
    "s3.granted.natural": 2, "s3.granted.total": 2,
    "s3.partial.commercial": 1, "s3.partial.legal": 1, "s3.partial.total": 2,
    "s3.withheld.state_secret.research": 1, "s3.withheld.state_secret.total": 1,
    "s3.withheld.law_forbidden.nonprofit": 1, "s3.withheld.law_forbidden.total": 1,
    "s3.withheld.security_stability.legal": 1, "s3.withheld.security_stability.total": 1,
    "s3.withheld.third_party.other": 1, "s3.withheld.third_party.total": 1,
    "s3.withheld.internal_affairs.natural": 1, "s3.withheld.internal_affairs.total": 1,
    "s3.withheld.process_info.commercial": 1, "s3.withheld.process_info.total": 1,
    "s3.withheld.enforcement_file.research": 1, "s3.withheld.enforcement_file.total": 1,
    "s3.withheld.query_matter.nonprofit": 1, "s3.withheld.query_matter.total": 1,
    "s3.unable.not_held.legal": 1, "s3.unable.not_held.total": 1,
    "s3.unable.needs_creation.other": 1, "s3.unable.needs_creation.total": 1,
    "s3.unable.still_unclear.natural": 1, "s3.unable.still_unclear.total": 1,
    "s3.declined.petition.commercial": 1, "s3.declined.petition.total": 1,
    "s3.declined.duplicate.research": 1, "s3.declined.duplicate.total": 1,
    "s3.declined.publication.nonprofit": 1, "s3.declined.publication.total": 1,
    "s3.declined.excessive.legal": 1, "s3.declined.excessive.total": 1,
    "s3.declined.confirm_existing.other": 1, "s3.declined.confirm_existing.total": 1,
    "s3.other.no_correction.natural": 1, "s3.other.no_correction.total": 1,
    "s3.other.no_fee.commercial": 1, "s3.other.no_fee.total": 1,
    "s3.other.other.research": 1, "s3.other.other.total": 1,
    "s3.total.natural": 5, "s3.total.commercial": 4, "s3.total.research": 4,
    "s3.total.nonprofit": 3, "s3.total.legal": 4, "s3.total.other": 3, "s3.total.total": 23,
    "s3.carry_forward.natural": 2, "s3.carry_forward.commercial": 1,
    "s3.carry_forward.total": 3,
    "s4.review.upheld": 1, "s4.review.corrected": 1, "s4.review.total": 2,
    "s4.after_review.pending": 1, "s4.after_review.total": 1,
}  # fmt: skip


def expected_cells() -> dict:
    return {key: EXPECTED.get(key, 0) for key in GENERATIONS["C"].cells}


def test_every_cell_equals_the_count_by_hand(year_of_work):
    compiled = compile_report(year_of_work, 2025)
    assert compiled.report.generation == "C"
    assert compiled.report.cells == expected_cells()


def test_the_compiled_report_passes_the_rulebook(year_of_work):
    compiled = compile_report(year_of_work, 2025)
    assert [f.rule for f in compiled.result.findings if f.severity is Severity.ERROR] == []


def test_the_prose_states_the_counted_facts(year_of_work):
    text = compile_report(year_of_work, 2025).report.sections
    assert "主动公开政府信息2条" in text["一"]
    assert "其中条例第二十条规定的法定主动公开内容1条" in text["一"]
    assert "新收政府信息公开申请23件，上年结转3件" in text["一"]
    assert "结转下年度继续办理3件" in text["一"]
    assert "全年被申请行政复议2件、被提起行政诉讼1件" in text["一"]
    assert "被行政复议、行政诉讼纠正1件" in text["五"]
    # 信息处理费 按量 (国办函〔2020〕109号): pages 1–30 free, 31–100 at 10 元, 101–200 at
    # 20 元, beyond at 40 元. 260 pages = 700 + 2000 + 60 × 40 = 5100 元, paid; 300 pages =
    # 700 + 2000 + 100 × 40 = 6700 元, never paid. Billed 11800, collected 5100.
    assert "发出信息处理费收费通知2件，应收信息处理费11800元，实收5100元" in text["六"]


def publish(agency, year, alice, erin):
    report = reports.start(agency, year, alice)
    filled = {n: t.replace("【请填写", "（已填写）【") for n, t in report.sections.items()}
    filled = {n: t.replace("【", "").replace("】", "") for n, t in filled.items()}
    reports.perform(report, "edit", alice, sections=filled)
    reports.perform(report, "submit", alice)
    return reports.perform(report, "approve", erin)


def test_published_with_last_years_report_it_passes_the_cross_year_rules(year_of_work, alice, erin):
    publish(year_of_work, 2024, alice, erin)
    report = publish(year_of_work, 2025, alice, erin)
    document = report.latest_version().as_report()
    previous = report.agency.annual_reports.get(year=2024).latest_version().as_report()
    assert previous.value("s3.carry_forward.total") == 3  # C1, C2 and O3
    result = run_rulebook(document, previous)
    assert result.result("B3-5").status.value == "passed"
    assert [f.rule for f in result.findings if f.severity is Severity.ERROR] == []


def test_the_published_report_renders_four_formats_and_its_page_parses_back(
    year_of_work, alice, erin
):
    report = publish(year_of_work, 2025, alice, erin)
    version = report.latest_version()
    files = {a.name.rsplit(".", 1)[1]: a for a in version.entry.attachments.all()}
    assert set(files) == {"docx", "pdf", "xlsx"}
    docx = Document(files["docx"].file.open("rb"))
    assert "2025年政府信息公开工作年度报告" in "".join(p.text for p in docx.paragraphs)
    sheet_values = [
        c.value for s in load_workbook(files["xlsx"].file.open("rb")) for r in s for c in r
    ]
    assert 23 in sheet_values
    assert "政府信息公开" in files["pdf"].text
    parsed = parse_report(version.html.encode("utf-8"), "report.html")
    assert (parsed.generation, parsed.year) == ("C", 2025)
    assert {k: v for k, v in parsed.cells.items()} == expected_cells()
    assert io.BytesIO(version.html.encode()).getvalue().startswith(b"<!DOCTYPE html>")
