"""The pages of 政策解读 and 回应关切: a document's page shows its interpretations and each
interpretation's page shows its document; files are served as uploads; staff see what is
missing and late, draft, publish, and read the year's counts."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from tests.web.interpretations_world import (
    PNG,
    PUBLISHED_ON,
    policy_document,
    published,
    reviewer_at,
    written,
)
from tests.web.test_catalog_pages import entry as published_entry

from gongkai.web.catalog.models.entries import EntryState
from gongkai.web.catalog.public import readable_entries
from gongkai.web.interpretations import workflow
from gongkai.web.interpretations.models import Interpretation, Kind, State
from gongkai.web.interpretations.public import public_records


@pytest.fixture
def heidi(finance):
    return reviewer_at(finance)


@pytest.fixture
def document(finance):
    return policy_document(finance)


def test_the_document_page_shows_its_published_interpretations_only(
    client, finance, alice, heidi, document
):
    published(finance, alice, heidi, document, title="《专项资金管理办法》解读")
    written(finance, alice, document, title="尚未发布的解读草稿")
    html = client.get(reverse("catalog-entry", args=[document.pk])).content.decode()
    assert "《专项资金管理办法》解读" in html and "政策解读" in html
    assert "尚未发布的解读草稿" not in html


def test_the_interpretation_page_links_back_to_its_document(
    client, finance, alice, heidi, document
):
    shown = published(finance, alice, heidi, document)
    html = client.get(reverse("interpretation", args=[shown.pk])).content.decode()
    assert f'href="{reverse("catalog-entry", args=[document.pk])}"' in html
    assert "所解读的政策文件" in html and "青财发〔2026〕6号" in html


def test_a_response_shows_its_concern_and_the_column_sorts_them(
    client, finance, alice, heidi, document
):
    published(finance, alice, heidi, document, title="办法解读")
    published(finance, alice, heidi, concern="冬季供暖收费", title="关于供暖收费的回应")
    responses = client.get(reverse("interpretations"), {"show": "responses"}).content.decode()
    assert "关于供暖收费的回应" in responses and "冬季供暖收费" in responses
    assert "办法解读" not in responses
    assert "办法解读" in client.get(reverse("interpretations")).content.decode()


def test_what_the_public_reads_follows_the_document(client, finance, alice, heidi, document):
    shown = published(finance, alice, heidi, document)
    document.state = EntryState.WITHDRAWN
    document.save()
    assert client.get(reverse("interpretation", args=[shown.pk])).status_code == 404
    draft = written(finance, alice, policy_document(finance, "另一文件"))
    assert client.get(reverse("interpretation", args=[draft.pk])).status_code == 404


@pytest.mark.parametrize("state", EntryState.values)
@pytest.mark.parametrize("disclosure", ["proactive", "on_request", "withheld"])
def test_public_records_agree_with_the_catalogue_on_readable_documents(finance, state, disclosure):
    entry = published_entry(finance, "文件", state=state, disclosure_mode=disclosure,
                            withheld_reason="内部事务")  # fmt: skip
    Interpretation.objects.create(agency=finance, entry=entry, kind=Kind.TEXT, title="解读",
                                  state=State.PUBLISHED, published_on=PUBLISHED_ON)  # fmt: skip
    readable = readable_entries().filter(pk=entry.pk).exists()
    assert public_records().filter(entry=entry).exists() == readable


def test_an_image_is_served_as_an_upload_and_only_once_published(
    client, finance, alice, heidi, document
):
    image = SimpleUploadedFile("图解.png", PNG, content_type="image/png")
    draft = written(finance, alice, document, kind=Kind.GRAPHIC, image=image)
    url = reverse("interpretation-file", args=[draft.pk, "image"])
    assert client.get(url).status_code == 404
    client.force_login(alice)
    staff_copy = client.get(reverse("interpretation-staff-file", args=[draft.pk, "image"]))
    assert b"".join(staff_copy.streaming_content) == PNG
    client.logout()
    workflow.publish(draft, heidi, on=PUBLISHED_ON)
    response = client.get(url)
    assert response["Content-Type"] == "image/png"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PNG


def form_data(**fields) -> dict:
    return {"kind": "text", "title": "《专项资金管理办法》解读", "body": "一、制定背景……"} | fields


def test_staff_draft_with_a_checked_image_and_a_reviewer_publishes(
    client, finance, alice, heidi, document
):
    client.force_login(alice)
    new = reverse("interpretation-staff-new") + f"?entry={document.pk}"
    fake = SimpleUploadedFile("图解.png", b"%PDF-1.4 not an image", content_type="image/png")
    refused = client.post(new, form_data(kind="graphic", image=fake))
    assert refused.status_code == 200 and "不是真正的" in refused.content.decode()
    real = SimpleUploadedFile("图解.png", PNG, content_type="image/png")
    created = client.post(new, form_data(kind="graphic", image=real))
    draft = Interpretation.objects.get(entry=document)
    assert created.url == reverse("interpretation-staff-page", args=[draft.pk])
    step = reverse("interpretation-staff-action", args=[draft.pk, "publish"])
    client.post(step)
    assert Interpretation.objects.get(pk=draft.pk).state == State.DRAFT  # a clerk cannot
    client.force_login(heidi)
    client.post(step)
    assert Interpretation.objects.get(pk=draft.pk).state == State.PUBLISHED


def test_a_video_file_must_be_a_video(client, finance, alice, document):
    client.force_login(alice)
    new = reverse("interpretation-staff-new") + f"?entry={document.pk}"
    fake = SimpleUploadedFile("解读.mp4", b"\x00" * 32, content_type="video/mp4")
    refused = client.post(new, form_data(kind="video", video_file=fake))
    assert "不是真正的视频文件" in refused.content.decode()
    mp4 = SimpleUploadedFile("解读.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32)
    client.post(new, form_data(kind="video", video_file=mp4))
    assert Interpretation.objects.get(entry=document).video_file.name.endswith(".mp4")


def test_a_response_is_recorded_without_a_document(client, finance, alice):
    client.force_login(alice)
    data = form_data(kind="press_conference", concern="冬季供暖收费", held_on="2026-11-20",
                     head_took_part="on", title="供暖收费新闻发布会")  # fmt: skip
    client.post(reverse("interpretation-staff-new"), data | {"agency": finance.pk})
    response = Interpretation.objects.get(title="供暖收费新闻发布会")
    assert response.entry is None and response.head_took_part and response.agency == finance


def test_staff_see_documents_without_interpretation_and_late_ones(
    client, finance, alice, heidi, document
):
    late_one = policy_document(finance, "青山县政府采购内部控制管理办法")
    published(finance, alice, heidi, late_one, on=date(2026, 11, 20))
    client.force_login(alice)
    html = client.get(reverse("interpretation-staff"), {"year": 2026}).content.decode()
    missing, late = html.split('id="late-title"')
    assert "青山县县级财政专项资金管理办法" in missing and "2026-11-13" in missing  # 3 days
    assert "青山县政府采购内部控制管理办法" in late


def test_the_counts_page_shows_the_year_and_the_old_table_rows(client, finance, alice, heidi):
    document = policy_document(finance, published_on=date(2025, 11, 28))
    published(finance, alice, heidi, document, on=date(2025, 12, 1), title="解读")
    client.force_login(alice)
    html = client.get(reverse("interpretation-staff-counts"), {"year": 2025}).content.decode()
    assert "3.政策解读稿件发布数" in html and "<td>1</td>" in html


def test_the_staff_page_reads_a_fixed_number_of_queries_however_many_documents(
    client, finance, alice
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(alice)
    counts = []
    for number in (1, 6):
        while policy_documents_of(finance) < number:
            policy_document(finance, f"办法{policy_documents_of(finance)}")
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("interpretation-staff"), {"year": 2026})
        counts.append(len(queries))
    assert counts[0] == counts[1]


def policy_documents_of(agency) -> int:
    return agency.entries.count()


def test_the_admin_links_an_interpretations_image_to_a_page_that_serves_it(
    client, finance, alice, heidi, dave, document
):
    image = SimpleUploadedFile("图解.png", PNG, content_type="image/png")
    shown = published(finance, alice, heidi, document, kind=Kind.GRAPHIC, image=image)
    client.force_login(dave)

    page = client.get(f"/admin/interpretations/interpretation/{shown.pk}/change/")
    links = re.findall(r'<a href="([^"]+)">[^<]*\.png</a>', page.content.decode())

    assert page.status_code == 200
    assert links and all(client.get(link).status_code == 200 for link in links)
