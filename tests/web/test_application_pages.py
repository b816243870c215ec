"""The public form, receipt and tracking pages, and the staff inbox and case page."""

from datetime import date

import pytest

from gongkai.web.applications import captcha
from gongkai.web.applications.models import Application
from gongkai.web.applications.workflow import submit


def form_data(**overrides) -> dict:
    data = {
        "applicant_type": "natural",
        "name": "王小明",
        "identity_type": "resident_id",
        "identity_number": "11010519491231002X",
        "phone": "13800000000",
        "email": "wang@example.cn",
        "description": "2025年度青山县财政局部门预算执行情况",
        "form_requested": "email",
        "delivery": "email",
        "submission_token": "token-1",
        "captcha_token": captcha.token_for(7),
        "captcha_answer": "7",
    }
    return data | overrides


def apply_url(agency) -> str:
    return f"/agencies/{agency.code}/apply/"


def test_the_form_is_in_chinese_with_a_question(client, finance):
    html = client.get(apply_url(finance)).content.decode()
    assert "申请获取政府信息" in html and "等于多少" in html


def test_a_valid_application_is_stored_and_the_receipt_shows_the_query_code(client, finance):
    response = client.post(apply_url(finance), form_data())
    case = Application.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{case.query_code}/")
    html = client.get(response["Location"]).content.decode()
    assert case.query_code in html and "答复期限" in html
    assert case.channel == "online" and case.events.get().action == "submit"


def test_a_double_submitted_form_stores_one_application(client, finance):
    client.post(apply_url(finance), form_data())
    client.post(apply_url(finance), form_data())
    assert Application.objects.count() == 1


def test_a_wrong_identity_number_is_explained_in_chinese_and_nothing_is_stored(client, finance):
    html = client.post(apply_url(finance), form_data(identity_number="110105194912310021"))
    assert "第18位校验码应为“X”" in html.content.decode()
    assert not Application.objects.exists()


def test_a_wrong_answer_to_the_question_is_refused(client, finance):
    html = client.post(apply_url(finance), form_data(captcha_answer="8")).content.decode()
    assert "答案不正确" in html and not Application.objects.exists()


def test_an_organisation_needs_a_valid_code_and_a_contact_person(client, finance):
    data = form_data(applicant_type="commercial", name="青山某某科技有限公司",
                     org_code="91350100M000100Y42")  # fmt: skip
    html = client.post(apply_url(finance), data).content.decode()
    assert "第18位" in html and "联系人" in html and not Application.objects.exists()


def test_tracking_shows_status_and_deadline_but_no_personal_data(client, finance):
    case = submit(finance, {"applicant_type": "natural", "name": "王小明", "phone": "13800000000",
                            "identity_type": "resident_id", "identity_number": "11010519491231002X",
                            "channel": "online", "received_on": date(2026, 9, 28),
                            "description": "预算执行情况", "form_requested": "email",
                            "delivery": "email"})  # fmt: skip
    response = client.get("/track/", {"code": case.query_code.lower()})
    html = client.get(response["Location"]).content.decode()
    assert case.number in html and "办理中" in html
    for private in ["王小明", "13800000000", "11010519491231002X", "预算执行情况"]:
        assert private not in html


def test_an_unknown_query_code_says_so(client, db):
    assert "没有查询到" in client.get("/track/", {"code": "XXXX"}).content.decode()


@pytest.fixture
def case(finance):
    return submit(finance, {"applicant_type": "natural", "name": "王小明", "phone": "13800000000",
                            "channel": "in_person", "received_on": date(2026, 9, 28),
                            "description": "预算执行情况", "form_requested": "paper",
                            "delivery": "collect"})  # fmt: skip


def test_the_inbox_lists_only_the_users_agencies(client, alice, bob, case):
    client.force_login(bob)
    assert "2026-0001" not in client.get("/work/applications/?view=all").content.decode()
    client.force_login(alice)
    assert "2026-0001" in client.get("/work/applications/?view=all").content.decode()


def test_a_clerk_of_another_agency_gets_404_on_the_case(client, bob, case):
    client.force_login(bob)
    assert client.get(f"/work/applications/{case.pk}/").status_code == 404


def test_the_case_page_offers_only_the_steps_the_role_allows(client, alice, erin, case):
    client.force_login(alice)
    html = client.get(f"/work/applications/{case.pk}/").content.decode()
    assert "告知补正" in html and "延期答复" not in html and "作出答复" not in html
    client.force_login(erin)
    html = client.get(f"/work/applications/{case.pk}/").content.decode()
    assert "延期答复" in html and "作出答复" in html


