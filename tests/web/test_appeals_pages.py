"""The docket's staff pages: the list with its filters and section 四 figures, registering,
the case page with its steps and documents, editing, and the links from elsewhere."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.web.appeals import workflow
from gongkai.web.appeals.models import Appeal
from gongkai.web.applications.workflow import submit

PDF = b"%PDF-1.4\n%test\n"


def details(**overrides) -> dict:
    fields = {"kind": "review", "appellant": "王小明", "filed_on": date(2025, 3, 3),
              "body": "青山县人民政府", "matter": "对部分公开答复不服"}  # fmt: skip
    return fields | overrides


@pytest.fixture
def application(finance):
    return submit(finance, {
        "applicant_type": "natural", "name": "王小明", "identity_type": "resident_id",
        "identity_number": "11010519491231002X", "phone": "13800000000", "channel": "online",
        "received_on": date(2025, 1, 6), "description": "2024年度部门决算",
        "form_requested": "email", "delivery": "email"})  # fmt: skip


@pytest.fixture
def review(finance, alice, application):
    case = workflow.register(finance, details(), alice, [application])
    return workflow.perform(case, "decide", alice, outcome="upheld", decided_on=date(2025, 5, 6))


@pytest.fixture
def lawsuit(finance, alice, review):
    fields = details(kind="after_review", prior_review=review, filed_on=date(2025, 12, 31),
                     body="青山县人民法院", body_case_no="（2025）赣0999行初12号")  # fmt: skip
    case = workflow.register(finance, fields, alice)
    return workflow.perform(case, "decide", alice, outcome="other", decided_on=date(2026, 1, 2))


def page(client, user, url, **params) -> str:
    client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_docket_lists_the_cases_with_counts_per_kind(client, alice, review, lawsuit):
    html = page(client, alice, "/work/appeals/")
    assert "2025-复01" in html and "2025-诉01" in html and "王小明" in html
    assert "行政复议 1 件" in html and "行政诉讼（复议后起诉） 1 件" in html


def test_the_docket_filters_by_year_kind_result_and_agency(client, alice, review, lawsuit):
    assert "2025-诉01" not in page(client, alice, "/work/appeals/", kind="review")
    as_reported = page(client, alice, "/work/appeals/", year=2025, outcome="pending")
    assert "2025-诉01" in as_reported and "2025-复01" not in as_reported
    today = page(client, alice, "/work/appeals/", outcome="pending")
    assert "2025-诉01" not in today  # decided since
    assert "没有案件" in page(client, alice, "/work/appeals/", year=2024)


def test_a_year_shows_section_four_with_each_figure_linking_to_its_cases(
    client, alice, review, lawsuit
):
    html = page(client, alice, "/work/appeals/", year=2025)
    assert "2025年度报告第四部分" in html and "结果维持" in html and "尚未审结" in html
    assert '<a href="?year=2025&amp;kind=after_review&amp;outcome=pending">1</a>' in html
    assert '<a href="?year=2025&amp;kind=review&amp;outcome=upheld">1</a>' in html


def test_registering_a_case_from_the_form(client, alice, finance, application):
    client.force_login(alice)
    form = {"agency": finance.pk, "kind": "review", "appellant": "李四", "filed_on": "2025-04-01",
            "body": "青山县人民政府", "applications": application.number, "entry": ""}  # fmt: skip
    response = client.post("/work/appeals/new/", form)
    case = Appeal.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/work/appeals/{case.pk}/"
    assert list(case.applications.all()) == [application]


def test_the_form_comes_back_with_chinese_errors_and_stores_nothing(client, alice, finance):
    client.force_login(alice)
    form = {"agency": finance.pk, "kind": "after_review", "appellant": "李四",
            "filed_on": "2007-04-01", "body": "青山县人民法院",
            "applications": "2025-9999"}  # fmt: skip
    html = client.post("/work/appeals/new/", form).content.decode()
    assert "不能早于2008年5月1日" in html and "本机关没有编号为2025-9999的申请" in html
    assert "复议后起诉的案件须选择此前的行政复议案件" in html
    assert not Appeal.objects.exists()


def test_the_case_page_shows_the_case_its_application_and_history(
    client, alice, review, application
):
    html = page(client, alice, f"/work/appeals/{review.pk}/")
    assert "2025-复01" in html and "结果维持" in html and "2025年5月6日" in html
    assert f'href="/work/applications/{application.pk}/"' in html
    assert "登记案件" in html and "记录审结结果" in html
    assert "更正审结结果" in html  # the step open to a decided case


def test_recording_the_decision_from_the_case_page(client, alice, finance):
    case = workflow.register(finance, details(), alice)
    client.force_login(alice)
    form = {"decide-outcome": "corrected", "decide-decided_on": "2025-06-01",
            "decide-corrected_what": "责令重新答复"}  # fmt: skip
    response = client.post(f"/work/appeals/{case.pk}/decide/", form)
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.outcome, case.corrected_what) == ("corrected", "责令重新答复")


def test_a_refused_decision_shows_the_reason_on_the_form(client, alice, finance):
    case = workflow.register(finance, details(), alice)
    client.force_login(alice)
    form = {"decide-outcome": "corrected", "decide-decided_on": "2025-06-01"}
    html = client.post(f"/work/appeals/{case.pk}/decide/", form).content.decode()
    assert "须写明纠正的内容" in html
    case.refresh_from_db()
    assert case.outcome == "" and case.events.count() == 1


def test_a_document_is_uploaded_listed_and_downloaded(client, alice, review):
    client.force_login(alice)
    upload = SimpleUploadedFile("复议决定书.pdf", PDF, content_type="application/pdf")
    form = {"add_document-kind": "decision", "add_document-file": upload}
    assert client.post(f"/work/appeals/{review.pk}/add_document/", form).status_code == 302
    document = review.documents.get()
    html = page(client, alice, f"/work/appeals/{review.pk}/")
    assert "复议决定书.pdf" in html
    response = client.get(f"/work/appeals/{review.pk}/documents/{document.pk}/")
    assert b"".join(response.streaming_content) == PDF


def test_editing_the_details(client, alice, review):
    html = page(client, alice, f"/work/appeals/{review.pk}/edit/")
    assert "修改案件 2025-复01" in html
    form = {"kind": "review", "appellant": "王小明", "filed_on": "2025-03-03",
            "body": "青山县人民政府", "body_case_no": "青府行复〔2025〕7号",
            "matter": "对部分公开答复不服", "applications": "", "entry": ""}  # fmt: skip
    assert client.post(f"/work/appeals/{review.pk}/edit/", form).status_code == 302
    review.refresh_from_db()
    assert review.body_case_no == "青府行复〔2025〕7号" and not review.applications.exists()
    assert review.events.last().action == "edit"


def test_the_application_case_page_lists_the_appeals_that_concern_it(
    client, alice, review, application
):
    html = page(client, alice, f"/work/applications/{application.pk}/")
    assert "行政复议和行政诉讼" in html and f'href="/work/appeals/{review.pk}/"' in html


def test_the_workbench_links_to_the_docket(client, alice):
    assert 'href="/work/appeals/"' in page(client, alice, "/work/")


def test_the_correction_form_starts_from_the_recorded_decision(client, alice, review):
    html = page(client, alice, f"/work/appeals/{review.pk}/")
    assert 'name="correct_decision-decided_on" value="2025-05-06"' in html
    assert '<option value="upheld" selected>' in html


def test_the_edit_form_gives_the_browser_iso_dates(client, alice, review):
    html = page(client, alice, f"/work/appeals/{review.pk}/edit/")
    assert 'name="filed_on" value="2025-03-03"' in html
