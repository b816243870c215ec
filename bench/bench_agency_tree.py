"""How fast are permission checks on a province-sized agency tree?

Builds 1 province → 14 cities → 8 counties each → 30 departments and 15 towns each
(≈ 5,200 agencies) in a throwaway database, then times the queries every page makes:
a supervisor's subtree, a clerk's `can()`, and scoping a queryset. Run:

    .venv/bin/python bench/bench_agency_tree.py            # SQLite
    scripts/with-postgres.sh .venv/bin/python bench/bench_agency_tree.py
"""

import os
import statistics
import tempfile
import time

os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from gongkai.statute.agency_codes import make_uscc  # noqa: E402
from gongkai.web.agencies import permissions  # noqa: E402
from gongkai.web.agencies.models import Agency, Membership, User  # noqa: E402
from gongkai.web.agencies.roles import Action, AgencyLevel, Role  # noqa: E402


def code(serial: int) -> str:
    return make_uscc("1", "1", "360000", f"{serial:08d}")


@transaction.atomic
def build_tree() -> tuple[Agency, Agency]:
    serial = iter(range(10_000_000, 99_999_999))
    province = Agency.objects.create(
        name="某省人民政府", code=code(next(serial)), level=AgencyLevel.PROVINCIAL_GOVERNMENT
    )
    leaf = province
    for city_no in range(14):
        city = Agency.objects.create(
            name=f"第{city_no}市人民政府", code=code(next(serial)),
            level=AgencyLevel.MUNICIPAL_GOVERNMENT, parent=province,
        )  # fmt: skip
        for county_no in range(8):
            county = Agency.objects.create(
                name=f"第{city_no}-{county_no}县人民政府", code=code(next(serial)),
                level=AgencyLevel.COUNTY_GOVERNMENT, parent=city,
            )  # fmt: skip
            for unit_no in range(45):
                level = AgencyLevel.COUNTY_DEPARTMENT if unit_no < 30 else AgencyLevel.TOWNSHIP
                leaf = Agency.objects.create(
                    name=f"单位{city_no}-{county_no}-{unit_no}", code=code(next(serial)),
                    level=level, parent=county,
                )  # fmt: skip
    return province, leaf


def timed(label: str, function, repeat: int = 50) -> None:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    print(f"{label:<48} median {statistics.median(samples):7.2f} ms   max {max(samples):7.2f} ms")


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    province, leaf = build_tree()
    count = Agency.objects.count()
    print(f"{connection.vendor}: built {count} agencies in {time.perf_counter() - started:.1f} s")
    supervisor = User.objects.create_user("supervisor")
    clerk = User.objects.create_user("clerk")
    Membership.objects.create(user=supervisor, agency=province, role=Role.SUPERVISOR)
    Membership.objects.create(user=clerk, agency=leaf, role=Role.CLERK)
    timed(
        "supervisor: count of visible agencies",
        lambda: permissions.agencies_for(supervisor).count(),
    )
    timed(
        "supervisor: can(view, deepest agency)",
        lambda: permissions.can(supervisor, Action.VIEW, leaf),
    )
    timed("clerk: can(view, own agency)", lambda: permissions.can(clerk, Action.VIEW, leaf))
    timed(
        "clerk: can(view, province) — refused",
        lambda: permissions.can(clerk, Action.VIEW, province),
    )
    timed(
        "scope(memberships) for the supervisor",
        lambda: list(permissions.scope(Membership.objects.all(), supervisor)),
    )
    timed("roles_at(supervisor, deepest agency)", lambda: permissions.roles_at(supervisor, leaf))


if __name__ == "__main__":
    main()
