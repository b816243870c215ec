"""The interpretations of a catalogue entry, on its pages:

{% entry_interpretations entry %}             the public page: its published interpretations
{% entry_interpretation_links entry user %}   the staff page: its interpretations, and a link
                                              to write one for those who may
"""

from django import template

from gongkai.web.catalog.models.entries import DisclosureMode
from gongkai.web.interpretations.public import public_records
from gongkai.web.interpretations.staff import drafting_agency, visible

register = template.Library()


@register.inclusion_tag("interpretations/_of_entry.html")
def entry_interpretations(entry) -> dict:
    items = public_records().filter(entry=entry).order_by("published_on", "id")
    return {"entry": entry, "items": items}


@register.inclusion_tag("interpretations/staff/_of_entry.html")
def entry_interpretation_links(entry, user) -> dict:
    may_write = entry.disclosure_mode == DisclosureMode.PROACTIVE and (
        drafting_agency(user, entry) is not None
    )
    items = visible(user).filter(entry=entry).order_by("id")
    return {"entry": entry, "items": items, "may_write": may_write}
