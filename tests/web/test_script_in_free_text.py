"""HTML and script typed into every free-text field (issue 14) come out as text: escaped in
every page, feed and report rendering, and as the very characters typed in the Word and PDF
letters — read back from each output, never run and never lost."""

import io
from datetime import date
from xml.etree import ElementTree

import pdfplumber
import pytest
from docx import Document

from gongkai.report.render import render
from gongkai.web.appeals import workflow as appeals
from gongkai.web.applications.workflow import perform, submit
from gongkai.web.catalog.models.entries import Entry

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(2)>'
PAYLOAD = f"{SCRIPT}{IMAGE}"
ESCAPED = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;")
ATOM = "{http://www.w3.org/2005/Atom}"


def assert_escaped(html: str, where: str) -> None:
    assert SCRIPT not in html and "<img src=x" not in html, where
    assert any(escaped in html for escaped in ESCAPED), f"{where}: the text is not shown"


@pytest.fixture
def case(finance, alice):
    application = submit(finance, {
        "applicant_type": "natural", "name": f"王{PAYLOAD}", "phone": "13800000000",
        "channel": "in_person", "received_on": date(2026, 9, 28), "address": PAYLOAD,
        "description": f"预算执行情况{PAYLOAD}", "form_requested": "paper",
        "delivery": "collect"})  # fmt: skip
    return perform(application, "request_correction", alice, note=f"请写明文号{PAYLOAD}")


def letter_texts(client, case) -> list[tuple[str, str]]:
    texts = []
    for letter in case.letters.all():
        url = f"/work/applications/{case.pk}/letters/{letter.pk}"
        word = Document(io.BytesIO(client.get(f"{url}.docx").content))
        with pdfplumber.open(io.BytesIO(client.get(f"{url}.pdf").content)) as pdf:
            text = "".join(page.extract_text() or "" for page in pdf.pages)
        texts.append(("\n".join(p.text for p in word.paragraphs), text.replace("\n", "")))
    return texts


def test_an_applicants_script_is_text_on_the_case_page_and_in_the_letters(client, alice, case):
    client.force_login(alice)
    assert_escaped(client.get(f"/work/applications/{case.pk}/").content.decode(), "case page")
    inbox = client.get("/work/applications/", {"view": "all"}).content.decode()
    assert_escaped(inbox, "inbox")
    texts = letter_texts(client, case)
    assert len(texts) == 2  # 受理回执 and 补正告知书
    for word, pdf in texts:
        assert PAYLOAD in word  # the characters typed, as text
        assert SCRIPT in pdf and "onerror=alert(2)" in pdf


def test_the_public_pages_of_a_case_show_no_script(client, case):
    for path in (f"/apply/receipt/{case.query_code}/", f"/track/{case.query_code}/"):
        html = client.get(path).content.decode()
        assert SCRIPT not in html and "<img src=x" not in html


@pytest.fixture
def entry(finance):
    return Entry.objects.create(
        agency=finance, title=f"2026年预算{PAYLOAD}", state="published", summary=PAYLOAD,
        body=f"预算正文{PAYLOAD}", keywords=PAYLOAD, article20_item=7,
        doc_no=f"青财〔2026〕{IMAGE}",
        generated_on=date(2026, 11, 2), published_on=date(2026, 11, 10),
        index_no=f"{finance.code}/2026-00001",
    )  # fmt: skip


def test_an_entrys_script_is_text_in_the_catalogue_search_and_feed(client, finance, entry):
    pages = {
        "entry": f"/catalog/entries/{entry.pk}/", "catalogue": "/catalog/",
        "search": "/catalog/?q=预算", "article 20": f"/agencies/{finance.code}/article-20/",
    }  # fmt: skip
    for where, path in pages.items():
        assert_escaped(client.get(path).content.decode(), where)
    feed = ElementTree.fromstring(client.get(f"/agencies/{finance.code}/feed/").content)
    assert f"2026年预算{PAYLOAD}" in [title.text for title in feed.iter(f"{ATOM}title")]
    hit = client.get("/api/v1/catalog/search", {"q": "预算"}).json()["results"][0]
    assert hit["title"] == entry.title  # JSON carries the text as typed
    assert SCRIPT not in hit["title_html"] and SCRIPT not in hit["snippet"]


def test_an_appeals_script_is_text_on_the_docket(client, finance, alice):
    fields = {"kind": "review", "appellant": f"李{PAYLOAD}", "filed_on": date(2025, 3, 3),
              "body": PAYLOAD, "matter": PAYLOAD, "summary": PAYLOAD}  # fmt: skip
    appeal = appeals.register(finance, fields, alice, [])
    client.force_login(alice)
    assert_escaped(client.get(f"/work/appeals/{appeal.pk}/").content.decode(), "appeal page")
    assert_escaped(client.get("/work/appeals/").content.decode(), "docket")


def test_annual_report_prose_is_text_in_every_rendering(client, finance, alice):
    from gongkai.web.annualreports import workflow

    report = workflow.start(finance, 2025, alice)
    sections = {
        key: f"{report.sections.get(key, '')}{PAYLOAD}" for key in workflow.EDITABLE_SECTIONS
    }
    report = workflow.perform(report, "edit", alice, sections=sections)
    client.force_login(alice)
    base = f"/work/annual-reports/{finance.code}/2025/"
    assert_escaped(client.get(base).content.decode(), "report page")
    assert_escaped(client.get(f"{base}draft.html").content.decode(), "report html")
    word = Document(io.BytesIO(client.get(f"{base}draft.docx").content))
    assert PAYLOAD in "\n".join(p.text for p in word.paragraphs)
    with pdfplumber.open(io.BytesIO(client.get(f"{base}draft.pdf").content)) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace("\n", "")
    assert SCRIPT in text
    assert_escaped(render(report.as_report(), "html").decode(), "rendered html")
