"""A disclosure application moves only along the 条例's steps, and every step is recorded."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.utils import timezone

from gongkai.web.applications.models import Application, Event
from gongkai.web.applications.workflow import WorkflowError, perform, submit


@pytest.fixture
def today(monkeypatch):
    """Pin the platform's idea of today to Mon 2026-11-23."""
    pinned = date(2026, 11, 23)
    monkeypatch.setattr(timezone, "localdate", lambda *args: pinned)
    return pinned


def citizen_fields(received_on=date(2026, 9, 28)) -> dict:
    return {
        "applicant_type": "natural",
        "name": "王小明",
        "identity_type": "resident_id",
        "identity_number": "11010519491231002X",
        "phone": "13800000000",
        "channel": "online",
        "received_on": received_on,
        "description": "2025年度青山县财政局部门预算执行情况",
        "form_requested": "email",
        "delivery": "email",
    }


CONSULT = {"party": "青山县某某建设有限公司", "interest": "商业秘密"}


@pytest.fixture
def case(finance, today):
    return submit(finance, citizen_fields())


def test_a_submitted_application_gets_a_number_a_query_code_and_a_deadline(case):
    assert case.number == "2026-0001"
    assert len(case.query_code) == 14 and case.query_code.count("-") == 2
    # From Mon 9/28 across 国庆 with Sat 10/10 调休: 20 working days end Fri 10/30.
    assert case.due_on == date(2026, 10, 30) and not case.due_provisional
    assert case.events.get().action == "submit"


def test_numbers_run_per_agency_and_year(finance, land, today):
    numbers = [submit(agency, citizen_fields()).number for agency in (finance, finance, land)]
    assert numbers == ["2026-0001", "2026-0002", "2026-0001"]


def test_a_repeated_submission_token_stores_one_application(finance, today):
    first = submit(finance, citizen_fields(), token="abc")
    again = submit(finance, citizen_fields(), token="abc")
    assert first.pk == again.pk and Application.objects.count() == 1


def test_a_correction_restarts_the_clock_from_the_corrected_application(case, alice):
    perform(case, "request_correction", alice, on=date(2026, 9, 30), note="请明确年度")
    case = perform(case, "receive_correction", alice, on=date(2026, 11, 2))
    assert case.received_on == date(2026, 11, 2) and case.first_received_on == date(2026, 9, 28)
    assert case.due_on == date(2026, 11, 30)


def test_a_late_correction_notice_is_recorded_as_late(case, alice):
    perform(case, "request_correction", alice, on=date(2026, 10, 20), note="所需信息的年度")
    assert "晚于条例第三十条规定的7个工作日" in case.events.last().note


def test_a_consultation_pauses_the_clock(case, alice):
    perform(case, "start_consultation", alice, on=date(2026, 10, 12), **CONSULT)
    case = perform(case, "end_consultation", alice, on=date(2026, 10, 30))
    assert case.state == "received"
    assert case.due_on == date(2026, 11, 20)  # 10/12–10/30 not counted


def test_a_running_consultation_has_no_answer_deadline_but_a_clock_of_its_own(case, alice):
    case = perform(case, "start_consultation", alice, on=date(2026, 10, 12), **CONSULT)
    assert case.state == "consulting"
    assert case.due_on is None  # the answer period stands still (第三十三条第三款)
    # 第三十二条: 15 working days from the letter, Tue 10/13 to Mon 11/2 (no holiday between).
    assert (case.waiting_since, case.waiting_until) == (date(2026, 10, 12), date(2026, 11, 2))


def test_only_the_head_may_extend_and_only_once(case, alice, erin):
    with pytest.raises(PermissionDenied):
        perform(case, "extend", alice, days=20, note="需调取档案")
    case = perform(case, "extend", erin, days=20, on=date(2026, 10, 20), note="需调取档案")
    assert case.extension_days == 20 and case.due_on == date(2026, 11, 27)
    with pytest.raises(WorkflowError, match="已经延长过"):
        perform(case, "extend", erin, days=5, note="需调取档案")


def test_an_extension_beyond_twenty_working_days_is_refused(case, erin):
    with pytest.raises(WorkflowError, match="1至20"):
        perform(case, "extend", erin, days=21, note="需调取档案")


def test_a_fee_notice_pauses_the_clock_and_an_unpaid_fee_closes_the_case(case, alice):
    case = perform(case, "send_fee_notice", alice, method="per_page", quantity=150,
                   on=date(2026, 10, 9))  # fmt: skip
    assert (case.state, case.fee_amount) == ("awaiting_payment", 1700)
    case = perform(case, "abandon_payment", alice, on=date(2026, 11, 9))
    assert (case.state, case.outcome) == ("closed", "other.no_fee")
    assert case.pauses.get().last_day == date(2026, 11, 9)


