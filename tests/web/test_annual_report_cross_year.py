"""When this year's report and last year's disagree, the platform says why: a 2024 application
registered after the 2024 report was published, an answer recorded afterwards with a 2024 date,
or a 2024 report that was imported rather than counted from the records."""

from datetime import date

import pytest

from gongkai.report.compiler import assemble
from gongkai.web.annualreports.compiler import compile_report
from gongkai.web.annualreports.models import AnnualReport, ReportVersion
from gongkai.web.applications.workflow import perform, submit

LETTER = {"reason": "可以公开", "granted_kind": "provided", "provided_content": "电子文本",
          "provision_method": "电子邮件"}  # fmt: skip


def apply(agency, received_on: date, token: str):
    return submit(agency, {
        "applicant_type": "natural", "name": "王小明", "phone": "13800000000",
        "identity_type": "resident_id", "identity_number": "11010519491231002X",
        "channel": "online", "received_on": received_on, "description": "预算执行情况",
        "form_requested": "email", "delivery": "email"}, token=token)  # fmt: skip


def carried_note(finance) -> str | None:
    """The explanation of rule B3-5 (上年结转 = last year's 结转下年度), the same for each of
    the columns it fails in (自然人 and 总计 here)."""
    report = compile_report(finance, 2025).report
    notes = {note for note in report.notes if note.startswith("B3-5")}
    assert len(notes) <= 1
    return notes.pop() if notes else None


@pytest.fixture
def open_at_2024s_end(finance, alice, erin, publish_report):
    case = apply(finance, date(2024, 12, 1), "open")
    publish_report(finance, 2024, alice, erin)
    return case


def test_records_that_agree_with_last_years_report_need_no_explanation(open_at_2024s_end, finance):
    assert carried_note(finance) is None


def test_an_application_registered_after_publication_is_named(open_at_2024s_end, finance):
    late = apply(finance, date(2024, 12, 20), "late")
    note = carried_note(finance)
    assert "补录的2024年申请1件" in note and late.number in note


def test_an_answer_recorded_afterwards_with_a_2024_date_is_named(open_at_2024s_end, finance, erin):
    perform(open_at_2024s_end, "decide", erin, outcome="granted", on=date(2024, 12, 28), **LETTER)
    note = carried_note(finance)
    assert "才补记在2024年内办结的申请1件" in note and open_at_2024s_end.number in note


def test_an_imported_report_is_said_not_to_come_from_the_records(finance):
    apply(finance, date(2024, 12, 1), "open")
    document = assemble("C", 2024, finance.name, {"s3.carry_forward.natural": 3,
                                                   "s3.carry_forward.total": 3})  # fmt: skip
    report = AnnualReport.objects.create(agency=finance, year=2024, generation="C",
                                         origin="imported", state="published")  # fmt: skip
    ReportVersion.objects.create(report=report, number=1, document=document.to_dict(), html="",
                                 published_on=date(2025, 1, 20),
                                 source_name="2024年报.pdf")  # fmt: skip
    note = carried_note(finance)
    assert "导入的已发布报告（2024年报.pdf）" in note


def test_own_records_are_not_compared_with_last_years_combined_report(finance):
    apply(finance, date(2024, 12, 1), "open")
    document = assemble("C", 2024, finance.name, {"s3.carry_forward.total": 9})
    report = AnnualReport.objects.create(agency=finance, year=2024, generation="C",
                                         origin="aggregated", state="published")  # fmt: skip
    ReportVersion.objects.create(report=report, number=1, document=document.to_dict(), html="",
                                 published_on=date(2025, 1, 20))  # fmt: skip
    compiled = compile_report(finance, 2025)
    assert compiled.previous is None
    assert carried_note(finance) is None
