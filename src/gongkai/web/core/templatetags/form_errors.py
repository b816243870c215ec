"""{% error_summary form %}: the list of a form's problems at its top (core/error_summary.py)."""

from django import template

from gongkai.web.core.error_summary import problems

register = template.Library()


@register.inclusion_tag("core/_error_summary.html")
def error_summary(form) -> dict:
    return {"problems": problems(form) if form.is_bound else []}
