"""A case waiting for a correction (第三十条), an opinion (第三十二、三十四条) or a fee has no
answer deadline and is never overdue; it has a clock of its own; 视为放弃 only after the
applicant's time has passed; the daily job flags a passed waiting time once."""

import re
from datetime import date

import pytest
from django.utils import timezone
from tests.web.test_application_workflow import CONSULT, citizen_fields

from gongkai.web.applications.models import Application, Event
from gongkai.web.applications.tasks import flag_passed_waiting_times
from gongkai.web.applications.workflow import WorkflowError, perform, submit


@pytest.fixture
def today(monkeypatch):
    """The platform's today pinned to Mon 2026-11-23, as in test_application_workflow.py."""
    pinned = date(2026, 11, 23)
    monkeypatch.setattr(timezone, "localdate", lambda *args: pinned)
    return pinned


@pytest.fixture
def case(finance, today):
    return submit(finance, citizen_fields())


def corrected_by(case, alice, until=None):
    extra = {"correction_due": until} if until else {}
    return perform(case, "request_correction", alice, note="请写明年度", on=date(2026, 9, 29),
                   **extra)  # fmt: skip


def test_a_correction_request_leaves_no_answer_deadline_and_gives_fifteen_working_days(case, alice):
    case = corrected_by(case, alice)
    assert (case.state, case.due_on) == ("awaiting_correction", None)
    # Wed 9/30, then the National Day holiday (10/1–10/7), Sat 10/10 worked: Mon 10/26.
    assert (case.waiting_since, case.waiting_until) == (date(2026, 9, 29), date(2026, 10, 26))


def test_staff_may_give_their_own_date_but_not_one_already_past(case, alice):
    with pytest.raises(WorkflowError, match="晚于"):
        corrected_by(case, alice, date(2026, 9, 29))
    assert Application.objects.get(pk=case.pk).state == "received"
    assert corrected_by(case, alice, date(2026, 10, 30)).waiting_until == date(2026, 10, 30)


def test_abandoned_only_after_the_time_allowed_with_its_notice(case, alice):
    case = corrected_by(case, alice)
    with pytest.raises(WorkflowError, match="2026年10月26日"):
        perform(case, "abandon_correction", alice, on=date(2026, 10, 26))
    case = perform(case, "abandon_correction", alice, on=date(2026, 10, 27))
    assert (case.state, case.outcome, case.closed_on) == ("closed", "other.no_correction",
                                                         date(2026, 10, 27))  # fmt: skip
    assert case.letters.filter(kind="abandoned_correction").exists()


def test_a_fee_notice_gives_twenty_working_days_and_no_answer_deadline(case, alice):
    case = perform(case, "send_fee_notice", alice, method="per_page", quantity=150,
                   on=date(2026, 10, 9))  # fmt: skip
    assert (case.due_on, case.waiting_until) == (None, date(2026, 11, 5))
    with pytest.raises(WorkflowError):
        perform(case, "abandon_payment", alice, on=date(2026, 11, 5))
    case = perform(case, "record_payment", alice, on=date(2026, 10, 20))
    assert case.state == "received" and case.due_on is not None and case.waiting_until is None


def test_the_daily_job_flags_a_passed_waiting_time_once_and_tells_the_clerks(
    case, alice, mailoutbox
):
    alice.email = "alice@qingshan.gov.cn"
    alice.save(update_fields=["email"])
    case = corrected_by(case, alice)
    assert flag_passed_waiting_times.call(today="2026-10-26") == 0  # the last day: not yet
    assert flag_passed_waiting_times.call(today="2026-10-27") == 1
    assert flag_passed_waiting_times.call(today="2026-10-28") == 0  # once per waiting time
    flagged = Event.objects.get(application=case, action="waiting_passed")
    assert "补正后的申请" in flagged.note and "视为放弃" in flagged.note
    assert [m.to for m in mailoutbox] == [["alice@qingshan.gov.cn"]]
    assert Application.objects.get(pk=case.pk).state == "awaiting_correction"  # a person decides


def test_no_waiting_case_is_listed_as_overdue_and_each_passed_one_is_listed_as_such(
    client, finance, case, alice, erin, today
):
    corrected_by(case, alice)  # its time passed on 10/26; received 9/28, so long past 20 days
    client.force_login(alice)
    overdue = client.get("/work/applications/?view=overdue").content.decode()
    passed = client.get("/work/applications/?view=waiting_passed").content.decode()
    assert case.number not in overdue and case.number in passed
    page = client.get(f"/work/applications/{case.pk}/").content.decode()
    assert "等待期间无答复期限" in page and "期限已于2026年10月26日届满" in page
    assert "办结：逾期未补正" in page  # the closing step is offered once the time has passed


def test_a_consultation_has_fifteen_working_days_and_is_not_overdue(client, case, alice, today):
    case = perform(case, "start_consultation", alice, on=date(2026, 10, 12), **CONSULT)
    assert (case.due_on, case.waiting_until) == (None, date(2026, 11, 2))
    client.force_login(alice)
    assert case.number not in client.get("/work/applications/?view=overdue").content.decode()
    assert case.number in client.get("/work/applications/?view=waiting").content.decode()


def test_the_applicant_sees_the_time_to_correct_and_no_answer_deadline(client, case, alice):
    case = corrected_by(case, alice)
    page = client.get(f"/track/{case.query_code}/").content.decode()
    assert "至2026年10月26日止" in page and "期限已于2026年10月26日届满" in page
    assert "等待期间无答复期限" in page
    assert not re.search(r"答复期限：\d{4}年", page)  # no answer deadline counted meanwhile


def test_the_tracking_api_gives_a_waiting_case_its_own_clock_and_no_answer_deadline(
    client, case, alice
):
    case = corrected_by(case, alice, date(2026, 10, 30))
    body = client.get(f"/api/v1/applications/track/{case.query_code}").json()
    assert body["due_date"] is None
    assert (body["waiting_since"], body["waiting_until"]) == ("2026-09-29", "2026-10-30")
    assert "补正" in body["waiting_for"]
    answered = client.get(
        f"/api/v1/applications/track/{submit(case.agency, citizen_fields()).query_code}"
    ).json()
    assert answered["waiting_for"] is None and answered["due_date"] is not None
