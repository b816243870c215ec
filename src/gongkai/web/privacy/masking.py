"""Masks for personal data, in the way Chinese forms print them (138****5678): enough left to
tell records apart on a page, not enough to reach or identify the person. The histories
hold only masked values (applications/workflow.py, appeals/workflow.py), so masking a record
when its time is up leaves nothing behind in the append-only tables."""


def keep_ends(value: str, head: int, tail: int) -> str:
    if not value:
        return ""
    if len(value) <= head + tail:
        return value[:1] + "*" * (len(value) - 1)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


def identity_number(value: str) -> str:
    return keep_ends(value, 1, 1)


def phone(value: str) -> str:
    return keep_ends(value, 3, 4) if len(value) >= 11 else keep_ends(value, 0, 2)


def email(value: str) -> str:
    local, at, domain = value.partition("@")
    return f"{local[:1]}***@{domain}" if at else keep_ends(value, 1, 0)


def address(value: str) -> str:
    return value[:6] + "****" if value else ""


def postal_code(value: str) -> str:
    return keep_ends(value, 2, 0)


def person_name(value: str) -> str:
    return keep_ends(value, 1, 0)


# The applicant's fields that are masked, and how. The name stays: the letters as issued
# are addressed to it, and they are the statutory record.
APPLICANT_FIELDS = {
    "identity_number": identity_number,
    "phone": phone,
    "email": email,
    "address": address,
    "postal_code": postal_code,
    "contact_person": person_name,
    "representative": person_name,
}
# The applicant's block of a letter's snapshot (letters/LetterApplicant).
LETTER_FIELDS = {"address": address, "postal_code": postal_code, "phone": phone, "email": email}


def masked(values: dict, masks: dict) -> dict:
    """The values with those that `masks` names masked (an already masked value stays)."""
    return {
        name: masks[name](value) if name in masks and value and "*" not in str(value) else value
        for name, value in values.items()
    }
