"""An annual report goes draft → submitted → approved by the head → published, every step in
its history; a published version is frozen, and a correction is a new version with its reason."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction

from gongkai.web.annualreports import workflow
from gongkai.web.annualreports.models import ReportState
from gongkai.web.applications.workflow import submit
from gongkai.web.catalog.models.entries import EntryState
from gongkai.web.catalog.registry import store_figure

FIGURES = {"s2.licensing.decisions": 3, "s2.penalty.decisions": 1, "s2.coercion.decisions": 0,
           "s2.fees.amount": Decimal("0.5")}  # fmt: skip


def enter_figures(agency, user, year=2025) -> None:
    for key, value in FIGURES.items():
        store_figure(agency, year, key, Decimal(value), user)


def apply(agency, received_on=date(2025, 4, 1), token="t1"):
    return submit(agency, {
        "applicant_type": "natural", "name": "王小明", "phone": "13800000000",
        "identity_type": "resident_id", "identity_number": "11010519491231002X",
        "channel": "online", "received_on": received_on, "description": "预算执行情况",
        "form_requested": "email", "delivery": "email"}, token=token)  # fmt: skip


def written(report) -> dict:
    """Every section with its 【请填写…】 passages written."""
    return {n: t.replace("【请填写", "").replace("】", "") for n, t in report.sections.items()}


@pytest.fixture
def draft(finance, alice, erin):
    enter_figures(finance, erin)
    apply(finance)
    return workflow.start(finance, 2025, alice)


@pytest.fixture
def published(draft, alice, erin):
    workflow.perform(draft, "edit", alice, sections=written(draft))
    workflow.perform(draft, "submit", alice)
    return workflow.perform(draft, "approve", erin)


def test_starting_compiles_the_figures_and_writes_the_prose(draft):
    assert draft.state == ReportState.DRAFT and draft.generation == "C"
    assert draft.cells["s3.new.natural"] == 1 and draft.cells["s3.carry_forward.total"] == 1
    assert "新收政府信息公开申请1件" in draft.sections["一"]
    assert [e.action for e in draft.events.all()] == ["create"]


def test_starting_again_opens_the_same_report(draft, finance, alice):
    assert workflow.start(finance, 2025, alice).pk == draft.pk


def test_a_clerk_of_another_agency_cannot_start_or_edit(draft, finance, bob):
    with pytest.raises(PermissionDenied):
        workflow.start(finance, 2025, bob)
    with pytest.raises(PermissionDenied):
        workflow.perform(draft, "edit", bob, sections={"五": "x"})


def test_the_current_year_and_years_before_2019_cannot_be_compiled(finance, alice):
    with pytest.raises(workflow.WorkflowError, match="尚未结束"):
        workflow.start(finance, date.today().year, alice)
    with pytest.raises(workflow.WorkflowError, match="导入"):
        workflow.start(finance, 2018, alice)


def test_submitting_needs_every_passage_written(draft, alice):
    with pytest.raises(workflow.WorkflowError, match="一、五、六"):
        workflow.perform(draft, "submit", alice)
    draft.refresh_from_db()
    assert draft.state == ReportState.DRAFT


def test_submitting_needs_every_figure_entered(land, bob):
    report = workflow.start(land, 2025, bob)
    workflow.perform(report, "edit", bob, sections=written(report))
    with pytest.raises(workflow.WorkflowError, match="行政许可"):
        workflow.perform(report, "submit", bob)


def test_submitting_counts_the_figures_again(draft, finance, alice):
    apply(finance, date(2025, 6, 1), token="t2")
    workflow.perform(draft, "edit", alice, sections=written(draft))
    report = workflow.perform(draft, "submit", alice)
    assert report.state == ReportState.SUBMITTED
    assert report.cells["s3.new.total"] == 2
    assert report.events.last().changes["cells"]["s3.new.total"] == [1, 2]


def test_only_the_head_approves_and_approval_publishes(draft, alice, erin):
    workflow.perform(draft, "edit", alice, sections=written(draft))
    workflow.perform(draft, "submit", alice)
    with pytest.raises(PermissionDenied):
        workflow.perform(draft, "approve", alice)
    report = workflow.perform(draft, "approve", erin)
    assert report.state == ReportState.PUBLISHED
    actions = [(e.action, e.from_state, e.to_state) for e in report.events.all()]
    assert actions[-2:] == [
        ("approve", "submitted", "approved"),
        ("publish", "approved", "published"),
    ]


def test_a_published_report_is_a_catalogue_entry_with_its_documents(published):
    version = published.latest_version()
    entry = version.entry
    assert (version.number, version.reason) == (1, "")
    assert entry.state == EntryState.PUBLISHED
    assert entry.index_no.startswith(f"{entry.agency.code}/")
    assert entry.form.name == "政府信息公开工作年度报告"
    assert entry.title == "青山县财政局2025年政府信息公开工作年度报告"
    assert sorted(a.name[-4:] for a in entry.attachments.all()) == [".pdf", "docx", "xlsx"]
    assert version.document["cells"]["s3.new.total"] == 1
    assert "<table" in version.html


def test_returning_needs_a_reason(draft, alice, erin):
    workflow.perform(draft, "edit", alice, sections=written(draft))
    workflow.perform(draft, "submit", alice)
    with pytest.raises(workflow.WorkflowError):
        workflow.perform(draft, "return", erin)
    report = workflow.perform(draft, "return", erin, note="第五部分请补充整改措施")
    assert report.state == ReportState.DRAFT
    assert report.events.last().note == "第五部分请补充整改措施"


def test_a_published_version_cannot_be_changed_or_deleted(published):
    version = published.latest_version()
    version.html = "<p>changed</p>"
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()


def test_a_correction_is_a_new_version_with_its_reason_and_the_old_one_stays(
    published, alice, erin
):
    with pytest.raises(workflow.WorkflowError, match="原因"):
        workflow.perform(published, "correct", erin)
    report = workflow.perform(published, "correct", erin, note="第六部分收费金额有误")
    assert report.state == ReportState.DRAFT
    workflow.perform(report, "submit", alice)
    report = workflow.perform(report, "approve", erin)
    first, second = report.versions.order_by("number")
    assert (second.number, second.reason) == (2, "第六部分收费金额有误")
    first.entry.refresh_from_db()
    assert first.entry.state == EntryState.SUPERSEDED
    assert first.entry.superseded_by == second.entry
    assert report.correction_reason == ""


def test_the_database_refuses_to_rewrite_the_history_or_a_published_version(published):
    changes = [(published.events.all(), {"note": "rewritten"}),
               (published.versions.all(), {"reason": "rewritten"})]  # fmt: skip
    for rows, values in changes:
        with pytest.raises(DatabaseError), transaction.atomic():
            rows.update(**values)
        with pytest.raises(DatabaseError), transaction.atomic():
            rows._raw_delete(rows.db)
