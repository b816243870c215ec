"""Entering a year's holiday schedule queues the recount of every open case as a task; the
worker runs it and leaves each open case's due date as the new calendar counts it."""

from datetime import date

import pytest
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from gongkai.web.applications.deadlines import deadline_of
from gongkai.web.applications.models import Application, Event
from gongkai.web.applications.states import CLOCK_RUNNING, WAITING_STATES
from gongkai.web.applications.workflow import perform, submit
from gongkai.web.jobs.worker import run_queued_tasks
from gongkai.web.workcalendar.entry import enter_year

pytestmark = pytest.mark.django_db(transaction=True)

NOTICE = "国办发明电〔2026〕7号"
RECOUNT = "gongkai.web.applications.tasks.recount_open_deadlines"
# A new schedule queues two recounts: open applications, and open 政民互动 questions (mailbox).
RECOUNTS = 2


def case(agency, received_on: date):
    fields = {"applicant_type": "natural", "name": "王小明", "phone": "1", "channel": "online",
              "received_on": received_on, "description": "x", "form_requested": "email",
              "delivery": "email"}  # fmt: skip
    return submit(agency, fields)


@pytest.fixture
def open_cases(finance, land, alice):
    """Cases whose deadlines reach 2027, before its schedule is published: running, paused
    for a consultation, awaiting a correction, in two agencies."""
    running = case(finance, date(2026, 12, 10))
    consulting = case(finance, date(2026, 12, 1))
    perform(consulting, "start_consultation", alice, party="某公司", interest="商业秘密",
            on=date(2026, 12, 2))  # fmt: skip
    correcting = case(finance, date(2026, 12, 1))
    perform(correcting, "request_correction", alice, note="请补充身份证明", on=date(2026, 12, 2))
    return [running, consulting, correcting, case(land, date(2026, 12, 14))]


def test_entering_a_year_queues_the_recount_instead_of_doing_it(open_cases):
    enter_year(2027, ["2027-01-01..2027-01-03=元旦"], [], NOTICE)
    assert DBTaskResult.objects.filter(task_path=RECOUNT, status="READY").count() == 1
    running = Application.objects.get(pk=open_cases[0].pk)
    assert (running.due_on, running.due_provisional) == (date(2027, 1, 7), True)


def test_the_worker_leaves_every_open_case_due_as_the_new_calendar_counts(open_cases):
    enter_year(2027, ["2027-01-01..2027-01-03=元旦", "2027-02-05..2027-02-11=春节"],
               ["2027-02-14=春节调休"], NOTICE)  # fmt: skip
    assert run_queued_tasks() == RECOUNTS
    for stored in Application.objects.filter(state__in=CLOCK_RUNNING):
        expected = deadline_of(stored)
        assert (stored.due_on, stored.due_provisional) == (expected.due, expected.provisional)
    # A waiting case has no answer deadline to recount (applications/waiting.py).
    assert not Application.objects.filter(state__in=WAITING_STATES, due_on__isnull=False).exists()
    running = Application.objects.get(pk=open_cases[0].pk)
    assert (running.due_on, running.due_provisional) == (date(2027, 1, 8), False)
    event = running.events.last()
    assert event.action == "recalculate" and "2027年节假日安排已更新" in event.note


def test_running_the_recount_again_changes_and_records_nothing(open_cases):
    enter_year(2027, ["2027-01-01..2027-01-03=元旦"], [], NOTICE)
    run_queued_tasks()
    events = Event.objects.count()
    enter_year(2027, ["2027-01-01..2027-01-03=元旦"], [], NOTICE)  # the same schedule again
    assert run_queued_tasks() == RECOUNTS
    assert Event.objects.count() == events


def test_a_schedule_that_is_not_saved_queues_nothing(open_cases):
    with pytest.raises(RuntimeError), transaction.atomic():
        enter_year(2027, ["2027-01-01..2027-01-03=元旦"], [], NOTICE)
        raise RuntimeError("the transaction is rolled back")
    assert not DBTaskResult.objects.exists()


def test_the_admin_queues_the_recount(client, frank, open_cases):
    client.force_login(frank)
    response = client.post(reverse("admin:workcalendar_officialschedule_add"), {
        "year": 2027, "holidays": '{"2027-01-01": "元旦"}',
        "makeup_workdays": '{"2027-02-14": "春节调休"}',
        "source": NOTICE})  # fmt: skip
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert DBTaskResult.objects.filter(task_path=RECOUNT).count() == 1
    assert run_queued_tasks() == RECOUNTS
    assert Application.objects.get(pk=open_cases[0].pk).due_on == date(2027, 1, 8)
