from datetime import date

import pytest
from click.testing import CliRunner

from gongkai.cli import main
from gongkai.web.applications.models import Application
from gongkai.web.jobs.worker import run_queued_tasks
from gongkai.web.workcalendar.entry import enter_year

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str):
    return CliRunner().invoke(main, ["deadline", *args])


def test_the_first_line_is_the_iso_due_date():
    result = run("--received", "2026-09-28", "--pause", "2026-10-12:2026-10-30", "--extend", "20")
    assert result.exit_code == 0
    assert result.output.splitlines() == ["2026-12-18"]


def test_a_provisional_due_date_says_so_on_the_first_line():
    assert run("--received", "2026-12-10").output.splitlines()[0] == "2027-01-07 provisional"


def test_explain_prints_the_receipt_rule_and_the_count():
    result = run("--received", "2026-09-28", "--channel", "post", "--explain")
    lines = result.output.splitlines()
    assert lines[0] == "2026-10-30"
    assert "以行政机关签收之日为收到申请之日" in lines[1]
    assert "国庆节假期，不计" in result.output


def test_a_single_day_pause_may_omit_the_end():
    assert run("--received", "2026-11-02", "--pause", "2026-11-03").output.startswith("2026-12-01")


def test_bad_input_exits_2_with_a_reason():
    for args in (["--extend", "21"], ["--pause", "2026-11-10:2026-11-01"], ["--pause", "x"]):
        result = run("--received", "2026-11-02", *args)
        assert result.exit_code == 2
        assert "Error" in result.output


def test_a_year_entered_on_the_platform_makes_the_deadline_final():
    enter_year(2027, ["2027-01-01..2027-01-03=元旦"], [], "国办发明电〔2026〕7号")
    assert run("--received", "2026-12-10").output.splitlines()[0] == "2027-01-08"


def test_calendar_add_year_and_show(db):
    runner = CliRunner()
    result = runner.invoke(main, ["calendar", "add-year", "2027",
                                  "--holiday", "2027-02-05..2027-02-11=春节",
                                  "--workday", "2027-02-14=春节调休",
                                  "--source", "国办发明电〔2026〕7号"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "已排队由后台任务（gongkai worker）重新计算" in result.output
    shown = runner.invoke(main, ["calendar", "show", "2027"]).output
    assert "2027-02-05  休  春节" in shown and "2027-02-14  班  春节调休" in shown


def test_calendar_add_year_refuses_a_weekday_as_makeup_day(db):
    result = CliRunner().invoke(main, ["calendar", "add-year", "2027", "--workday",
                                       "2027-02-15=春节调休", "--source", "x"])  # fmt: skip
    assert result.exit_code == 2 and "not a Saturday or Sunday" in result.output


def test_entering_a_year_recounts_open_cases_and_records_it(finance):
    from gongkai.web.applications.workflow import submit

    case = submit(finance, {"applicant_type": "natural", "name": "王小明", "phone": "1",
                            "channel": "online", "received_on": date(2026, 12, 10),
                            "description": "x", "form_requested": "email",
                            "delivery": "email"})  # fmt: skip
    assert (case.due_on, case.due_provisional) == (date(2027, 1, 7), True)
    enter_year(2027, ["2027-01-01..2027-01-03=元旦"], [], "国办发明电〔2026〕7号")
    assert run_queued_tasks() == 2  # the recounts (applications, mailbox) are tasks for the worker
    case = Application.objects.get(pk=case.pk)
    assert (case.due_on, case.due_provisional) == (date(2027, 1, 8), False)
    event = case.events.last()
    assert event.action == "recalculate" and "2027年节假日安排已更新" in event.note
    assert event.changes["due_on"] == ["2027-01-07", "2027-01-08"]
