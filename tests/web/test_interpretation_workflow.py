"""Interpretations are drafted by the agency's handlers, published by its reviewers, with or
after their document and within the promised time, and every step is in an append-only
history."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from tests.web.interpretations_world import (
    PUBLISHED_ON,
    policy_document,
    published,
    reviewer_at,
    written,
)
from tests.web.test_catalog_pages import entry as published_entry

from gongkai.web.catalog import services
from gongkai.web.catalog import workflow as catalog
from gongkai.web.interpretations import workflow
from gongkai.web.interpretations.models import (
    InterpretationEvent,
    InterpretationSetting,
    Kind,
    State,
)


@pytest.fixture
def heidi(finance):
    return reviewer_at(finance)


def test_a_clerk_drafts_and_a_reviewer_publishes(finance, alice, heidi):
    document = policy_document(finance)
    draft = written(finance, alice, document)
    with pytest.raises(PermissionDenied):
        workflow.publish(draft, alice, on=PUBLISHED_ON)
    done = workflow.publish(draft, heidi, on=PUBLISHED_ON)
    assert done.state == State.PUBLISHED and done.published_on == PUBLISHED_ON
    assert done.late_working_days == 0
    history = [(e.action, e.actor.username) for e in done.events.all()]
    assert history == [("create", "alice"), ("publish", "heidi")]


def test_staff_of_another_agency_cannot_write_for_it(finance, bob):
    with pytest.raises(PermissionDenied):
        written(finance, bob, policy_document(finance))


def test_a_department_interprets_its_government_s_document_but_not_the_reverse(
    county, finance, land, alice
):
    county_document = published_entry(county, "青山县人民政府关于进一步优化营商环境的若干措施")
    assert written(finance, alice, county_document).entry == county_document
    with pytest.raises(ValidationError) as refused:
        written(finance, alice, published_entry(land, "东岭乡征地补偿方案"))
    assert "entry" in refused.value.error_dict


def test_an_interpretation_approved_before_its_document_goes_out_with_it(
    finance, alice, heidi, erin
):
    services.ensure_chain(finance)
    document = services.create_draft(finance, alice, title="青山县县级财政专项资金管理办法",
                                     generated_on=date(2026, 11, 2))  # fmt: skip
    ready = workflow.publish(written(finance, alice, document), heidi)
    assert ready.state == State.READY and ready.published_on is None
    catalog.perform(document, "submit", alice)
    catalog.perform(document, "review", heidi, passed=True, disclosure_mode="proactive")
    for step in catalog.chain(document):
        document = catalog.perform(
            document, "approve", {"reviewer": heidi, "head": erin}[step.role]
        )
    assert document.state == "published"
    ready.refresh_from_db()
    assert (ready.state, ready.published_on) == (State.PUBLISHED, document.published_on)
    assert ready.late_working_days == 0
    assert [e.action for e in ready.events.all()] == ["create", "schedule", "publish"]


def test_an_interpretation_of_a_withdrawn_document_is_not_published(finance, alice, heidi):
    withdrawn = policy_document(finance, state="withdrawn")
    with pytest.raises(workflow.WorkflowError, match="不能"):
        workflow.publish(written(finance, alice, withdrawn), heidi, on=PUBLISHED_ON)


def test_lateness_counts_working_days_past_the_promise(finance, alice, heidi):
    # Published Tuesday 10 November; 3 working days: due Friday 13; Tuesday 17 is 2 late.
    document = policy_document(finance)
    late = published(finance, alice, heidi, document, on=date(2026, 11, 17))
    assert late.late_working_days == 2
    InterpretationSetting.objects.create(agency=finance, working_days=0)
    same_day = published(finance, alice, heidi, document, on=PUBLISHED_ON, title="图解")
    next_day = published(finance, alice, heidi, document, on=date(2026, 11, 11), title="视频")
    assert (same_day.late_working_days, next_day.late_working_days) == (0, 1)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": Kind.GRAPHIC}, "image"),
        ({"kind": Kind.VIDEO}, "video_url"),
        ({"kind": Kind.PRESS_CONFERENCE}, "held_on"),
        ({"kind": Kind.TEXT, "head_took_part": True}, "head_took_part"),
        ({"kind": Kind.TEXT, "entry": None, "concern": ""}, "concern"),
    ],
)
def test_each_kind_needs_what_makes_it_that_kind(finance, alice, fields, field):
    fields = {"entry": policy_document(finance)} | fields
    with pytest.raises(ValidationError) as refused:
        written(finance, alice, **fields)
    assert field in refused.value.error_dict


def test_a_response_needs_no_document(finance, alice, heidi):
    response = published(finance, alice, heidi, concern="惠民补贴发放", kind=Kind.PRESS_CONFERENCE,
                         held_on=date(2026, 9, 18), head_took_part=True)  # fmt: skip
    assert response.is_response and response.late_working_days is None


def test_only_drafts_change_and_withdrawal_says_why(finance, alice, heidi):
    done = published(finance, alice, heidi, policy_document(finance))
    with pytest.raises(workflow.WorkflowError):
        workflow.edit(done, alice, title="改过的标题")
    with pytest.raises(workflow.WorkflowError):
        workflow.withdraw(done, heidi, reason=" ")
    assert workflow.withdraw(done, heidi, reason="政策已调整").state == State.WITHDRAWN


def test_the_history_cannot_be_rewritten(finance, alice):
    written(finance, alice, policy_document(finance))
    with pytest.raises(DatabaseError), transaction.atomic():
        InterpretationEvent.objects.update(note="改写")
    with pytest.raises(DatabaseError), transaction.atomic():
        InterpretationEvent.objects.all().delete()
