"""Unbounded text (issue 14, defect 8): a 200,000-character description cost the first
受理回执 PDF 32 s of CPU. Every free-text field of the application now has a limit that fits
the statutory form, phone numbers are checked, and the receipt of the largest application
allowed renders in well under a second."""

import json
import time

import pytest

from gongkai.web.applications import letters
from gongkai.web.applications.forms import DESCRIPTION_MAX_LENGTH, ApplicationForm
from gongkai.web.applications.models import Application

LIMITS = {"name": 100, "representative": 50, "contact_person": 50, "address": 200,
          "description": DESCRIPTION_MAX_LENGTH}  # fmt: skip


def payload(agency, **changes) -> dict:
    return {
        "agency_code": agency.code, "applicant_type": "natural", "name": "王小明",
        "identity_type": "resident_id", "identity_number": "11010519491231002X",
        "phone": "13800000000", "description": "2025年度部门预算执行情况",
        "form_requested": "paper", "delivery": "post", "address": "青山县人民路1号",
    } | changes  # fmt: skip


def submit(client, body: dict):
    return client.post("/api/v1/applications", json.dumps(body), content_type="application/json")


@pytest.mark.parametrize(("field", "limit"), list(LIMITS.items()))
def test_every_free_text_field_has_a_limit(client, finance, field, limit):
    answer = submit(client, payload(finance, **{field: "长" * (limit + 1)}))
    assert answer.status_code == 400
    assert any(str(limit) in message for message in answer.json()["errors"][field])
    assert not Application.objects.exists()


def test_the_form_tells_the_browser_the_limit_too():
    html = str(ApplicationForm()["description"])
    assert f'maxlength="{DESCRIPTION_MAX_LENGTH}"' in html


@pytest.mark.parametrize("phone", ["1", "110", "0795-72200", "<script>", "13800138000转1"])
def test_a_phone_number_of_no_known_form_is_refused(client, finance, phone):
    answer = submit(client, payload(finance, phone=phone))
    assert answer.status_code == 400
    assert "带区号的固定电话" in answer.json()["errors"]["phone"][0]


def test_a_phone_number_is_stored_in_one_form(client, finance):
    assert submit(client, payload(finance, phone="(0795) 722-0000 转 12")).status_code == 201
    assert Application.objects.get().phone == "0795-7220000转12"


def test_the_receipt_of_the_largest_application_renders_in_well_under_a_second(client, finance):
    largest = {field: "长" * limit for field, limit in LIMITS.items() if field != "description"}
    description = ("所需信息：" + "青山县财政局2025年度部门预算执行情况的说明，") * 100
    body = payload(finance, **largest, description=description[:DESCRIPTION_MAX_LENGTH],
                   applicant_type="commercial", org_code="91350100M000100Y43")  # fmt: skip
    answer = submit(client, body)
    assert answer.status_code == 201, answer.content
    receipt = Application.objects.get().letters.get(kind="acknowledgement")
    started = time.process_time()
    pdf = letters.rendered(receipt, "pdf")
    assert time.process_time() - started < 1.0  # CPU time of this process: WeasyPrint
    assert pdf.startswith(b"%PDF")
