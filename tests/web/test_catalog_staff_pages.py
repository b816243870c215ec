"""Staff draft, review, approve and publish through the pages; other agencies see nothing."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.web.agencies.models import Membership, User
from gongkai.web.agencies.roles import Role
from gongkai.web.catalog.models.entries import Entry


@pytest.fixture
def wendy(finance):
    """Wendy reviews at finance (审核人)."""
    user = User.objects.create_user("wendy", full_name="王芳", is_staff=True)
    Membership.objects.create(user=user, agency=finance, role=Role.REVIEWER)
    return user


DRAFT = {
    "title": "青山县财政局关于2026年县级预算公开的通知",
    "doc_no": "青财预〔2026〕5号",
    "generated_on": "2026-11-16",
    "article20_item": "7",
    "disclosure_mode": "proactive",
    "body": "县级一般公共预算收入预计完成……",
}


def test_a_draft_goes_through_review_and_approval_to_the_public_site(
    client, finance, alice, wendy, erin
):
    client.force_login(alice)
    response = client.post("/work/catalog/new/", DRAFT | {"agency": finance.pk})
    entry = Entry.objects.get()
    assert response["Location"] == f"/work/catalog/{entry.pk}/"
    client.post(f"/work/catalog/{entry.pk}/submit/", {})
    client.force_login(wendy)
    client.post(f"/work/catalog/{entry.pk}/review/", {
        "review-passed": "1", "review-disclosure_mode": "proactive"})  # fmt: skip
    client.post(f"/work/catalog/{entry.pk}/approve/", {})
    client.force_login(erin)
    client.post(f"/work/catalog/{entry.pk}/approve/", {})
    entry.refresh_from_db()
    assert entry.state == "published" and entry.index_no.endswith("-00001")
    assert "青财预〔2026〕5号" in client.get(f"/catalog/entries/{entry.pk}/").content.decode()


def test_the_page_offers_each_person_only_their_step(client, finance, alice, wendy, erin):
    client.force_login(alice)
    client.post("/work/catalog/new/", DRAFT | {"agency": finance.pk})
    entry = Entry.objects.get()
    assert "送保密审查" in client.get(f"/work/catalog/{entry.pk}/").content.decode()
    client.post(f"/work/catalog/{entry.pk}/submit/", {})
    assert "登记保密审查意见" not in client.get(f"/work/catalog/{entry.pk}/").content.decode()
    client.force_login(wendy)
    assert "登记保密审查意见" in client.get(f"/work/catalog/{entry.pk}/").content.decode()


def test_staff_of_another_agency_get_404(client, finance, alice, bob):
    client.force_login(alice)
    client.post("/work/catalog/new/", DRAFT | {"agency": finance.pk})
    client.force_login(bob)
    assert client.get(f"/work/catalog/{Entry.objects.get().pk}/").status_code == 404


def test_attached_documents_are_searchable_text(client, finance, alice, settings, tmp_path):
    from docx import Document

    settings.MEDIA_ROOT = tmp_path
    client.force_login(alice)
    client.post("/work/catalog/new/", DRAFT | {"agency": finance.pk})
    entry = Entry.objects.get()
    document = Document()
    document.add_paragraph("附件：2026年县级部门预算表")
    stream = io.BytesIO()
    document.save(stream)
    upload = SimpleUploadedFile("预算表.docx", stream.getvalue())
    client.post(f"/work/catalog/{entry.pk}/files/", {"files": [upload]})
    assert "县级部门预算表" in entry.attachments.get().text


def test_the_dashboard_shows_when_each_draft_must_be_published(client, finance, alice):
    client.force_login(alice)
    client.post("/work/catalog/new/", DRAFT | {"agency": finance.pk})
    html = client.get("/work/catalog/").content.decode()
    # Formed Mon 2026-11-16: 20 working days end Mon 2026-12-14 (第二十六条).
    assert "青山县财政局关于2026年县级预算公开的通知" in html and "2026-12-14" in html


def test_a_published_entry_records_other_channels(client, finance, alice):
    entry = Entry.objects.create(agency=finance, title="通知", generated_on=date(2026, 11, 2),
                                 state="published", index_no="x/2026-00001")  # fmt: skip
    client.force_login(alice)
    channel = {"channel": "wechat", "published_on": "2026-11-20", "reference": "青山财政公众号"}
    client.post(f"/work/catalog/{entry.pk}/channels/", channel)
    assert entry.channels.get().channel == "wechat"
    assert entry.events.get().action == "channel"