def test_a_step_posted_from_the_case_page_is_performed_and_recorded(client, erin, case):
    client.force_login(erin)
    client.post(f"/work/applications/{case.pk}/decide/", {
        "decide-outcome": "partial", "decide-reason": "部分内容涉及个人隐私",
        "decide-provided_content": "预算执行表", "decide-withheld_content": "个人信息",
        "decide-provision_method": "当面领取"})  # fmt: skip
    case.refresh_from_db()
    assert (case.state, case.outcome) == ("decided", "partial")
    html = client.get(f"/work/applications/{case.pk}/").content.decode()
    assert "作出答复" in html and "刘洋" in html  # the history names the step and who


def test_a_refused_step_comes_back_as_a_message(client, erin, case):
    client.force_login(erin)
    client.post(f"/work/applications/{case.pk}/close/", {})
    html = client.get(f"/work/applications/{case.pk}/").content.decode()
    assert "不能“办结”" in html


def test_staff_register_a_paper_application_with_its_receipt_date(client, alice, finance):
    client.force_login(alice)
    data = form_data(channel="post", received_on="2026-10-09", agency=finance.pk)
    response = client.post("/work/applications/new/", data)
    case = Application.objects.get()
    assert response.status_code == 302
    assert (case.channel, case.received_on) == ("post", date(2026, 10, 9))
    assert case.events.get().actor == alice


def test_staff_download_the_letters_of_the_case_as_pdf_and_word(client, alice, bob, case):
    import io

    import pdfplumber
    from docx import Document

    letter = case.letters.get(kind="acknowledgement")
    url = f"/work/applications/{case.pk}/letters/{letter.pk}"
    client.force_login(alice)
    html = client.get(f"/work/applications/{case.pk}/").content.decode()
    assert letter.number in html
    pdf = client.get(f"{url}.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        text = "".join(page.extract_text() for page in document.pages)
    assert "受理回执" in text.replace(" ", "") and case.query_code in text
    word = Document(io.BytesIO(client.get(f"{url}.docx").content))
    assert any(letter.number in p.text for p in word.paragraphs)
    client.force_login(bob)
    assert client.get(f"{url}.pdf").status_code == 404


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_attachments_are_checked_by_content_and_kept_with_the_case(client, finance, alice, media):
    data = form_data(attachments=[upload("身份证.pdf", b"%PDF-1.4 scan"),
                                  upload("委托书.png", b"\x89PNG\r\n\x1a\n...")])  # fmt: skip
    client.post(apply_url(finance), data)
    case = Application.objects.get()
    assert sorted(case.attachments.values_list("name", flat=True)) == ["委托书.png", "身份证.pdf"]
    attachment = case.attachments.get(name="身份证.pdf")
    client.force_login(alice)
    response = client.get(f"/work/applications/{case.pk}/attachments/{attachment.pk}/")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 scan"


def test_a_file_that_is_not_what_its_name_says_is_refused(client, finance, media):
    html = client.post(apply_url(finance), form_data(attachments=[upload("a.pdf", b"MZ\x90")]))
    assert "不是真正的PDF文件" in html.content.decode()
    assert not Application.objects.exists()


def test_attachments_are_hidden_from_other_agencies(client, finance, bob, media):
    client.post(apply_url(finance), form_data(attachments=[upload("a.pdf", b"%PDF-1.4")]))
    case = Application.objects.get()
    client.force_login(bob)
    url = f"/work/applications/{case.pk}/attachments/{case.attachments.get().pk}/"
    assert client.get(url).status_code == 404


def test_the_inbox_filters_by_state(client, alice, case):
    client.force_login(alice)
    assert "2026-0001" in client.get("/work/applications/?view=all&state=received").content.decode()
    assert (
        "2026-0001" not in client.get("/work/applications/?view=all&state=closed").content.decode()
    )


def refuse_everything(upload):
    from django.core.exceptions import ValidationError

    raise ValidationError("发现病毒：EICAR-Test-File")


def test_a_configured_virus_scanner_can_refuse_an_upload(client, finance, media, settings):
    settings.GONGKAI_UPLOAD_SCANNER = "tests.web.test_application_pages.refuse_everything"
    html = client.post(apply_url(finance), form_data(attachments=[upload("a.pdf", b"%PDF-1.4")]))
    assert "发现病毒" in html.content.decode() and not Application.objects.exists()
