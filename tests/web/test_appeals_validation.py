"""A reconsideration or lawsuit is refused, with a clear Chinese message and nothing stored,
unless its dates, outcome, prior reconsideration and subject hang together."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.web.appeals import workflow
from gongkai.web.appeals.models import Appeal, AppealEvent
from gongkai.web.applications.workflow import submit


def details(**overrides) -> dict:
    fields = {"kind": "review", "appellant": "王小明", "filed_on": date(2025, 3, 3),
              "body": "青山县人民政府", "matter": "对部分公开答复不服"}  # fmt: skip
    return fields | overrides


def refusal(agency, actor, applications=(), **overrides) -> dict[str, list[str]]:
    """The messages of a refused registration, after checking that nothing was stored."""
    stored = (Appeal.objects.count(), AppealEvent.objects.count())
    with pytest.raises(ValidationError) as refused:
        workflow.register(agency, details(**overrides), actor, applications)
    assert (Appeal.objects.count(), AppealEvent.objects.count()) == stored
    return refused.value.message_dict


@pytest.fixture
def decided_review(finance, alice):
    case = workflow.register(finance, details(), alice)
    return workflow.perform(case, "decide", alice, outcome="upheld", decided_on=date(2025, 5, 6))


def test_a_case_filed_before_the_regulations_took_effect_is_refused(finance, alice):
    errors = refusal(finance, alice, filed_on=date(2008, 4, 30))
    assert errors["filed_on"] == [
        "申请（起诉）日期不能早于2008年5月1日（《政府信息公开条例》施行之日）。"
    ]


def test_the_first_day_of_the_regulations_is_accepted(finance, alice):
    case = workflow.register(finance, details(filed_on=date(2008, 5, 1)), alice)
    assert case.number == "2008-复01"


def test_a_filing_date_in_the_future_is_refused(finance, alice):
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert "晚于今天" in refusal(finance, alice, filed_on=tomorrow)["filed_on"][0]


def test_a_decision_before_the_filing_date_is_refused(finance, alice):
    case = workflow.register(finance, details(), alice)
    with pytest.raises(ValidationError) as refused:
        workflow.perform(case, "decide", alice, outcome="upheld", decided_on=date(2025, 3, 2))
    assert refused.value.message_dict["decided_on"] == [
        "审结日期不能早于申请（起诉）日期（2025年3月3日）。"
    ]


def test_a_decision_in_the_future_is_refused(finance, alice):
    case = workflow.register(finance, details(), alice)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        workflow.perform(case, "decide", alice, outcome="upheld", decided_on=tomorrow)
    assert "审结日期不能晚于今天" in refused.value.message_dict["decided_on"][0]


def test_an_outcome_needs_a_date_and_a_date_needs_an_outcome(finance, alice):
    case = workflow.register(finance, details(), alice)
    with pytest.raises(ValidationError) as no_date:
        workflow.perform(case, "decide", alice, outcome="upheld")
    assert "须同时填写审结日期" in no_date.value.message_dict["decided_on"][0]
    with pytest.raises(ValidationError) as no_outcome:
        workflow.perform(case, "decide", alice, decided_on=date(2025, 4, 1))
    assert "维持、纠正或其他" in no_outcome.value.message_dict["outcome"][0]
    assert case.events.count() == 1


def test_a_registered_case_cannot_carry_a_decision_without_its_date(finance, alice):
    errors = refusal(finance, alice, outcome="upheld")
    assert "须同时填写审结日期" in errors["decided_on"][0]


def test_a_corrected_outcome_must_say_what_was_corrected(finance, alice):
    case = workflow.register(finance, details(), alice)
    with pytest.raises(ValidationError) as refused:
        workflow.perform(case, "decide", alice, outcome="corrected", decided_on=date(2025, 4, 1))
    assert "写明纠正的内容" in refused.value.message_dict["corrected_what"][0]


def test_a_lawsuit_after_reconsideration_needs_its_reconsideration(finance, alice):
    errors = refusal(finance, alice, kind="after_review")
    assert errors["prior_review"] == ["复议后起诉的案件须选择此前的行政复议案件。"]


def test_the_reconsideration_must_be_decided_before_the_lawsuit(finance, alice):
    pending = workflow.register(finance, details(), alice)
    errors = refusal(finance, alice, kind="after_review", prior_review=pending)
    assert errors["prior_review"] == ["此前的行政复议尚未审结。"]


def test_the_lawsuit_is_filed_on_or_after_the_reconsiderations_decision(
    finance, alice, decided_review
):
    errors = refusal(finance, alice, kind="after_review", prior_review=decided_review,
                     filed_on=date(2025, 5, 5))  # fmt: skip
    assert errors["filed_on"] == ["复议后起诉的日期不能早于复议审结之日（2025年5月6日）。"]
    same_day = details(kind="after_review", prior_review=decided_review, filed_on=date(2025, 5, 6))
    assert workflow.register(finance, same_day, alice).number == "2025-诉01"


def test_the_reconsideration_must_be_against_the_same_agency(finance, land, alice, bob):
    theirs = workflow.register(land, details(), bob)
    theirs = workflow.perform(theirs, "decide", bob, outcome="upheld", decided_on=date(2025, 4, 1))
    errors = refusal(finance, alice, kind="after_review", prior_review=theirs)
    assert errors["prior_review"] == ["此前的案件必须是针对本机关的行政复议。"]


def test_only_a_lawsuit_after_reconsideration_has_a_prior_reconsideration(
    finance, alice, decided_review
):
    errors = refusal(finance, alice, kind="direct", prior_review=decided_review)
    assert errors["prior_review"] == ["只有复议后起诉的案件才关联此前的行政复议。"]


def test_the_applications_concerned_belong_to_the_same_agency(finance, land, alice):
    theirs = submit(land, {
        "applicant_type": "natural", "name": "王小明", "identity_type": "resident_id",
        "identity_number": "11010519491231002X", "phone": "13800000000", "channel": "online",
        "received_on": date(2025, 1, 6), "description": "征收补偿方案", "form_requested": "email",
        "delivery": "email"})  # fmt: skip
    errors = refusal(finance, alice, applications=[theirs])
    assert errors["applications"] == [f"申请 {theirs.number} 属于其他机关。"]


def test_a_case_must_say_what_it_concerns(finance, alice):
    errors = refusal(finance, alice, matter="  ")
    assert "说明案件涉及的事项" in errors["matter"][0]
