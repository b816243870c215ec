"""No public page or public API answer shows an applicant's or appellant's personal data.

The whole demo (`gongkai demo`) is loaded; every public page is read — the portal, the 目录
and its filters, entry pages and their Word and Excel files, guides, 第二十条 pages, feeds,
sitemaps, the 年报 column and every published version of every report, the receipt and
tracking page of every application, and the public API with its OpenAPI document — and
searched for every applicant's and appellant's name, identity number, phone, e-mail address
and postal address taken from the database. The scan itself is shown to catch a planted leak.
"""

import io
import re
import zipfile
from html import unescape
from urllib.parse import urlsplit

from tests.full_demo import load_full_demo

from gongkai.web.agencies.models import Agency
from gongkai.web.annualreports.models import ReportVersion
from gongkai.web.appeals.models import Appeal
from gongkai.web.applications.models import Application
from gongkai.web.catalog.models.entries import Entry
from gongkai.web.kiosk.models import ReadingPoint
from gongkai.web.mailbox.models import Question

PERSONAL_FIELDS = ["name", "identity_number", "phone", "email", "address", "representative",
                   "contact_person"]  # fmt: skip
NOT_PUBLIC = ("/work/", "/admin/", "/accounts/", "/static/", "/i18n/", "/display/")
OFFICE_FILES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
LINK = re.compile(r'href="(/[^"#]*)"')
MOST_PAGES = 2000


def personal_data() -> dict[str, str]:
    """Every value of a personal field in the database -> where it comes from."""
    found = {}
    for case in Application.objects.all():
        for name in PERSONAL_FIELDS:
            if value := (getattr(case, name) or "").strip():
                found[value] = f"application {case.number} {name}"
    for appeal in Appeal.objects.all():
        if appeal.appellant.strip():
            found[appeal.appellant.strip()] = f"appeal {appeal.number} appellant"
    for question in Question.objects.all():  # the mailbox's askers
        for name in ("name", "phone", "email"):
            if value := getattr(question, name).strip():
                found[value] = f"mailbox question {question.number} {name}"
    return found


def seeds() -> list[str]:
    """The pages a crawl from the home page would not reach: tracking by query code, every
    version of every report, the filters, and the public API."""
    pages = ["/", "/catalog/", "/annual-reports/", "/track/", "/sitemap.xml",
             "/api/openapi.json", "/api/docs", "/api/health", "/api/agencies",
             "/api/v1/annual-reports", "/api/v1/catalog/search?q=预算",
             "/api/v1/catalog/search?q=公开&limit=100", "/catalog/?q=申请"]  # fmt: skip
    for agency in Agency.objects.all():
        code = agency.code
        pages += [f"/agencies/{code}/", f"/agencies/{code}/guide/", f"/agencies/{code}/feed/",
                  f"/agencies/{code}/article-20/", f"/agencies/{code}/annual-reports/",
                  f"/api/agencies/{code}", f"/catalog/?agency={agency.pk}"]  # fmt: skip
    pages += ["/mailbox/", "/mailbox/track/"]
    for question in Question.objects.all():
        pages += [f"/mailbox/track/{question.query_code}/",
                  f"/mailbox/receipt/{question.query_code}/"]  # fmt: skip
    for point in ReadingPoint.objects.all():  # the kiosks: their links lead on from here
        pages += [f"/kiosk/{point.code}/", f"/kiosk/{point.code}/catalog/?q=预算"]
    for case in Application.objects.all():
        pages += [f"/track/{case.query_code}/", f"/apply/receipt/{case.query_code}/",
                  f"/api/v1/applications/track/{case.query_code}"]  # fmt: skip
    for version in ReportVersion.objects.select_related("report__agency"):
        code, year = version.report.agency.code, version.report.year
        base = f"/annual-reports/{code}/{year}/"
        pages += [base, f"{base}v{version.number}/", f"/api/v1/annual-reports/{code}/{year}"]
    for entry in Entry.objects.exclude(index_no=None):
        pages += [
            f"/catalog/entries/{entry.pk}/",
            f"/api/v1/catalog/entry?index_no={entry.index_no}",
        ]
    return pages


def text_of(response) -> str | None:
    """What a reader sees in a response: its text, or the text inside a Word or Excel file;
    None for other files (PDF)."""
    media = response.get("Content-Type", "").split(";")[0]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if media in OFFICE_FILES:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            parts = [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                     if n.endswith(".xml")]  # fmt: skip
        return re.sub(r"<[^>]+>", "", "".join(parts))
    if media.startswith("text/") or media.endswith(("json", "xml")):
        return unescape(body.decode("utf-8", "replace"))
    return None


def crawl(client) -> dict[str, str]:
    """Every public page reachable from the seeds -> its text."""
    queue, seen, texts = list(dict.fromkeys(seeds())), set(), {}
    while queue and len(seen) < MOST_PAGES:
        path = queue.pop(0)
        if path in seen or path.startswith(NOT_PUBLIC):
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, f"{path} answered {response.status_code}"
        if response.status_code != 200 or (text := text_of(response)) is None:
            continue
        texts[path] = text
        for link in LINK.findall(text):
            link = unescape(link)
            if urlsplit(link).netloc == "" and link not in seen:
                queue.append(link)
    assert len(seen) < MOST_PAGES, "the crawl did not finish: raise MOST_PAGES"
    return texts


def leaks(texts: dict[str, str], secrets: dict[str, str]) -> list[str]:
    # Compare without the spaces and hyphens that formatting may add to numbers.
    squeezed = {path: re.sub(r"[\s\-]", "", text) for path, text in texts.items()}
    found = []
    for value, origin in secrets.items():
        needle = re.sub(r"[\s\-]", "", value)
        found += [f"{origin} ({value!r}) on {path}" for path, text in squeezed.items()
                  if needle in text]  # fmt: skip
    return found


def test_no_public_page_shows_personal_data_of_the_demo(client, db):
    load_full_demo()
    secrets = personal_data()
    assert len(secrets) >= 20  # names, numbers, phones, e-mails, addresses of the demo
    texts = crawl(client)
    assert len(texts) >= 100 and any(p.startswith("/api/v1/annual-reports/") for p in texts)
    assert any(p.startswith("/track/") for p in texts)
    assert sum(p.startswith("/mailbox/questions/") for p in texts) >= 5  # published questions
    assert any("/files/" in p for p in texts)  # the reports' Word and Excel files were read
    assert leaks(texts, secrets) == []

    # The scan finds what it looks for: plant an applicant's phone in a public entry's title.
    case = Application.objects.exclude(phone="").first()
    entry = Entry.objects.filter(state="published").first()
    Entry.objects.filter(pk=entry.pk).update(title=f"联系电话{case.phone}")
    planted = {
        f"/catalog/entries/{entry.pk}/": text_of(client.get(f"/catalog/entries/{entry.pk}/"))
    }
    assert leaks(planted, secrets) != []
