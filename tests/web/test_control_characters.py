"""Control characters (issue 14, defect 6): Word's soft line break \\x0b pasted into an
applicant's name made every DOCX letter of the case answer 500, and in an entry title the
agency's Atom feed. Input is now cleaned where it arrives, and the writers clean again, so
that rows stored before the cleaning existed cannot break them either."""

import io
import json
from contextlib import contextmanager
from datetime import date
from xml.etree import ElementTree

import pdfplumber
import pytest
from django.db.models.signals import pre_save
from docx import Document

from gongkai.web.applications.models import Application
from gongkai.web.applications.workflow import submit
from gongkai.web.catalog.models.entries import Entry
from gongkai.web.core.input import clean_fields

ATOM = "{http://www.w3.org/2005/Atom}"


@contextmanager
def stored_before_the_cleaning():
    """Rows saved as they were before input was cleaned (the data of a running site)."""
    pre_save.disconnect(clean_fields, dispatch_uid="gongkai-clean-fields")
    try:
        yield
    finally:
        pre_save.connect(clean_fields, dispatch_uid="gongkai-clean-fields")


def application(agency, **fields) -> Application:
    return submit(agency, {"applicant_type": "natural", "name": "王小明", "phone": "13800000000",
                           "channel": "in_person", "received_on": date(2026, 9, 28),
                           "description": "预算执行情况", "form_requested": "paper",
                           "delivery": "collect"} | fields)  # fmt: skip


def test_an_old_name_with_a_soft_line_break_no_longer_breaks_the_letters(client, alice, finance):
    with stored_before_the_cleaning():
        case = application(finance, name="王\x0b小明\x01")
    assert "\x0b" in Application.objects.get().name  # the bad row is really there
    client.force_login(alice)
    for letter in case.letters.all():
        url = f"/work/applications/{case.pk}/letters/{letter.pk}"
        word = client.get(f"{url}.docx")
        assert word.status_code == 200
        text = "\n".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
        assert "王\n小明" in text and "\x01" not in text  # \x0b became a line break in Word
        pdf = client.get(f"{url}.pdf")
        assert pdf.status_code == 200
        with pdfplumber.open(io.BytesIO(pdf.content)) as document:
            assert "小明" in "".join(page.extract_text() for page in document.pages)


def test_an_old_entry_title_with_a_soft_line_break_no_longer_breaks_the_feed(client, finance):
    with stored_before_the_cleaning():
        Entry.objects.create(agency=finance, title="2026年预算\x0b公开\x1b", state="published",
                             generated_on=date(2026, 11, 2), published_on=date(2026, 11, 10),
                             index_no=f"{finance.code}/2026-00001",
                             body="正文\x0c第二页")  # fmt: skip
    feed = client.get(f"/agencies/{finance.code}/feed/")
    assert feed.status_code == 200
    titles = [t.text for t in ElementTree.fromstring(feed.content).iter(f"{ATOM}title")]
    assert "2026年预算\n公开" in titles


def test_a_name_typed_with_control_characters_is_stored_clean(client, finance):
    payload = {"agency_code": finance.code, "applicant_type": "natural",
               "name": "王\x0b小明\x00", "identity_type": "resident_id",
               "identity_number": "11010519491231002X", "phone": "13800000000",
               "description": "第一行\x0b第二行\r\n第三行\t（附表）\x07",
               "form_requested": "paper", "delivery": "collect"}  # fmt: skip
    answer = client.post("/api/v1/applications", json.dumps(payload),
                         content_type="application/json")  # fmt: skip
    assert answer.status_code == 201, answer.content
    case = Application.objects.get()
    assert case.name == "王 小明"  # one line: the break is a space
    assert case.description == "第一行\n第二行\n第三行\t（附表）"  # a text area keeps lines


def test_a_staff_form_post_is_cleaned_too(client, alice, finance):
    client.force_login(alice)
    data = {"channel": "post", "received_on": "2026-10-09", "agency": finance.pk,
            "applicant_type": "natural", "name": "李\x0b四", "identity_type": "resident_id",
            "identity_number": "11010519491231002X", "phone": "13800000000\x00",
            "description": "预算\x0b执行", "form_requested": "paper",
            "delivery": "collect"}  # fmt: skip
    response = client.post("/work/applications/new/", data)
    assert response.status_code == 302
    case = Application.objects.get()
    assert (case.name, case.phone, case.description) == ("李 四", "13800000000", "预算\n执行")


@pytest.mark.parametrize("value", ["%00", "a%00b", "%ED%A0%80", "%0B", "%C0%80", "%FF"])
def test_control_characters_in_query_strings_are_no_error(client, finance, value):
    for path in ("/catalog/", "/track/", f"/agencies/{finance.code}/feed/"):
        response = client.get(f"{path}?q={value}&code={value}&agency={value}&page={value}")
        assert response.status_code == 200, path
