"""Nothing reaches the catalogue without its confidentiality review and the agency's approvals."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from gongkai.web.agencies.models import Membership
from gongkai.web.agencies.roles import Role
from gongkai.web.catalog.services import create_draft, ensure_chain
from gongkai.web.catalog.workflow import WorkflowError, perform


@pytest.fixture
def today(monkeypatch):
    pinned = date(2026, 11, 23)
    monkeypatch.setattr(timezone, "localdate", lambda *args: pinned)
    return pinned


@pytest.fixture
def draft(finance, alice, today):
    ensure_chain(finance)
    return create_draft(finance, alice, title="青山县财政局关于2026年县级预算公开的通知",
                        generated_on=date(2026, 11, 2), doc_no="青财预〔2026〕5号",
                        body="为进一步推进预算公开……", article20_item=7)  # fmt: skip


@pytest.fixture
def wendy(finance):
    """Wendy reviews at finance (审核人)."""
    from gongkai.web.agencies.models import User

    user = User.objects.create_user("wendy", full_name="王芳", is_staff=True)
    Membership.objects.create(user=user, agency=finance, role=Role.REVIEWER)
    return user


def publish_path(draft, alice, wendy, erin):
    perform(draft, "submit", alice)
    perform(draft, "review", wendy, passed=True, disclosure_mode="proactive")
    perform(draft, "approve", wendy)  # 科室负责人 (reviewer)
    return perform(draft, "approve", erin)  # 主要领导 (head)


def test_an_entry_is_published_after_review_and_the_whole_chain(draft, alice, wendy, erin):
    entry = publish_path(draft, alice, wendy, erin)
    assert entry.state == "published" and entry.published_on == date(2026, 11, 23)
    assert entry.index_no == f"{entry.agency.code}/2026-00001"
    actions = list(entry.events.values_list("action", flat=True))
    assert actions == ["create", "submit", "review", "approve", "publish"]


def test_index_numbers_run_on_per_agency_and_year(finance, alice, wendy, erin, today):
    ensure_chain(finance)
    numbers = []
    for n in range(3):
        entry = create_draft(finance, alice, title=f"通知{n}", generated_on=date(2026, 11, 2))
        numbers.append(publish_path(entry, alice, wendy, erin).index_no[-5:])
    assert numbers == ["00001", "00002", "00003"]


def test_a_clerk_cannot_approve_and_the_head_cannot_take_the_reviewers_step(
    draft, alice, wendy, erin
):
    perform(draft, "submit", alice)
    with pytest.raises(PermissionDenied):
        perform(draft, "review", alice, passed=True)
    perform(draft, "review", wendy, passed=True)
    with pytest.raises(PermissionDenied):
        perform(draft, "approve", erin)  # the first step belongs to the reviewer
    with pytest.raises(PermissionDenied):
        perform(draft, "approve", alice)


def test_a_failed_review_returns_the_draft(draft, alice, wendy):
    perform(draft, "submit", alice)
    entry = perform(draft, "review", wendy, passed=False, comment="涉及个人信息，请删除附件")
    assert entry.state == "draft" and entry.reviews.get().passed is False


def test_secrets_cannot_be_made_public(draft, alice, wendy):
    perform(draft, "submit", alice)
    with pytest.raises(WorkflowError, match="国家秘密"):
        perform(draft, "review", wendy, passed=True, involves_secrets=True,
                disclosure_mode="proactive")  # fmt: skip


def test_an_approver_returns_an_entry_with_a_reason(draft, alice, wendy):
    perform(draft, "submit", alice)
    perform(draft, "review", wendy, passed=True)
    with pytest.raises(WorkflowError, match="需要修改"):
        perform(draft, "return", wendy)
    assert perform(draft, "return", wendy, comment="文号有误").state == "draft"


def test_publication_after_twenty_working_days_is_late(finance, alice, wendy, erin, today):
    ensure_chain(finance)
    entry = create_draft(finance, alice, title="迟发的通知", generated_on=date(2026, 9, 1))
    entry = publish_path(entry, alice, wendy, erin)
    assert entry.late_working_days > 0
    timely = create_draft(finance, alice, title="及时的通知", generated_on=date(2026, 11, 2))
    assert publish_path(timely, alice, wendy, erin).late_working_days <= 0


def test_a_published_entry_is_repealed_with_its_date(draft, alice, wendy, erin):
    entry = publish_path(draft, alice, wendy, erin)
    entry = perform(entry, "change_validity", erin, validity="repealed", on=date(2026, 11, 23))
    assert (entry.validity, entry.validity_changed_on) == ("repealed", date(2026, 11, 23))


def test_illegal_steps_are_refused(draft, erin):
    with pytest.raises(WorkflowError, match="草稿"):
        perform(draft, "withdraw", erin)
