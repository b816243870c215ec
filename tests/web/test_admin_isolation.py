"""Staff use the admin only for their own agencies; other agencies' pages do not exist for them."""

import pytest

from gongkai.web.agencies.models import Membership


def change_page(agency) -> str:
    return f"/admin/agencies/agency/{agency.pk}/change/"


def test_a_clerk_gets_404_on_another_agencys_admin_page(client, alice, land):
    client.force_login(alice)
    assert client.get(change_page(land)).status_code == 404


@pytest.mark.parametrize("suffix", ["history/", "delete/"])
def test_a_clerk_gets_404_on_every_page_of_another_agency(client, alice, land, suffix):
    client.force_login(alice)
    url = change_page(land).replace("change/", suffix)
    assert client.get(url).status_code == 404


def test_a_clerk_may_view_but_not_change_her_own_agency(client, alice, finance):
    client.force_login(alice)
    page = client.get(change_page(finance))
    assert page.status_code == 200
    assert "青山县财政局" in page.content.decode()
    response = client.post(change_page(finance), {"phone": "110"})
    assert response.status_code == 403


def test_the_agency_list_shows_a_clerk_only_her_agency(client, alice, finance, land, town):
    client.force_login(alice)
    page = client.get("/admin/agencies/agency/").content.decode()
    assert "青山县财政局" in page
    assert "青山县自然资源局" not in page
    assert "青山镇" not in page


def test_a_clerk_does_not_see_other_agencies_staff(client, alice, bob):
    client.force_login(alice)
    page = client.get("/admin/agencies/membership/").content.decode()
    assert "艾丽" in page
    assert "鲍勃" not in page
    other = Membership.objects.get(user=bob)
    assert client.get(f"/admin/agencies/membership/{other.pk}/change/").status_code == 404


def test_a_supervisor_sees_every_agency_below_but_changes_none(client, carol, finance, town):
    client.force_login(carol)
    page = client.get("/admin/agencies/agency/").content.decode()
    assert "青山县财政局" in page and "青山县青山镇人民政府" in page
    assert client.get(change_page(town)).status_code == 200
    assert client.post(change_page(town), {"phone": "110"}).status_code == 403


def test_a_supervisor_gets_404_outside_the_subtree(client, carol, neighbour):
    client.force_login(carol)
    assert client.get(change_page(neighbour)).status_code == 404


def test_an_agency_admin_updates_contact_details_but_not_the_code(client, dave, finance):
    client.force_login(dave)
    original_code = finance.code
    form = {
        "office_address": "青山县府前路20号",
        "postal_code": "336000",
        "office_hours": "工作日 8:30—17:30",
        "phone": "0795-7222307",
        "fax": "",
        "email": "xxgk@czj.example.cn",
        "website": "",
        "code": "000000000000000000",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "1",
        "memberships-0-id": Membership.objects.get(user=dave).pk,
        "memberships-0-agency": finance.pk,
        "memberships-0-user": dave.pk,
        "memberships-0-role": "admin",
    }
    response = client.post(change_page(finance), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    finance.refresh_from_db()
    assert finance.office_address == "青山县府前路20号"
    assert finance.code == original_code


def test_an_agency_admin_assigns_roles_only_in_his_agency(client, dave, alice, finance, land):
    client.force_login(dave)
    form = {"user": alice.pk, "agency": land.pk, "role": "reviewer"}
    response = client.post("/admin/agencies/membership/add/", form)
    assert response.status_code == 200  # the form comes back with an error
    assert not Membership.objects.filter(user=alice, role="reviewer").exists()
    form["agency"] = finance.pk
    assert client.post("/admin/agencies/membership/add/", form).status_code == 302
    assert Membership.objects.filter(user=alice, agency=finance, role="reviewer").exists()


def test_an_agency_admin_cannot_edit_an_account_with_roles_elsewhere(client, dave, bob, alice):
    client.force_login(dave)
    assert client.get(f"/admin/agencies/user/{alice.pk}/change/").status_code == 200
    assert client.get(f"/admin/agencies/user/{bob.pk}/change/").status_code == 404


def test_an_agency_admin_cannot_make_anyone_a_superuser(client, dave, alice):
    client.force_login(dave)
    form = {
        "username": "alice",
        "full_name": "艾丽",
        "email": "",
        "phone": "",
        "is_active": "on",
        "is_superuser": "on",
    }
    client.post(f"/admin/agencies/user/{alice.pk}/change/", form)
    alice.refresh_from_db()
    assert not alice.is_superuser


def test_a_clerk_cannot_open_the_staff_accounts(client, alice):
    client.force_login(alice)
    assert client.get("/admin/agencies/user/").status_code == 403


def test_a_superuser_sees_everything(client, frank, finance, neighbour):
    client.force_login(frank)
    assert client.get(change_page(neighbour)).status_code == 200
    assert client.get("/admin/agencies/user/").status_code == 200
