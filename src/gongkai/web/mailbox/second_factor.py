"""What opens a question's text and answer on the tracking page.

The query code shows where a question stands; the question and its answer may say more about
the asker, so they open — as an application's letters do (applications/second_factor.py) —
with the last four digits of the phone number the asker gave, within the same limits per
address and per question (ratelimit.py). A published question's text is public anyway,
masked; the tracking page still asks, so that it never depends on the consent.
"""

import re
import unicodedata

from django.utils.crypto import constant_time_compare

from gongkai.web.applications.ratelimit import quota_key, used, within_limit
from gongkai.web.applications.second_factor import (
    ADDRESS_WINDOW,
    CASE_WINDOW,
    DIGITS,
    EXTENSION,
    TRIES_PER_ADDRESS,
    WRONG_PER_CASE,
    Outcome,
)
from gongkai.web.core.client_address import client_address


def ending(phone: str) -> str:
    digits = re.sub(r"\D", "", EXTENSION.sub("", phone or ""))
    return digits[-DIGITS:] if len(digits) >= DIGITS and "*" not in phone else ""


def matches(question, typed: str) -> bool:
    answer = unicodedata.normalize("NFKC", typed or "").strip()
    expected = ending(question.phone)
    return bool(expected) and len(answer) == DIGITS and constant_time_compare(answer, expected)


def attempt(request, question, typed: str) -> Outcome:
    """Check the typed digits within the limits; a wrong try counts against the question."""
    address_key = f"gongkai:second-factor:address:{quota_key(client_address(request))}"
    question_key = f"gongkai:second-factor:question:{question.pk}"
    if not within_limit(address_key, TRIES_PER_ADDRESS, ADDRESS_WINDOW):
        return Outcome.LIMITED
    if used(question_key) >= WRONG_PER_CASE:
        return Outcome.LIMITED
    if matches(question, typed):
        return Outcome.OPENED
    within_limit(question_key, WRONG_PER_CASE, CASE_WINDOW)
    return Outcome.WRONG
