"""Agency levels and staff roles, and what each role may do — the data behind permissions.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyLevel(models.TextChoices):
    STATE_COUNCIL_DEPARTMENT = "state_council_department", "国务院部门"
    PROVINCIAL_GOVERNMENT = "provincial_government", "省级政府"
    PROVINCIAL_DEPARTMENT = "provincial_department", "省级部门"
    MUNICIPAL_GOVERNMENT = "municipal_government", "市级政府"
    MUNICIPAL_DEPARTMENT = "municipal_department", "市级部门"
    COUNTY_GOVERNMENT = "county_government", "县级政府"
    COUNTY_DEPARTMENT = "county_department", "县级部门"
    TOWNSHIP = "township", "乡镇街道"
    OTHER = "other", "其他"


class Role(models.TextChoices):
    CLERK = "clerk", _("OGI clerk (公开专员)")
    REVIEWER = "reviewer", _("Reviewer (审核人)")
    HEAD = "head", _("Head (负责人)")
    ADMIN = "admin", _("Agency administrator (管理员)")
    SUPERVISOR = "supervisor", _("Supervising office (政务公开办)")


class Action(models.TextChoices):
    """Everything a staff member may be allowed to do at an agency. Later apps add theirs here."""

    VIEW = "view", _("See the agency's work")
    HANDLE = "handle", _("Handle cases and draft entries")
    REVIEW = "review", _("Review before publication")
    APPROVE = "approve", _("Approve extensions and publication")
    MANAGE = "manage", _("Manage the agency's details and staff")
    SUPERVISE = "supervise", _("Supervise the agency and its subtree")


# Which roles grant which actions. Supervisors see and supervise a subtree but do not do an
# agency's casework for it; the 条例 puts each decision on the agency that holds the information.
GRANTS: dict[Role, frozenset[Action]] = {
    Role.CLERK: frozenset({Action.VIEW, Action.HANDLE}),
    Role.REVIEWER: frozenset({Action.VIEW, Action.HANDLE, Action.REVIEW}),
    Role.HEAD: frozenset({Action.VIEW, Action.HANDLE, Action.REVIEW, Action.APPROVE}),
    Role.ADMIN: frozenset({Action.VIEW, Action.MANAGE}),
    Role.SUPERVISOR: frozenset({Action.VIEW, Action.SUPERVISE}),
}

# Roles whose grants extend from the agency of the membership to every agency below it.
SUBTREE_ROLES = frozenset({Role.SUPERVISOR})
