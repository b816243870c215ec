"""汇总 over a three-level tree: 青山县人民政府 → 财政局 (which combines its 国库股) and
自然资源局 and 青山镇. Each agency counts once; missing, unpublished and late reports are named."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.web.annualreports import workflow
from gongkai.web.annualreports.aggregation import Standing, combined_report
from gongkai.web.applications.workflow import submit


def one_application(agency, token: str) -> None:
    submit(agency, {
        "applicant_type": "natural", "name": "王小明", "phone": "13800000000",
        "identity_type": "resident_id", "identity_number": "11010519491231002X",
        "channel": "online", "received_on": date(2025, 4, 1), "description": "预算执行情况",
        "form_requested": "email", "delivery": "email"}, token=token)  # fmt: skip


@pytest.fixture
def tree(county, finance, treasury, land, town, frank, publish_report):
    for agency in (county, finance, treasury, land, town):
        one_application(agency, f"a-{agency.pk}")
    publish_report(treasury, 2025, frank, frank, figure=1)
    publish_report(finance, 2025, frank, frank, combined=True, figure=1)  # with its 国库股
    workflow.start(land, 2025, frank)  # a working copy, never published
    return county


def test_a_combined_report_counts_every_agency_once(tree, finance):
    finance_report = finance.annual_reports.get(year=2025).latest_version().as_report()
    assert finance_report.value("s3.new.total") == 2  # 财政局 and 国库股
    combined = combined_report(tree, 2025)
    # The county's own application, 财政局's combined 2 (国库股 within), 自然资源局's 1.
    assert combined.report.value("s3.new.total") == 4
    assert combined.report.value("s3.carry_forward.total") == 4
    assert combined.report.agency == "青山县人民政府"


def test_it_names_the_missing_the_unpublished_and_the_late(tree, finance, land, town):
    combined = combined_report(tree, 2025)
    standings = {i.agency.name: i.standing for i in combined.inputs}
    assert standings == {
        # Published today, after its due date of 2026-01-31.
        finance.name: Standing.LATE,
        land.name: Standing.UNPUBLISHED,
        town.name: Standing.MISSING,
    }
    assert [i.agency for i in combined.with_standing(Standing.MISSING)] == [town]


def test_a_figure_an_input_left_blank_stays_blank_and_says_whose(tree, land):
    combined = combined_report(tree, 2025)
    assert combined.report.is_blank("s2.licensing.decisions")
    assert any(land.name in note and "行政许可" in note for note in combined.report.notes)


def test_the_supervising_office_compiles_the_combined_report(tree, carol, client, password):
    report = workflow.start(tree, 2025, carol, combined=True)
    assert report.origin == "aggregated"
    assert report.cells["s3.new.total"] == 4
    client.login(username="carol", password=password)
    page = client.get(f"/work/annual-reports/{tree.code}/2025/").content.decode()
    assert "缺报" in page and "尚未发布（使用工作稿数字）" in page


def test_a_clerk_of_a_department_cannot_combine_the_county(tree, alice):
    with pytest.raises(PermissionDenied):
        workflow.start(tree, 2025, alice, combined=True)
