"""Defect 5 of issue 14: an agency administrator cannot take over accounts that are not
theirs — accounts with no role (new elsewhere, or whose roles were removed) are neither
listed nor editable, their passwords cannot be set, and roles go only to managed accounts."""

import pytest

from gongkai.web.agencies.models import Membership, User

USERS = "/admin/agencies/user/"


def password_page(user) -> str:
    return f"{USERS}{user.pk}/password/"


def set_password(client, user, new="a brand new passphrase 42"):
    return client.post(password_page(user), {"password1": new, "password2": new,
                                             "usable_password": "true"})  # fmt: skip


@pytest.fixture
def former(land, finance):
    """Someone who worked at 自然资源局 and whose role was removed there."""
    from tests.web.conftest import make_person

    person = make_person("former", "前同事", land, "clerk")
    Membership.objects.filter(user=person).delete()
    return person


def test_the_account_list_leaves_out_accounts_without_a_role(client, dave, alice, grace, former):
    client.force_login(dave)
    page = client.get(USERS).content.decode()
    assert "alice" in page
    assert "grace" not in page and "former" not in page


@pytest.mark.parametrize("suffix", ["change/", "password/", "history/"])
def test_an_account_without_a_role_does_not_exist_for_an_agency_admin(client, dave, grace,
                                                                      suffix):  # fmt: skip
    client.force_login(dave)
    assert client.get(f"{USERS}{grace.pk}/{suffix}").status_code == 404


def test_an_agency_admin_cannot_set_the_password_of_a_roleless_account(client, dave, former):
    client.force_login(dave)
    before = User.objects.get(pk=former.pk).password
    assert set_password(client, former).status_code == 404
    assert User.objects.get(pk=former.pk).password == before


def test_an_agency_admin_sets_the_password_of_his_own_staff(client, dave, alice):
    client.force_login(dave)
    assert set_password(client, alice).status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a brand new passphrase 42")


def test_an_agency_admin_cannot_give_a_roleless_account_a_role(client, dave, grace, finance):
    client.force_login(dave)
    form = {"user": grace.pk, "agency": finance.pk, "role": "clerk"}
    response = client.post("/admin/agencies/membership/add/", form)
    assert response.status_code == 200 and not Membership.objects.filter(user=grace).exists()


def test_nor_through_the_agency_page(client, dave, grace, finance):
    client.force_login(dave)
    existing = Membership.objects.get(user=dave)
    form = {"name": finance.name, "office_address": "", "postal_code": "", "office_hours": "",
            "phone": finance.phone, "fax": "", "email": "", "website": "",
            "memberships-TOTAL_FORMS": "2", "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": existing.pk, "memberships-0-agency": finance.pk,
            "memberships-0-user": dave.pk, "memberships-0-role": "admin",
            "memberships-1-agency": finance.pk, "memberships-1-user": grace.pk,
            "memberships-1-role": "clerk"}  # fmt: skip
    client.post(f"/admin/agencies/agency/{finance.pk}/change/", form)
    assert not Membership.objects.filter(user=grace).exists()


def test_an_agency_admin_creates_an_account_with_its_first_role_at_his_agency(
    client, dave, finance
):
    client.force_login(dave)
    form = {"username": "newclerk", "full_name": "新同事", "password1": "x9!long-passphrase",
            "password2": "x9!long-passphrase", "usable_password": "true",
            "agency": finance.pk, "role": "clerk"}  # fmt: skip
    response = client.post(f"{USERS}add/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    account = User.objects.get(username="newclerk")
    assert account.is_staff and not account.is_superuser
    assert list(account.memberships.values_list("agency", "role")) == [(finance.pk, "clerk")]
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("missing", ["agency", "role"])
def test_an_agency_admin_cannot_create_an_account_without_a_role(client, dave, finance, missing):
    client.force_login(dave)
    form = {"username": "floating", "full_name": "无角色", "password1": "x9!long-passphrase",
            "password2": "x9!long-passphrase", "usable_password": "true",
            "agency": finance.pk, "role": "clerk"}  # fmt: skip
    form[missing] = ""
    assert client.post(f"{USERS}add/", form).status_code == 200
    assert not User.objects.filter(username="floating").exists()


def test_an_agency_admin_cannot_create_an_account_at_another_agency(client, dave, land):
    client.force_login(dave)
    form = {"username": "intruder", "full_name": "外人", "password1": "x9!long-passphrase",
            "password2": "x9!long-passphrase", "usable_password": "true",
            "agency": land.pk, "role": "admin"}  # fmt: skip
    assert client.post(f"{USERS}add/", form).status_code == 200
    assert not User.objects.filter(username="intruder").exists()


def test_a_superuser_sees_and_edits_roleless_accounts(client, frank, grace):
    client.force_login(frank)
    assert "grace" in client.get(USERS).content.decode()
    assert set_password(client, grace).status_code == 302


def test_a_superuser_may_create_an_account_without_a_role(client, frank):
    client.force_login(frank)
    form = {"username": "auditor", "full_name": "审计", "password1": "x9!long-passphrase",
            "password2": "x9!long-passphrase", "usable_password": "true",
            "agency": "", "role": ""}  # fmt: skip
    assert client.post(f"{USERS}add/", form).status_code == 302
    assert not User.objects.get(username="auditor").memberships.exists()


def test_an_account_with_a_role_elsewhere_is_not_listed(client, dave, alice, bob, finance):
    Membership.objects.create(user=bob, agency=finance, role="clerk")
    client.force_login(dave)
    page = client.get(USERS).content.decode()
    assert "alice" in page and "bob" not in page
    assert set_password(client, bob).status_code == 404
