"""The annual-report pages: staff see countdowns, tables whose figures open the records they
count, and take steps; the public reads every published version; other agencies see nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from gongkai.web.annualreports import workflow
from gongkai.web.applications.workflow import submit
from gongkai.web.catalog.registry import store_figure


def apply(agency, token, received_on=date(2025, 4, 1)):
    return submit(agency, {
        "applicant_type": "natural", "name": "王小明", "phone": "13800000000",
        "identity_type": "resident_id", "identity_number": "11010519491231002X",
        "channel": "online", "received_on": received_on, "description": "预算执行情况",
        "form_requested": "email", "delivery": "email"}, token=token)  # fmt: skip


@pytest.fixture
def report(finance, alice, erin):
    for key in ("s2.licensing.decisions", "s2.penalty.decisions", "s2.coercion.decisions",
                "s2.fees.amount"):  # fmt: skip
        store_figure(finance, 2025, key, Decimal(2), erin)
    apply(finance, "p1")
    return workflow.start(finance, 2025, alice)


def logged_in(client, username, password):
    client.login(username=username, password=password)
    return client


def test_the_index_counts_down_to_the_due_date(finance, alice, client, password):
    page = logged_in(client, "alice", password).get("/work/annual-reports/?year=2025")
    text = page.content.decode()
    assert "青山县财政局" in text and "2026年1月31日" in text
    assert "由记录生成" in text  # alice may start it


def test_a_clerk_starts_the_report_from_the_index(finance, alice, client, password):
    client = logged_in(client, "alice", password)
    response = client.post(f"/work/annual-reports/{finance.code}/2025/start/")
    assert response.status_code == 302
    assert finance.annual_reports.get(year=2025).origin == "compiled"


def test_the_report_page_links_every_figure_to_its_records(report, client, password):
    text = (
        logged_in(client, "alice", password)
        .get(f"/work/annual-reports/{report.agency.code}/2025/")
        .content.decode()
    )
    cell_url = f"/work/annual-reports/{report.agency.code}/2025/cells/s3.new.natural/"
    assert f'href="{cell_url}"' in text
    assert "第一、五、六部分" not in text  # no error shown before anyone submits
    listing = logged_in(client, "alice", password).get(cell_url).content.decode()
    assert "2025-0001" in listing and "报告中的数字：1。" in listing


def test_an_entered_figure_shows_its_history(report, client, password):
    url = f"/work/annual-reports/{report.agency.code}/2025/cells/s2.fees.amount/"
    text = logged_in(client, "alice", password).get(url).content.decode()
    assert "由本机关管理员录入" in text and "刘洋" in text


def test_the_prose_is_saved_from_the_page(report, client, password):
    url = f"/work/annual-reports/{report.agency.code}/2025/edit/"
    logged_in(client, "alice", password).post(url, {"一": "总体情况。", "五": "问题。", "六": "无"})
    report.refresh_from_db()
    assert report.sections["五"] == "问题。"


def test_the_working_copy_downloads_in_every_format(report, client, password):
    client = logged_in(client, "alice", password)
    for fmt, start in (("docx", b"PK"), ("xlsx", b"PK"), ("json", b"{"), ("pdf", b"%PDF")):
        url = f"/work/annual-reports/{report.agency.code}/2025/draft.{fmt}"
        assert client.get(url).content.startswith(start), fmt


def test_another_agencys_clerk_gets_not_found(report, bob, client, password):
    client = logged_in(client, "bob", password)
    assert client.get(f"/work/annual-reports/{report.agency.code}/2025/").status_code == 404
    cell = f"/work/annual-reports/{report.agency.code}/2025/cells/s3.new.natural/"
    assert client.get(cell).status_code == 404


def test_the_public_reads_each_version_and_the_reason_for_the_correction(
    report, alice, erin, client, publish_report
):
    publish_report(report.agency, 2025, alice, erin)
    workflow.perform(report, "correct", erin, note="更正第二部分数字")
    workflow.perform(report, "submit", alice)
    workflow.perform(report, "approve", erin)
    code = report.agency.code
    current = client.get(f"/annual-reports/{code}/2025/").content.decode()
    assert "第2版" in current and "更正第二部分数字" in current
    assert "青山县财政局2025年政府信息公开工作年度报告" in current
    first = client.get(f"/annual-reports/{code}/2025/v1/").content.decode()
    assert "本版本已被更正" in first
    assert client.get(f"/annual-reports/{code}/2025/v3/").status_code == 404
    listed = client.get("/annual-reports/").content.decode()
    assert "青山县财政局" in listed


def test_an_unpublished_report_is_not_public(report, client):
    assert client.get(f"/annual-reports/{report.agency.code}/2025/").status_code == 404


def test_the_admin_shows_a_report_read_only_and_only_to_its_agency(report, bob, client, password):
    client = logged_in(client, "alice", password)
    url = f"/admin/annualreports/annualreport/{report.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and "青山县财政局" in page.content.decode()
    assert client.post(url, {"state": "published"}).status_code == 403
    client.logout()
    client = logged_in(client, "bob", password)
    assert client.get(url).status_code == 404


def test_the_api_lists_published_reports_and_serves_each_as_report_json(
    report, alice, erin, client, publish_report
):
    publish_report(report.agency, 2025, alice, erin)
    code = report.agency.code
    listed = client.get("/api/v1/annual-reports", {"year": 2025}).json()
    assert [(r["agency_code"], r["year"], r["version"]) for r in listed] == [(code, 2025, 1)]
    assert client.get("/api/v1/annual-reports", {"agency": "NOSUCHAGENCY"}).json() == []
    document = client.get(listed[0]["json_url"])
    assert document["Content-Type"].startswith("application/json")
    assert b'"s2.fees.amount": 2' in document.content  # an exact decimal, not 2.0
    data = document.json()
    assert (data["format"], data["generation"], data["cells"]["s3.new.total"]) == (
        "gongkai.report/1", "C", 1)  # fmt: skip
    assert client.get(f"/api/v1/annual-reports/{code}/2024").status_code == 404


def test_a_case_decided_after_the_year_shows_as_pending_behind_its_figure(
    report, alice, client, password
):
    from gongkai.web.appeals import workflow as appeals

    case = appeals.register(report.agency, {
        "kind": "review", "appellant": "王小明", "filed_on": date(2025, 12, 1),
        "body": "青山县人民政府", "matter": "答复不服"}, alice)  # fmt: skip
    appeals.perform(case, "decide", alice, outcome="upheld", decided_on=date(2026, 1, 10))
    url = f"/work/annual-reports/{report.agency.code}/2025/cells/s4.review.pending/"
    text = logged_in(client, "alice", password).get(url).content.decode()
    assert case.number in text and "2025年12月31日的结果" in text and "尚未审结" in text


def test_a_published_pdf_opens_in_the_browser_and_a_word_file_downloads(
    report, alice, erin, client, publish_report
):
    entry = publish_report(report.agency, 2025, alice, erin).latest_version().entry
    for attachment in entry.attachments.all():
        response = client.get(f"/catalog/entries/{entry.pk}/files/{attachment.pk}/")
        disposition = response["Content-Disposition"]
        expected = "inline" if attachment.name.endswith(".pdf") else "attachment"
        assert disposition.startswith(expected), attachment.name


def test_a_published_reports_page_heads_its_prose_with_the_sections_titles(
    report, alice, erin, client, password, publish_report
):
    publish_report(report.agency, 2025, alice, erin)
    page = logged_in(client, "alice", password).get(
        f"/work/annual-reports/{report.agency.code}/2025/"
    )

    text = page.content.decode()
    assert "<h3>一、总体情况</h3>" in text
    assert "<h3>五、存在的主要问题及改进情况</h3>" in text
    assert "<h3>一</h3>" not in text


def test_the_workbench_counts_down_to_the_due_date_in_one_phrase(
    finance, alice, client, password, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2026, 1, 24))
    text = logged_in(client, "alice", password).get("/work/").content.decode()
    assert "青山县财政局：应于2026年1月31日前发布，还剩7天" in " ".join(text.split())
