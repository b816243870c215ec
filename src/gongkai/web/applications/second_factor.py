"""The second factor that opens an applicant's letters on the tracking page.

The query code shows where a case stands; it is printed on the receipt and may be seen by
others. The letters say more (the applicant's name and address, what was asked, what was
answered), so opening them also needs something only the applicant knows: the last four
digits of the phone number or of the identity document (an organisation: of its 统一社会信用
代码) given in the application. Tries are limited per address and per case (ratelimit.py);
once through, the page links each letter under a signed key that is good for half an hour,
so the letters download without the applicant typing the digits again.
"""

import re
import unicodedata
from enum import Enum

from django.core import signing
from django.utils.crypto import constant_time_compare

from gongkai.web.applications.models import Application
from gongkai.web.applications.ratelimit import quota_key, used, within_limit
from gongkai.web.core.client_address import client_address

DIGITS = 4
# A guesser has 1 chance in 10,000 per try: ten wrong tries a day per case, and twenty tries
# an hour per address, leave a person room for typos and a script nothing worth running.
WRONG_PER_CASE, CASE_WINDOW = 10, 24 * 3600
TRIES_PER_ADDRESS, ADDRESS_WINDOW = 20, 3600
SALT = "gongkai.applications.letters"
KEY_MAX_AGE = 30 * 60  # seconds a page of letter links stays good
EXTENSION = re.compile(r"转.*$")  # 0795-7220000转123: the extension is not the number's end


class Outcome(Enum):
    OPENED = "opened"
    WRONG = "wrong"
    LIMITED = "limited"


def endings(case: Application) -> set[str]:
    """The accepted answers: the last four characters of each number the applicant gave."""
    phone = re.sub(r"\D", "", EXTENSION.sub("", case.phone))
    numbers = [phone, case.identity_number.upper(), case.org_code.upper()]
    return {number[-DIGITS:] for number in numbers if len(number) >= DIGITS and "*" not in number}


def matches(case: Application, typed: str) -> bool:
    answer = unicodedata.normalize("NFKC", typed or "").strip().upper()
    if len(answer) != DIGITS:
        return False
    return any(constant_time_compare(answer, ending) for ending in endings(case))


def attempt(request, case: Application, typed: str) -> Outcome:
    """Check the typed digits within the limits; a wrong try counts against the case."""
    address_key = f"gongkai:second-factor:address:{quota_key(client_address(request))}"
    case_key = f"gongkai:second-factor:case:{case.pk}"
    if not within_limit(address_key, TRIES_PER_ADDRESS, ADDRESS_WINDOW):
        return Outcome.LIMITED
    if used(case_key) >= WRONG_PER_CASE:
        return Outcome.LIMITED
    if matches(case, typed):
        return Outcome.OPENED
    within_limit(case_key, WRONG_PER_CASE, CASE_WINDOW)
    return Outcome.WRONG


def letters_key(case: Application) -> str:
    return signing.dumps(case.pk, salt=SALT, compress=True)


def opens(case: Application, key: str) -> bool:
    """Whether `key` was given for this case within the last KEY_MAX_AGE seconds."""
    try:
        return signing.loads(key or "", salt=SALT, max_age=KEY_MAX_AGE) == case.pk
    except signing.BadSignature:
        return False
