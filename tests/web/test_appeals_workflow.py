"""Every step of a reconsideration or lawsuit is one recorded event; what the case's stage
or the user's role does not allow is refused and changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.web.appeals import workflow
from gongkai.web.appeals.models import AppealEvent
from gongkai.web.applications.workflow import submit

PDF = b"%PDF-1.4\n%test\n"


def details(**overrides) -> dict:
    fields = {"kind": "review", "appellant": "王小明", "filed_on": date(2025, 3, 3),
              "body": "青山县人民政府", "matter": "对部分公开答复不服"}  # fmt: skip
    return fields | overrides


def application(agency, received_on=date(2025, 1, 6)):
    return submit(agency, {
        "applicant_type": "natural", "name": "王小明", "identity_type": "resident_id",
        "identity_number": "11010519491231002X", "phone": "13800000000", "channel": "online",
        "received_on": received_on, "description": "2024年度部门决算", "form_requested": "email",
        "delivery": "email"})  # fmt: skip


@pytest.fixture
def case(finance, alice):
    return workflow.register(finance, details(), alice)


def decided(case, actor, outcome="upheld", on=date(2025, 5, 6), **more):
    return workflow.perform(case, "decide", actor, outcome=outcome, decided_on=on, **more)


def test_registering_gives_a_number_per_agency_year_and_series(finance, land, alice, bob):
    first = workflow.register(finance, details(), alice)
    second = workflow.register(finance, details(), alice)
    lawsuit = workflow.register(finance, details(kind="direct"), alice)
    elsewhere = workflow.register(land, details(), bob)
    next_year = workflow.register(finance, details(filed_on=date(2026, 1, 5)), alice)
    numbers = [c.number for c in (first, second, lawsuit, elsewhere, next_year)]
    assert numbers == ["2025-复01", "2025-复02", "2025-诉01", "2025-复01", "2026-复01"]


def test_registering_writes_one_event_with_the_details(case, alice):
    event = case.events.get()
    assert (event.action, event.actor) == ("register", alice)
    assert event.changes["appellant"] == [None, "王**"]  # masked: privacy/masking.py
    assert event.changes["filed_on"] == [None, "2025-03-03"]


def test_registering_links_the_applications_concerned(finance, alice):
    concerned = application(finance)
    case = workflow.register(finance, details(matter=""), alice, [concerned])
    assert list(case.applications.all()) == [concerned]
    assert case.events.get().changes["applications"] == [None, [concerned.number]]


def test_editing_the_details_writes_one_event_with_before_and_after(case, alice, finance):
    concerned = application(finance)
    workflow.perform(case, "edit", alice, fields={"body_case_no": "青府行复〔2025〕7号"},
                     applications=[concerned])  # fmt: skip
    event = case.events.last()
    assert case.events.count() == 2 and event.action == "edit"
    assert event.changes == {"body_case_no": ["", "青府行复〔2025〕7号"],
                             "applications": [[], [concerned.number]]}  # fmt: skip


def test_editing_cannot_turn_a_reconsideration_into_a_lawsuit(case, alice):
    with pytest.raises(ValidationError) as refused:
        workflow.perform(case, "edit", alice, fields={"kind": "direct"})
    assert "另行登记" in refused.value.message_dict["kind"][0]
    assert case.events.count() == 1


def test_editing_does_not_reach_the_decision(case, alice):
    with pytest.raises(ValueError):
        workflow.perform(case, "edit", alice, fields={"outcome": "upheld"})


def test_recording_the_decision_writes_one_event(case, alice):
    case = decided(case, alice, note="复议机关决定维持。")
    event = case.events.last()
    assert (case.outcome, case.decided_on) == ("upheld", date(2025, 5, 6))
    assert event.action == "decide" and event.note == "复议机关决定维持。"
    assert event.changes == {"outcome": ["", "upheld"], "decided_on": [None, "2025-05-06"]}


def test_a_decision_is_recorded_once_then_only_corrected(case, alice):
    case = decided(case, alice)
    with pytest.raises(workflow.WorkflowError, match="已记录审结结果"):
        decided(case, alice, outcome="other")
    assert case.events.count() == 2


def test_a_pending_case_has_no_decision_to_correct(case, alice):
    with pytest.raises(workflow.WorkflowError, match="尚未记录审结结果"):
        workflow.perform(case, "correct_decision", alice, outcome="other",
                         decided_on=date(2025, 5, 6), reason="录入错误")  # fmt: skip


def test_correcting_a_decision_needs_a_reason_and_keeps_the_earlier_values(case, alice):
    case = decided(case, alice)
    with pytest.raises(ValidationError) as refused:
        workflow.perform(case, "correct_decision", alice, outcome="corrected",
                         decided_on=date(2025, 5, 8), corrected_what="责令重新答复")  # fmt: skip
    assert "说明更正的理由" in refused.value.message_dict["reason"][0]
    case = workflow.perform(case, "correct_decision", alice, outcome="corrected",
                            decided_on=date(2025, 5, 8), corrected_what="责令重新答复",
                            reason="决定书载明的是责令重新答复，原录入有误")  # fmt: skip
    event = case.events.last()
    assert case.outcome == "corrected" and event.note == "决定书载明的是责令重新答复，原录入有误"
    assert event.changes["outcome"] == ["upheld", "corrected"]
    assert event.changes["decided_on"] == ["2025-05-06", "2025-05-08"]
    assert [e.action for e in case.events.all()] == ["register", "decide", "correct_decision"]


def test_a_reconsiderations_decision_cannot_move_after_its_lawsuit(case, alice, finance):
    case = decided(case, alice)
    lawsuit = details(kind="after_review", prior_review=case, filed_on=date(2025, 5, 10))
    workflow.register(finance, lawsuit, alice)
    with pytest.raises(ValidationError) as refused:
        workflow.perform(case, "correct_decision", alice, outcome="upheld",
                         decided_on=date(2025, 5, 12), reason="日期录错")  # fmt: skip
    assert "2025-诉01" in refused.value.message_dict["decided_on"][0]


def test_adding_a_document_stores_it_and_writes_one_event(case, alice):
    upload = SimpleUploadedFile("决定书.pdf", PDF, content_type="application/pdf")
    workflow.perform(case, "add_document", alice, kind="decision", file=upload)
    document = case.documents.get()
    assert (document.name, document.content_type, document.uploaded_by) == (
        "决定书.pdf", "application/pdf", alice)  # fmt: skip
    assert case.events.last().changes == {"document": [None, "行政复议决定书：决定书.pdf"]}


def test_a_document_is_checked_as_the_applications_attachments_are(case, alice):
    fake = SimpleUploadedFile("决定书.pdf", b"MZ\x90\x00", content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        workflow.perform(case, "add_document", alice, kind="decision", file=fake)
    assert "PDF" in refused.value.message_dict["file"][0]
    assert not case.documents.exists() and case.events.count() == 1


def test_a_supervisor_reads_but_cannot_change(case, carol):
    for action, params in [("decide", {"outcome": "upheld", "decided_on": date(2025, 5, 6)}),
                           ("edit", {"fields": {"summary": "x"}})]:  # fmt: skip
        with pytest.raises(PermissionDenied):
            workflow.perform(case, action, carol, **params)
    with pytest.raises(PermissionDenied):
        workflow.register(case.agency, details(), carol)
    assert AppealEvent.objects.count() == 1


def test_a_clerk_of_another_agency_cannot_change_the_case(case, bob):
    with pytest.raises(PermissionDenied):
        decided(case, bob)
    case.refresh_from_db()
    assert case.outcome == "" and case.events.count() == 1


def test_an_unknown_step_is_refused(case, alice):
    with pytest.raises(workflow.WorkflowError):
        workflow.perform(case, "delete", alice)
