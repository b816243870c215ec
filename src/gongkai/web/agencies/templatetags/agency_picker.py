"""{% agency_picker %}: the agency select of a form (agencies/picker.py), with its search
field when JavaScript runs."""

from django import template
from django.urls import reverse

from gongkai.web.agencies.picker import nodes, picker

register = template.Library()


@register.inclusion_tag("agencies/_picker.html")
def agency_picker(agencies, chosen, *, label: str, blank: str = "", value: str = "pk",
                  action: str = "view", shorten: bool = False, field_id: str = "agency"
                  ) -> dict:  # fmt: skip
    """`agencies`: a queryset or a list of picker.Node; `chosen`: an agency, its value or
    None; `blank`: the label of the empty choice (none if ""); `value`: "pk" (staff pages,
    suggestions of the user's agencies for `action`) or "code" (the public 目录)."""
    listed = agencies if isinstance(agencies, list) else nodes(agencies)
    chosen_value = str(getattr(chosen, value, chosen) or "")
    if value == "code":
        source = reverse("agency-choices")
    else:
        source = f"{reverse('agency-choices-staff')}?action={action}"
    made = picker(listed, chosen_value, value, shorten)
    return {"picker": made, "label": label, "blank": blank, "field_id": field_id,
            "source": source, "many": len(listed) > 1}  # fmt: skip
