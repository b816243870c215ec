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
    from gongkai.web.applications.demo import SCENARIOS, load_demo_applications
    from gongkai.web.applications.demo_year import CASES
    from gongkai.web.applications.models import Application
    from gongkai.web.supervision.models import Reminder

    load_demo()
    assert load_demo_applications() == len(SCENARIOS) + len(CASES) == 9 + len(CASES)
    assert load_demo_applications() == len(SCENARIOS) + len(CASES)
    states = set(Application.objects.values_list("state", flat=True))
    assert {"received", "consulting", "closed", "awaiting_correction", "in_sign_off"} <= states
    assert Application.objects.filter(extension_days__gt=0).exists()
    signed = Application.objects.get(submission_token="demo-3").letters.exclude(signed_by=None)
    assert [letter.signed_by.username for letter in signed] == ["liuyang"]  # 签发 by the head
    assert Reminder.objects.count() == 1  # the 政务公开办's 督办, recorded once


def test_the_demo_catalogue_has_published_late_pending_and_draft_entries(db):
    from gongkai.web.catalog.demo import ENTRIES, LEGACY_FILE, load_demo_catalog
    from gongkai.web.catalog.imports import read_table
    from gongkai.web.catalog.models.entries import Entry

    load_demo()
    legacy_rows = len(read_table(LEGACY_FILE.read_bytes())[1])
    assert load_demo_catalog() == len(ENTRIES) + legacy_rows
    assert load_demo_catalog() == len(ENTRIES) + legacy_rows
    states = set(Entry.objects.values_list("state", flat=True))
    assert {"published", "in_approval", "draft"} <= states
    assert Entry.objects.filter(late_working_days__gt=0).exists()
    assert all(e.index_no for e in Entry.objects.filter(state="published"))
    assert Entry.objects.filter(state="published", disclosure_mode="on_request").exists()


def test_the_demo_catalogue_keeps_the_old_websites_index_numbers(db):
    from gongkai.web.catalog.demo import load_demo_catalog
    from gongkai.web.catalog.models.entries import Entry

    load_demo()
    load_demo_catalog()
    imported = Entry.objects.filter(index_imported=True, state="published")
    assert {"015236016/2019-00011", "QS-CZJ-2021-003"} <= set(
        imported.values_list("index_no", flat=True)
    )
    reports = imported.filter(form__name="政府信息公开工作年度报告", agency__parent=None)
    # The 2025 report is compiled on the platform (annualreports/demo.py), not imported.
    assert list(reports.values_list("title", flat=True)) == [
        "青山县人民政府2024年政府信息公开工作年度报告",
    ]