def test_a_fee_within_the_free_allowance_is_refused(case, alice):
    with pytest.raises(WorkflowError, match="免费范围"):
        perform(case, "send_fee_notice", alice, method="per_page", quantity=30)


PARTIAL = {"outcome": "partial", "reason": "部分内容涉及个人隐私", "provided_content": "预算执行表",
           "withheld_content": "经办人个人信息", "provision_method": "电子邮件"}  # fmt: skip


def test_a_reviewer_decides_with_a_report_outcome_and_the_clerk_closes(case, alice, erin):
    with pytest.raises(PermissionDenied):
        perform(case, "decide", alice, **PARTIAL)
    case = perform(case, "decide", erin, **PARTIAL, on=date(2026, 10, 20))
    assert (case.state, case.outcome, case.decided_on) == ("decided", "partial", date(2026, 10, 20))
    case = perform(case, "close", alice)
    assert case.state == "closed"


def test_a_decision_must_be_one_of_the_reports_rows(case, erin):
    with pytest.raises(WorkflowError):
        perform(case, "decide", erin, outcome="maybe")
    with pytest.raises(WorkflowError):
        perform(case, "decide", erin, outcome="granted")  # provided, or already public?


def test_illegal_transitions_are_refused_with_the_state_named(case, alice, erin):
    perform(case, "decide", erin, outcome="unable.not_held", variant="not_exist")
    with pytest.raises(WorkflowError, match="已答复"):
        perform(case, "request_correction", alice)


def test_a_clerk_of_another_agency_cannot_act(case, bob):
    with pytest.raises(PermissionDenied):
        perform(case, "withdraw", bob)


def test_withdrawal_counts_as_other_handling(case, alice):
    case = perform(case, "withdraw", alice, note="申请人电话撤回")
    assert (case.state, case.outcome) == ("closed", "other.other")


def test_dates_in_the_future_or_before_receipt_are_refused(case, alice):
    with pytest.raises(WorkflowError, match="晚于今天"):
        perform(case, "withdraw", alice, on=date(2027, 1, 1))
    with pytest.raises(WorkflowError, match="早于收到申请之日"):
        perform(case, "withdraw", alice, on=date(2026, 9, 1))


def test_every_step_is_in_the_history_with_actor_and_changes(case, alice, erin):
    perform(case, "start_consultation", alice, on=date(2026, 10, 12), **CONSULT)
    perform(case, "end_consultation", alice, on=date(2026, 10, 30))
    events = list(case.events.all())
    assert [e.action for e in events] == ["submit", "start_consultation", "end_consultation"]
    assert events[1].actor == alice and events[1].to_state == "consulting"
    assert events[2].changes["due_on"][1] == "2026-11-20"


def test_the_history_cannot_be_changed_or_deleted_even_in_bulk(case):
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.all().update(note="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.all().delete()
    assert case.events.count() == 1


def test_each_step_issues_its_letter_with_a_number(case, alice, erin):
    perform(
        case, "request_correction", alice, on=date(2026, 9, 30), note="所需信息的年度\n文件名称"
    )
    perform(case, "receive_correction", alice, on=date(2026, 10, 12))
    perform(case, "start_consultation", alice, on=date(2026, 10, 13), party="某某公司",
            interest="商业秘密")  # fmt: skip
    perform(case, "end_consultation", alice, on=date(2026, 10, 20))
    perform(case, "extend", erin, days=10, note="需调取档案", on=date(2026, 10, 21))
    perform(case, "decide", erin, **PARTIAL, on=date(2026, 11, 2))
    letters = list(case.letters.values_list("kind", "number"))
    assert [kind for kind, _ in letters] == [
        "acknowledgement",
        "correction",
        "consultation_third_party",
        "extension",
        "decision",
    ]
    assert letters[-1][1] == "青山县财政局依申复〔2026〕1号"
    assert case.events.get(action="decide").changes["letter"][1] == letters[-1][1]


def test_a_decision_missing_what_its_letter_must_say_is_refused_and_nothing_changes(case, erin):
    with pytest.raises(WorkflowError, match="提供的政府信息"):
        perform(case, "decide", erin, outcome="partial", reason="x")
    case.refresh_from_db()
    assert case.state == "received" and not case.letters.filter(kind="decision").exists()


def test_a_case_received_before_the_2019_revision_runs_on_fifteen_plus_fifteen_days(finance, erin):
    case = submit(finance, citizen_fields(received_on=date(2018, 11, 1)))
    assert case.due_on == date(2018, 11, 22)  # 15 working days from Thu 2018-11-01
    with pytest.raises(WorkflowError, match="1至15"):
        perform(case, "extend", erin, days=20, note="需调取档案", on=date(2018, 11, 20))
