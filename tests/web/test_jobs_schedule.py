"""Periodic jobs as data: registering them, and when each period begins (Beijing time)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from gongkai.web.applications.tasks import send_deadline_reminders
from gongkai.web.catalog.tasks import warm_search
from gongkai.web.jobs import schedule
from gongkai.web.jobs.schedule import PERIODIC, Daily, Every, due_now, register

BEIJING = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def empty_schedule(monkeypatch):
    monkeypatch.setattr(schedule, "PERIODIC", {})
    return schedule.PERIODIC


def test_the_apps_register_their_jobs_at_start_up():
    assert PERIODIC["catalog.warm-search"].task is warm_search
    assert PERIODIC["applications.deadline-reminders"].task is send_deadline_reminders
    assert "jobs.prune-finished-work" in PERIODIC


def test_a_daily_job_is_due_from_its_time_in_beijing_until_midnight():
    daily = Daily(datetime.strptime("07:30", "%H:%M").time())
    assert daily.period(datetime(2026, 5, 6, 7, 29, tzinfo=BEIJING)) is None
    assert daily.period(datetime(2026, 5, 6, 7, 30, tzinfo=BEIJING)) == "2026-05-06"
    # 23:59 UTC on the 5th is already 07:59 on the 6th in Beijing.
    assert daily.period(datetime(2026, 5, 5, 23, 59, tzinfo=UTC)) == "2026-05-06"


def test_an_every_n_minutes_job_has_one_period_per_n_minutes():
    every = Every(15)
    assert every.period(datetime(2026, 5, 6, 9, 0, tzinfo=BEIJING)) == "2026-05-06T09:00+08:00"
    assert every.period(datetime(2026, 5, 6, 9, 14, 59, tzinfo=BEIJING)) == "2026-05-06T09:00+08:00"
    assert every.period(datetime(2026, 5, 6, 9, 15, tzinfo=BEIJING)) == "2026-05-06T09:15+08:00"


def test_register_is_one_line_and_due_now_lists_what_has_begun(empty_schedule):
    register("test.reminders", send_deadline_reminders, daily_at="08:00")
    register("test.warm", warm_search, every_minutes=30)
    at_seven = datetime(2026, 5, 6, 7, 0, tzinfo=BEIJING)
    assert [(job.name, period) for job, period in due_now(at_seven)] == [
        ("test.warm", "2026-05-06T07:00+08:00")
    ]
    assert len(due_now(datetime(2026, 5, 6, 8, 0, tzinfo=BEIJING))) == 2


def test_register_refuses_what_it_cannot_schedule(empty_schedule):
    with pytest.raises(ValueError, match="either"):
        register("test.both", warm_search, daily_at="08:00", every_minutes=5)
    with pytest.raises(ValueError, match="either"):
        register("test.neither", warm_search)
    with pytest.raises(ValueError, match="1 to 1440"):
        register("test.zero", warm_search, every_minutes=0)
    with pytest.raises(TypeError, match="@task"):
        register("test.plain", lambda: None, daily_at="08:00")
    register("test.taken", warm_search, daily_at="08:00")
    with pytest.raises(ValueError, match="already registered"):
        register("test.taken", send_deadline_reminders, daily_at="08:00")
