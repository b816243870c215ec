"""`{% load annual_imports %}`: whether the user may import an agency's published reports."""

from django import template

from gongkai.web.annualreports.imports import importing_agencies

register = template.Library()


@register.filter
def may_import(agency, user) -> bool:
    """Asked once per row of the reports index: the agencies are looked up once per user."""
    allowed = getattr(user, "_agencies_importing_for", None)
    if allowed is None:
        allowed = set(importing_agencies(user).values_list("pk", flat=True))
        user._agencies_importing_for = allowed
    return agency.pk in allowed
