"""Object-level permissions: who may do what at which agency.

Every app checks access through this module, never through ad-hoc role tests, so agency
isolation and supervisor subtrees are enforced the same way everywhere. The rules themselves
are data in roles.GRANTS.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from gongkai.web.agencies.models import Agency, Membership
from gongkai.web.agencies.roles import GRANTS, SUBTREE_ROLES, Action, Role

ALL_AGENCIES = Q()
NO_AGENCY = Q(pk__in=[])


def roles_granting(action: Action) -> set[Role]:
    return {role for role, actions in GRANTS.items() if action in actions}


def agency_condition(user, action: Action, prefix: str = "") -> Q:
    """A filter selecting the agencies (via `prefix`, e.g. "agency__") where user may act."""
    if not user.is_authenticated or not user.is_active:
        return NO_AGENCY
    if user.is_superuser:
        return ALL_AGENCIES
    memberships = Membership.objects.filter(user=user, role__in=roles_granting(action))
    condition = NO_AGENCY
    for role, agency_id, path in memberships.values_list("role", "agency_id", "agency__path"):
        if role in SUBTREE_ROLES:
            condition |= Q(**{f"{prefix}path__startswith": path})
        else:
            condition |= Q(**{f"{prefix}pk": agency_id})
    return condition


def agencies_for(user, action: Action = Action.VIEW) -> QuerySet[Agency]:
    return Agency.objects.filter(agency_condition(user, action))


def scope(queryset: QuerySet, user, action: Action = Action.VIEW, via: str = "agency"):
    """Restrict any queryset of agency-owned objects to those the user may act on."""
    prefix = f"{via}__" if via else ""
    return queryset.filter(agency_condition(user, action, prefix))


def can(user, action: Action, agency: Agency) -> bool:
    return agencies_for(user, action).filter(pk=agency.pk).exists()


def require(user, action: Action, agency: Agency) -> None:
    if not can(user, action, agency):
        raise PermissionDenied


def roles_at(user, agency: Agency) -> set[Role]:
    """The roles a user holds at an agency, including supervision inherited from above."""
    roles = set()
    lineage = [int(part) for part in agency.path.strip("/").split("/") if part]
    for role, agency_id in Membership.objects.filter(user=user, agency_id__in=lineage).values_list(
        "role", "agency_id"
    ):
        if agency_id == agency.pk or role in SUBTREE_ROLES:
            roles.add(Role(role))
    return roles


def agency_required(action: Action = Action.VIEW):
    """View decorator: resolve the `code` URL argument to request.agency, or 404.

    An agency the user may not act on is indistinguishable from one that does not exist, so
    staff cannot probe other agencies' URLs.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, code: str, *args, **kwargs):
            agency = agencies_for(request.user, action).filter(code=code).first()
            if agency is None:
                raise Http404
            request.agency = agency
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
