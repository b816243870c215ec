"""Before/after values for append-only histories (applications and catalogue entries)."""

from datetime import date

from django.forms.models import model_to_dict


def snapshot(instance, fields: list[str]) -> dict:
    """The tracked fields as JSON-ready values."""
    values = model_to_dict(instance, fields=fields)
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def differences(before: dict, after: dict) -> dict:
    """field -> [before, after] for every field that changed."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
