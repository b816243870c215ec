"""Named agencies and people used across the web tests.

青山县人民政府 (county) has two departments, 财政局 (finance) and 自然资源局 (land), and one town
(青山镇). Alice is a clerk at finance, Bob a clerk at land, Carol supervises the whole county
(政务公开办), Dave administers finance, Erin heads finance, Frank is a platform superuser and
Grace has an account but no role yet.
"""

import pytest

from gongkai.statute.agency_codes import make_uscc
from gongkai.web.agencies.models import Agency, Membership, User
from gongkai.web.agencies.roles import AgencyLevel, Role

PASSWORD = "correct horse battery staple"


def make_agency(name: str, org_body: str, level: AgencyLevel, parent=None) -> Agency:
    return Agency.objects.create(
        name=name,
        code=make_uscc("1", "1", "360999", org_body),
        level=level,
        parent=parent,
        phone="0795-7220000",
    )


def make_person(username: str, full_name: str, agency=None, role=None, **extra) -> User:
    user = User.objects.create_user(
        username, password=PASSWORD, full_name=full_name, is_staff=True, **extra
    )
    if agency is not None:
        Membership.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def password():
    """Every named person's password."""
    return PASSWORD


@pytest.fixture
def county(db):
    return make_agency("青山县人民政府", "01523601", AgencyLevel.COUNTY_GOVERNMENT)


@pytest.fixture
def finance(county):
    return make_agency("青山县财政局", "01523629", AgencyLevel.COUNTY_DEPARTMENT, county)


@pytest.fixture
def land(county):
    return make_agency("青山县自然资源局", "01523645", AgencyLevel.COUNTY_DEPARTMENT, county)


@pytest.fixture
def town(county):
    return make_agency("青山县青山镇人民政府", "01523701", AgencyLevel.TOWNSHIP, county)


@pytest.fixture
def treasury(finance):
    """A unit below 财政局, to prove that subtrees are deeper than one level."""
    return make_agency("青山县财政局国库股", "01523637", AgencyLevel.OTHER, finance)


@pytest.fixture
def neighbour(db):
    """An agency outside 青山县: nobody in the county may see it."""
    return make_agency("白水县人民政府", "01529901", AgencyLevel.COUNTY_GOVERNMENT)


@pytest.fixture
def alice(finance):
    return make_person("alice", "艾丽", finance, Role.CLERK)


@pytest.fixture
def bob(land):
    return make_person("bob", "鲍勃", land, Role.CLERK)


@pytest.fixture
def carol(county):
    return make_person("carol", "李娜", county, Role.SUPERVISOR)


@pytest.fixture
def dave(finance):
    return make_person("dave", "陈静", finance, Role.ADMIN)


@pytest.fixture
def erin(finance):
    return make_person("erin", "刘洋", finance, Role.HEAD)


@pytest.fixture
def frank(db):
    return make_person("frank", "系统管理员", is_superuser=True)


@pytest.fixture
def grace(db):
    return make_person("grace", "郭蕾")


@pytest.fixture
def every_count_kept(monkeypatch):
    """Search keeps every count it takes, however cheap, and carries it forward."""
    from gongkai.web.catalog.search_backends import postgresql_counts, sqlite_counts

    monkeypatch.setattr(postgresql_counts, "CACHE_FROM", 1)
    monkeypatch.setattr(sqlite_counts, "KEEP_SLOWER_THAN_MS", -1)


SECTION_TWO_FIGURES = ("s2.licensing.decisions", "s2.penalty.decisions", "s2.coercion.decisions",
                       "s2.fees.amount")  # fmt: skip


def written(sections: dict) -> dict:
    """A report's prose with every 【请填写…】 passage written."""
    return {n: t.replace("【请填写", "").replace("】", "") for n, t in sections.items()}


@pytest.fixture
def publish_report():
    """publish_report(agency, year, clerk, head, combined=False, figure=0, on=None): enter
    the yearly figures of section 二 (where missing), compile, write, submit and approve."""
    from decimal import Decimal

    from gongkai.web.annualreports import workflow
    from gongkai.web.catalog.models.registry import YearlyFigure
    from gongkai.web.catalog.registry import store_figure

    def publish(agency, year, clerk, head, combined=False, figure=0, on=None):
        entered = YearlyFigure.objects.filter(agency=agency, year=year).values_list(
            "key", flat=True
        )
        for key in set(SECTION_TWO_FIGURES) - set(entered):
            store_figure(agency, year, key, Decimal(figure), head)
        report = workflow.start(agency, year, clerk, combined=combined)
        workflow.perform(report, "edit", clerk, sections=written(report.sections))
        workflow.perform(report, "submit", clerk)
        return workflow.perform(report, "approve", head, **({"on": on} if on else {}))

    return publish
