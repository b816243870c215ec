"""个人信息保护: the history keeps masked values only; the daily purge masks and deletes what
its retention period no longer allows (and says so in the case's history), once; every
staff view of an applicant's data is recorded; an applicant's data is exported on request."""

import json
import os
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gongkai.web.applications import workflow
from gongkai.web.applications.models import Event
from gongkai.web.jobs.models import Notification
from gongkai.web.privacy.purge import purge

TODAY = date(2026, 11, 30)
PERSON = {"applicant_type": "natural", "name": "王建国", "identity_type": "resident_id",
          "identity_number": "11010519491231002X", "phone": "13907951234",
          "email": "wjg@example.cn", "address": "青山县人民大道88号3栋", "postal_code": "336000",
          "description": "2019年度县本级预算", "form_requested": "paper", "delivery": "post",
          "channel": "letter"}  # fmt: skip
DECISION = {"outcome": "granted", "granted_kind": "provided", "provided_content": "预算表",
            "provision_method": "邮寄纸质文件"}  # fmt: skip


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def answered_case(finance, erin, received_on: date):
    proof = SimpleUploadedFile("身份证.pdf", b"%PDF-1.4 id card", "application/pdf")
    case = workflow.submit(finance, PERSON | {"received_on": received_on}, files=[proof])
    return workflow.perform(case, "decide", erin, on=received_on + timedelta(days=5), **DECISION)


def test_the_history_holds_masked_personal_data_only(finance):
    case = workflow.submit(finance, PERSON | {"received_on": TODAY})
    changes = case.events.get(action="submit").changes
    assert changes["identity_number"][1] == "1****************X"
    assert changes["phone"][1] == "139****1234" and changes["name"][1] == "王建国"
    assert "13907951234" not in json.dumps(changes)


def test_the_purge_masks_details_deletes_proofs_and_keeps_the_record(
    finance, erin, django_capture_on_commit_callbacks
):
    old = answered_case(finance, erin, TODAY - timedelta(days=6 * 365))
    recent = answered_case(finance, erin, TODAY - timedelta(days=300))
    stored = old.attachments.get().file.path
    with django_capture_on_commit_callbacks(execute=True):  # files go once the rows have
        done = purge(TODAY)
    assert done == {"applicant_details": 1, "applicant_attachments": 1,
                            "appellant_names": 0, "notification_recipients": 0}  # fmt: skip
    old.refresh_from_db()
    assert (old.identity_number, old.phone, old.name) == ("1****************X", "139****1234",
                                                          "王建国")  # fmt: skip
    assert (old.outcome, old.number) == ("granted", f"{TODAY.year - 6}-0001")
    letter = old.letters.get(kind="decision")
    assert letter.snapshot["applicant"]["phone"] == "139****1234" and letter.pdf is None
    assert not old.attachments.exists() and not os.path.exists(stored)
    actions = list(old.events.values_list("action", flat=True))
    assert "purge_applicant_details" in actions and "purge_applicant_attachments" in actions
    recent.refresh_from_db()
    assert recent.phone == "13907951234" and recent.attachments.count() == 1
    assert set(purge(TODAY).values()) == {0}  # nothing twice


def test_old_notifications_lose_their_recipient(finance):
    Notification.objects.create(key="k", recipient="zhang@qingshan.gov.cn", subject="s", body="b")
    Notification.objects.update(created_at=timezone.now() - timedelta(days=400))
    assert purge(timezone.localdate())["notification_recipients"] == 1
    assert Notification.objects.get().recipient.startswith("#")


def test_a_staff_view_is_recorded_once_a_day_per_kind(client, finance, alice, erin):
    case = answered_case(finance, erin, TODAY - timedelta(days=10))
    client.force_login(alice)
    client.get(f"/work/applications/{case.pk}/")
    client.get(f"/work/applications/{case.pk}/")
    letter = case.letters.first()
    client.get(f"/work/applications/{case.pk}/letters/{letter.pk}.docx")
    views = Event.objects.filter(application=case, action="view_personal_data", actor=alice)
    assert sorted(views.values_list("note", flat=True)) == ["文书 " + letter.number, "案件页面"]


def test_an_applicants_data_is_exported_and_the_export_recorded(client, finance, alice, bob,
                                                                erin):  # fmt: skip
    case = answered_case(finance, erin, TODAY - timedelta(days=10))
    client.force_login(alice)
    response = client.get("/work/applications/personal-data/",
                          {"key": "13907951234", "format": "json"})  # fmt: skip
    data = json.loads(response.content)
    assert [c["number"] for c in data["cases"]] == [case.number]
    assert data["cases"][0]["identity_number"] == "11010519491231002X"
    assert case.events.filter(action="export_personal_data", actor=alice).exists()
    page = client.get("/work/applications/personal-data/", {"key": "13907951234",
                                                            "format": "html"})  # fmt: skip
    assert "王建国" in page.text
    client.force_login(bob)  # another agency's clerk finds nothing
    found = client.get("/work/applications/personal-data/", {"key": "13907951234"})
    assert case.number not in found.text


def test_a_case_with_a_pending_appeal_keeps_its_details_and_an_old_appeal_loses_its_name(
    finance, alice, erin
):
    from gongkai.web.appeals import workflow as appeals

    answered_on = TODAY - timedelta(days=6 * 365)
    disputed = answered_case(finance, erin, answered_on - timedelta(days=5))
    settled = answered_case(finance, erin, answered_on - timedelta(days=5))
    filed = {"kind": "review", "appellant": "王建国", "filed_on": answered_on + timedelta(days=30),
             "body": "青山县人民政府", "matter": "对答复不服"}  # fmt: skip
    pending = appeals.register(finance, filed, alice, [disputed])
    old = appeals.register(finance, filed, alice, [settled])
    appeals.perform(old, "decide", alice, outcome="upheld",
                    decided_on=answered_on + timedelta(days=80))  # fmt: skip
    done = purge(TODAY)
    assert done["applicant_details"] == 1 and done["appellant_names"] == 1
    disputed.refresh_from_db()
    settled.refresh_from_db()
    assert disputed.phone == "13907951234" and settled.phone == "139****1234"
    old.refresh_from_db()
    pending.refresh_from_db()
    assert (old.appellant, pending.appellant) == ("王**", "王建国")
    assert old.events.last().action_label == "姓名保存期限届满，已遮盖"
