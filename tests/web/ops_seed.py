"""Fill a site's database for the backup test, through the platform's own code paths: two
agencies, staff, applications with uploaded proofs (files under MEDIA_ROOT), a decided case
with its letters and history, published catalogue entries (their search index and counts are
kept by triggers), a cache entry. Run as a script in the site's environment."""

import os
from datetime import date, timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from gongkai.statute.agency_codes import make_uscc  # noqa: E402
from gongkai.web.agencies.models import Agency, Membership, User  # noqa: E402
from gongkai.web.agencies.roles import AgencyLevel, Role  # noqa: E402
from gongkai.web.applications import workflow  # noqa: E402
from gongkai.web.catalog.models.entries import Entry  # noqa: E402

PERSON = {"applicant_type": "natural", "name": "王建国", "identity_type": "resident_id",
          "identity_number": "11010519491231002X", "phone": "13907951234",
          "email": "wjg@example.cn", "address": "青山县人民大道88号3栋", "postal_code": "336000",
          "form_requested": "paper", "delivery": "post", "channel": "letter"}  # fmt: skip
DECISION = {"outcome": "granted", "granted_kind": "provided", "provided_content": "预算表",
            "provision_method": "邮寄纸质文件"}  # fmt: skip


def agencies() -> tuple[Agency, Agency]:
    county = Agency.objects.create(name="青山县人民政府", level=AgencyLevel.COUNTY_GOVERNMENT,
                                   code=make_uscc("1", "1", "360999", "01523601"))  # fmt: skip
    finance = Agency.objects.create(name="青山县财政局", level=AgencyLevel.COUNTY_DEPARTMENT,
                                    code=make_uscc("1", "1", "360999", "01523629"),
                                    parent=county)  # fmt: skip
    return county, finance


def staff(finance: Agency) -> User:
    head = User.objects.create_user("erin", password="backup-test-password-1", full_name="刘洋")
    Membership.objects.create(user=head, agency=finance, role=Role.HEAD)
    return head


def applications(finance: Agency, head: User) -> None:
    received = date(2026, 11, 2)
    for n in range(3):
        proof = SimpleUploadedFile(
            f"身份证{n}.pdf", f"%PDF-1.4 proof {n}".encode(), "application/pdf"
        )
        case = workflow.submit(finance, PERSON | {"received_on": received,
                                                  "description": f"2025年度预算第{n}项"},
                               files=[proof])  # fmt: skip
    workflow.perform(case, "decide", head, on=received + timedelta(days=5), **DECISION)


def entries(finance: Agency) -> None:
    for n in range(1, 4):
        Entry.objects.create(agency=finance, title=f"青山县2026年县级预算公开第{n}号",
                             state="published", index_no=f"{finance.code}/2026-{n:05d}",
                             generated_on=date(2026, 11, 2), published_on=date(2026, 11, 10),
                             body="县级一般公共预算收入……")  # fmt: skip


if __name__ == "__main__":
    _county, finance = agencies()
    head = staff(finance)
    applications(finance, head)
    entries(finance)
    cache.set("gongkai:seeded", "备份测试", timeout=None)
