"""{% if letter|sent_to_applicant %}: letters that have a 送达回证 (service_proof.py)."""

from django import template

from gongkai.web.applications.letters import APPLICANT_LETTERS

register = template.Library()


@register.filter
def sent_to_applicant(letter) -> bool:
    return letter.kind in APPLICANT_LETTERS
