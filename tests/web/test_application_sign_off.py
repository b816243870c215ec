"""An answer goes out through the agency's sign-off chain: the clerk drafts it, the reviewer
checks it (审核), the head signs it (签发), then it is issued — each step in the history, the
signer's name on the letter record. An agency without a chain issues in one step."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from tests.web.conftest import make_person
from tests.web.test_application_workflow import PARTIAL, citizen_fields

from gongkai.web.applications import signoff
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


@pytest.fixture
def heidi(finance):
    return make_person("heidi", "何迪", finance, "reviewer")


@pytest.fixture
def chain(finance):
    return signoff.set_chain(finance, signoff.DEFAULT_CHAIN)


def test_draft_check_sign_and_issue_each_in_the_history_with_the_signer_on_the_letter(
    case, chain, alice, heidi, erin
):
    case = perform(case, "draft_decision", alice, **PARTIAL, on=date(2026, 10, 19))
    assert (case.state, case.sign_off_step, case.sign_off_role) == ("in_sign_off", "审核",
                                                                    "reviewer")  # fmt: skip
    assert case.decided_on is None and case.letters.count() == 1  # the receipt only
    case = perform(case, "approve_draft", heidi, on=date(2026, 10, 20))
    assert (case.state, case.sign_off_step) == ("in_sign_off", "签发")
    case = perform(case, "approve_draft", erin, on=date(2026, 10, 21))
    assert (case.state, case.sign_off_step) == ("signed", "")
    case = perform(case, "issue", alice, on=date(2026, 10, 22))
    # The answer date is the day of issue (第三十三条), and the letter is numbered then.
    assert (case.state, case.outcome, case.decided_on) == ("decided", "partial",
                                                           date(2026, 10, 22))  # fmt: skip
    history = [(e.action, e.actor.username, e.note) for e in case.events.exclude(action="submit")]
    assert history == [("draft_decision", "alice", "送审签：审核 → 签发"),
                       ("approve_draft", "heidi", "审核"), ("approve_draft", "erin", "签发"),
                       ("issue", "alice", "")]  # fmt: skip
    answer = case.letters.get(kind="decision")
    assert (answer.issued_on, answer.signed_by) == (date(2026, 10, 22), erin)


def test_with_a_chain_no_one_decides_in_one_step(case, chain, erin, alice):
    with pytest.raises(WorkflowError, match="签发"):
        perform(case, "decide", erin, **PARTIAL)
    with pytest.raises(PermissionDenied):
        perform(case, "decide", alice, **PARTIAL)


def test_without_a_chain_the_answer_is_issued_in_one_step_and_no_draft_is_taken(case, alice, erin):
    with pytest.raises(WorkflowError, match="一步"):
        perform(case, "draft_decision", alice, **PARTIAL)
    case = perform(case, "decide", erin, **PARTIAL, on=date(2026, 10, 20))
    assert case.letters.get(kind="decision").signed_by == erin


def test_the_holder_of_a_one_step_chain_may_decide_at_once_and_others_draft(
    finance, case, alice, erin
):
    signoff.set_chain(finance, [("签发", "head")])
    with pytest.raises(WorkflowError, match="一步"):
        perform(case, "draft_decision", erin, **PARTIAL)
    case = perform(case, "draft_decision", alice, **PARTIAL, on=date(2026, 10, 19))
    case = perform(case, "approve_draft", erin, on=date(2026, 10, 20))
    assert case.state == "signed"


def test_only_the_role_of_the_step_takes_it_and_no_one_takes_two_steps(
    case, chain, alice, heidi, erin
):
    case = perform(case, "draft_decision", alice, **PARTIAL)
    with pytest.raises(WorkflowError, match="审核"):
        perform(case, "approve_draft", erin)  # the head signs; the reviewer checks first
    with pytest.raises(WorkflowError, match="审核"):
        perform(case, "approve_draft", alice)
    head_and_reviewer = make_person("ivan", "伊万", case.agency, "reviewer")
    case = perform(case, "approve_draft", head_and_reviewer)
    case.agency.memberships.create(user=head_and_reviewer, role="head")
    with pytest.raises(WorkflowError, match="已参与"):  # four eyes
        perform(case, "approve_draft", head_and_reviewer)
    assert perform(case, "approve_draft", erin).state == "signed"


def test_a_returned_draft_goes_back_to_the_clerk_and_the_clock_never_stopped(
    case, chain, alice, heidi
):
    due = case.due_on
    case = perform(case, "draft_decision", alice, **PARTIAL, on=date(2026, 10, 19))
    assert case.due_on == due  # the answer period runs on through the sign-off
    case = perform(case, "return_draft", heidi, note="理由须引用条款", on=date(2026, 10, 20))
    assert (case.state, case.sign_off_step) == ("received", "")
    assert case.events.last().note == "理由须引用条款\n审核"
    returned = case.decision_drafts.get()
    assert (returned.status, returned.params["reason"]) == ("returned", PARTIAL["reason"])


def test_a_draft_keeps_the_chain_it_started_with(finance, case, chain, alice, heidi, erin):
    case = perform(case, "draft_decision", alice, **PARTIAL)
    signoff.set_chain(finance, [])  # the agency now issues in one step
    case = perform(case, "approve_draft", heidi)
    assert (case.state, case.sign_off_step) == ("in_sign_off", "签发")


def test_a_withdrawal_voids_the_draft_under_way(case, chain, alice):
    case = perform(case, "draft_decision", alice, **PARTIAL)
    case = perform(case, "withdraw", alice, note="申请人书面撤回")
    assert (case.state, case.outcome) == ("closed", "other.other")
    assert case.decision_drafts.get().status == "void"
    assert not case.letters.filter(kind="decision").exists()


def test_an_incomplete_draft_is_refused_before_it_reaches_anyone(case, chain, alice):
    with pytest.raises(WorkflowError, match="不予公开的内容"):
        perform(case, "draft_decision", alice, outcome="partial", reason="部分涉及隐私")
    assert case.decision_drafts.count() == 0


def test_the_staff_pages_offer_each_person_only_their_step(client, case, chain, alice, heidi, erin):
    case = perform(case, "draft_decision", alice, **PARTIAL)
    url = f"/work/applications/{case.pk}/"
    for person, offered in ((alice, False), (erin, False), (heidi, True)):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert ("审核/签发通过" in page) is offered, person.username
        assert "答复稿" in page and "待审核" in page
    client.force_login(heidi)
    assert client.get(f"/work/applications/{case.pk}/draft-letter.docx").status_code == 200


def test_the_agency_administrator_sets_the_chain_and_may_make_it_one_step(client, finance, dave):
    client.force_login(dave)
    url = f"/work/applications/sign-off/{finance.code}/"
    assert client.get("/work/applications/sign-off/").url == url  # their one agency
    refused = client.post(url, {"label_1": "审核", "role_1": ""})
    assert "须同时填写名称和角色" in refused.content.decode() and signoff.chain(finance) == []
    client.post(url, {"label_1": "科长审核", "role_1": "reviewer", "label_2": "局长签发",
                      "role_2": "head"})  # fmt: skip
    steps = [(step.label, step.role) for step in signoff.chain(finance)]
    assert steps == [("科长审核", "reviewer"), ("局长签发", "head")]
    client.post(url, {})  # every row empty: answers are issued in one step
    assert signoff.chain(finance) == []
    client.post(url, {"default": "1"})
    assert [s.label for s in signoff.chain(finance)] == ["审核", "签发"]
