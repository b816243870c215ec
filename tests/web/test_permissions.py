from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Membership
from gongkai.web.agencies.roles import Action, Role


def names(queryset):
    return sorted(agency.name for agency in queryset)


def test_a_clerk_sees_only_her_own_agency(alice, finance, land, town):
    assert names(permissions.agencies_for(alice)) == ["青山县财政局"]


def test_a_clerk_cannot_act_on_another_agency(alice, land):
    assert not permissions.can(alice, Action.VIEW, land)
    assert not permissions.can(alice, Action.HANDLE, land)


def test_a_clerk_handles_cases_but_does_not_approve_them(alice, finance):
    assert permissions.can(alice, Action.HANDLE, finance)
    assert not permissions.can(alice, Action.APPROVE, finance)
    assert not permissions.can(alice, Action.MANAGE, finance)


def test_the_head_approves_extensions_and_publication(erin, finance):
    assert permissions.can(erin, Action.APPROVE, finance)


def test_a_supervisor_sees_the_whole_subtree(carol, county, finance, land, town):
    visible = set(names(permissions.agencies_for(carol)))
    assert visible == {"青山县人民政府", "青山县财政局", "青山县自然资源局", "青山县青山镇人民政府"}


def test_a_supervisor_does_not_see_outside_the_subtree(carol, finance, neighbour):
    assert not permissions.can(carol, Action.VIEW, neighbour)
    assert permissions.can(carol, Action.VIEW, finance)


def test_a_supervisor_does_not_do_the_casework_of_the_agencies_below(carol, finance):
    assert permissions.can(carol, Action.SUPERVISE, finance)
    assert not permissions.can(carol, Action.HANDLE, finance)


def test_supervision_follows_an_agency_that_moves_into_the_subtree(carol, county, neighbour):
    assert not permissions.can(carol, Action.VIEW, neighbour)
    neighbour.parent = county
    neighbour.save()
    assert permissions.can(carol, Action.VIEW, neighbour)


def test_a_superuser_sees_every_agency(frank, county, finance, land):
    assert permissions.agencies_for(frank).count() == 3


def test_an_account_without_a_role_sees_nothing(grace, finance):
    assert not permissions.agencies_for(grace).exists()


def test_an_inactive_account_sees_nothing(alice, finance):
    alice.is_active = False
    alice.save()
    assert not permissions.can(alice, Action.VIEW, finance)


def test_an_anonymous_visitor_sees_nothing(finance):
    from django.contrib.auth.models import AnonymousUser

    assert not permissions.agencies_for(AnonymousUser()).exists()


def test_scope_filters_agency_owned_objects(alice, bob, finance, land):
    memberships = permissions.scope(Membership.objects.all(), alice)
    assert [m.user.username for m in memberships] == ["alice"]


def test_roles_at_includes_supervision_inherited_from_above(carol, alice, finance):
    Membership.objects.create(user=carol, agency=finance, role=Role.REVIEWER)
    assert permissions.roles_at(carol, finance) == {Role.SUPERVISOR, Role.REVIEWER}
    assert permissions.roles_at(alice, finance) == {Role.CLERK}
