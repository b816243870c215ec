from gongkai.statute.agency_codes import validate_uscc
from gongkai.web.agencies import permissions
from gongkai.web.agencies.demo import DEMO_PASSWORD, load_demo
from gongkai.web.agencies.models import Agency, Membership, User
from gongkai.web.agencies.roles import AgencyLevel, Role


def test_the_demo_is_a_county_with_three_departments_and_two_towns(db):
    load_demo()
    county = Agency.objects.get(parent=None)
    assert county.level == AgencyLevel.COUNTY_GOVERNMENT
    levels = sorted(child.level for child in county.children.all())
    assert levels == [AgencyLevel.COUNTY_DEPARTMENT] * 3 + [AgencyLevel.TOWNSHIP] * 2


def test_every_demo_code_is_a_valid_uscc(db):
    load_demo()
    for agency in Agency.objects.all():
        assert validate_uscc(agency.code) == agency.code


def test_every_role_has_a_demo_account_that_can_log_in(db, client):
    accounts = load_demo()
    assert {Role(m.role) for m in Membership.objects.all()} == set(Role)
    for account in accounts:
        assert client.login(username=account.username, password=DEMO_PASSWORD), account.username


def test_loading_the_demo_twice_changes_nothing(db):
    load_demo()
    before = (Agency.objects.count(), User.objects.count(), Membership.objects.count())
    load_demo()
    assert (Agency.objects.count(), User.objects.count(), Membership.objects.count()) == before


def test_the_demo_supervisor_sees_the_whole_county(db):
    load_demo()
    supervisor = User.objects.get(username="lina")
    assert permissions.agencies_for(supervisor).count() == 6


def test_the_demo_has_applications_in_every_stage_and_loads_once(db):
    from gongkai.web.applications.demo import load_demo_applications
    from gongkai.web.applications.models import Application

    load_demo()
    assert load_demo_applications() == 6
    assert load_demo_applications() == 6
    states = set(Application.objects.values_list("state", flat=True))
    assert {"received", "consulting", "closed", "awaiting_correction"} <= states
    assert Application.objects.filter(extension_days__gt=0).exists()


def test_the_demo_catalogue_has_published_late_pending_and_draft_entries(db):
    from gongkai.web.catalog.demo import ENTRIES, load_demo_catalog
    from gongkai.web.catalog.models.entries import Entry

    load_demo()
    assert load_demo_catalog() == len(ENTRIES)
    assert load_demo_catalog() == len(ENTRIES)
    states = set(Entry.objects.values_list("state", flat=True))
    assert {"published", "in_approval", "draft"} <= states
    assert Entry.objects.filter(late_working_days__gt=0).exists()
    assert all(e.index_no for e in Entry.objects.filter(state="published"))
