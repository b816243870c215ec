"""Seed a fresh database for a load or crash run (run in its own process by stack.py):

    python bench/reliability/seed.py ENTRIES APPLICATIONS STAFF

Prints one JSON object: the agencies' codes, the staff accounts and their password, the
published entries' ids and the 索引号 counters as seeded (verify.py checks the numbers issued
after them). The catalogue is imported like an agency's old 目录 (legacy_import.py), so that
it exercises the import and holds numbers a new 索引号 must skip.
"""

import csv
import io
import json
import os
import random
import sys

STAFF_PASSWORD = "reliability-staff-9274"
COMMON_WORDS = ["预算", "采购", "公告", "通知", "补贴", "项目"]
RARE_WORDS = ["鹭鸶湾", "青苔岭", "石磨坊"]
AGENCY_KEYS = ["czj", "zrzyj", "qsz", "dlx", "fgw"]


def main(entries: int, applications: int, staff: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
    django.setup()
    from gongkai.web.agencies.demo import load_demo

    load_demo()
    retire_demo_password()
    agencies = demo_agencies()
    accounts = staff_accounts(agencies, staff)
    import_catalogue(agencies, entries)
    submit_applications(agencies, applications)
    return context(agencies, accounts)


def retire_demo_password() -> None:
    """The demo's accounts get the run's password: `gongkai serve --production` refuses to
    start while an account has the published demo password (as it should)."""
    from django.contrib.auth.hashers import make_password

    from gongkai.web.agencies.models import User

    User.objects.update(password=make_password(STAFF_PASSWORD))


def demo_agencies() -> dict:
    from gongkai.web.agencies.demo import AGENCIES, demo_code
    from gongkai.web.agencies.models import Agency

    return {spec.key: Agency.objects.get(code=demo_code(spec)) for spec in AGENCIES}


def staff_accounts(agencies: dict, count: int) -> list[str]:
    """Heads of the departments and towns: they may handle, review, decide and approve."""
    from django.contrib.auth.hashers import make_password

    from gongkai.web.agencies.models import Membership, User
    from gongkai.web.agencies.roles import Role
    from gongkai.web.catalog import services

    password, names = make_password(STAFF_PASSWORD), []
    for n in range(count):
        agency = agencies[AGENCY_KEYS[n % len(AGENCY_KEYS)]]
        services.ensure_chain(agency, [("主要领导", "head")])
        user, _created = User.objects.update_or_create(
            username=f"reliability{n + 1}",
            defaults={"full_name": f"负责人{n + 1}", "is_staff": True, "password": password},
        )
        Membership.objects.get_or_create(user=user, agency=agency, role=Role.HEAD)
        names.append(user.username)
    return names


def catalogue_csv(agency, year: int, serials: range, rng: random.Random) -> bytes:
    from gongkai.statute.index_numbers import make_index_number

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["索引号", "名称", "发布日期", "主题分类", "体裁分类", "内容概述"])
    for serial in serials:
        words = rng.sample(COMMON_WORDS, 2)
        words += [rng.choice(RARE_WORDS)] if serial % 97 == 0 else []
        kind = rng.choice(["通知", "公告"])
        title = f"{agency.short_name}关于{''.join(words)}工作的第{serial}号{kind}"
        writer.writerow([make_index_number(agency.code, year, serial), title,
                         f"{year}-{1 + serial % 12:02d}-{1 + serial % 28:02d}", "其他", "其他",
                         f"{title}。{''.join(words)}情况说明。"])  # fmt: skip
    return out.getvalue().encode("utf-8")


def import_catalogue(agencies: dict, entries: int) -> None:
    """Last year's entries of each agency, and this year's numbers 2 and 5 of the finance
    bureau (an old system's entries of this year: new 索引号 continue after them)."""
    from django.utils import timezone

    from gongkai.web.catalog.legacy_import import Defaults, import_legacy_catalog
    from gongkai.web.catalog.models.entries import FormCategory, SubjectCategory

    rng, year = random.Random(14), timezone.localdate().year
    defaults = Defaults(SubjectCategory.objects.filter(agency=None).first(),
                        FormCategory.objects.filter(agency=None).first())  # fmt: skip
    per_agency = max(1, entries // len(AGENCY_KEYS))
    batches = [(agencies[key], year - 1, range(1, per_agency + 1)) for key in AGENCY_KEYS]
    batches.append((agencies["czj"], year, range(2, 6, 3)))
    for agency, batch_year, serials in batches:
        data = catalogue_csv(agency, batch_year, serials, rng)
        result = import_legacy_catalog(data, f"{agency.short_name}{batch_year}.csv", agency,
                                       None, defaults)  # fmt: skip
        if not result.ok:
            raise SystemExit("; ".join(str(error) for error in result.errors))


def submit_applications(agencies: dict, count: int) -> None:
    from django.utils import timezone

    from gongkai.web.applications import workflow

    for n in range(count):
        agency = agencies[AGENCY_KEYS[n % len(AGENCY_KEYS)]]
        workflow.submit(agency, application_fields(n, "seed") | {
            "channel": "letter", "received_on": timezone.localdate()})  # fmt: skip


def application_fields(n: int, who: str) -> dict:
    return {"applicant_type": "natural", "name": f"{who}申请人{n}", "identity_type": "passport",
            "identity_number": f"E{n % 10**8:08d}", "phone": "13800000000",
            "description": f"{who}第{n}号申请所需的2025年度预算执行情况", "form_requested": "paper",
            "delivery": "collect"}  # fmt: skip


def context(agencies: dict, accounts: list[str]) -> dict:
    from gongkai.web.catalog.models.entries import Entry, IndexCounter

    public = Entry.objects.filter(state="published").values_list("pk", flat=True)
    return {
        "agencies": [agency.code for agency in agencies.values()],
        "staff": accounts,
        "password": STAFF_PASSWORD,
        "entries": list(public[:2000]),
        "common_words": COMMON_WORDS,
        "rare_words": RARE_WORDS,
        "counters": {f"{c.agency_id}:{c.year}": c.last for c in IndexCounter.objects.all()},
    }


if __name__ == "__main__":
    entries, applications, staff = (int(arg) for arg in sys.argv[1:4])
    print(json.dumps(main(entries, applications, staff)))
