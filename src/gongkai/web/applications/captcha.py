"""The arithmetic question of the online form: a brake on scripts that post blindly.

The token in the form carries a random nonce and a keyed digest of the answer — not the
question, nor the answer — signed with a timestamp. It is good for a few minutes and is
checked once: the first check records its nonce in the cache as spent, with the submission
token of the form it came with. A second check passes only for that same form resubmitted
after a correct answer (a double click, or a correction of another field), which the
submission token makes idempotent; any other reuse, and every retry after a wrong answer,
is refused. The cache must be shared by the server processes (settings CACHES).
"""

import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "gongkai.applications.captcha"
MAX_AGE = 10 * 60  # seconds: long enough to fill in the form, too short to stockpile tokens
SPENT_PREFIX = "gongkai:captcha-spent:"
WRONG = "-"  # the spent marker of a token answered wrongly: nothing may reuse it


@dataclass(frozen=True)
class Question:
    a: int
    b: int
    token: str


class CaptchaError(Exception):
    """Why a token was not accepted: "expired", "wrong" or "spent"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def digest(nonce: str, answer: int) -> str:
    return salted_hmac(SALT, f"{nonce}:{answer}", algorithm="sha256").hexdigest()


def token_for(answer: int) -> str:
    """A fresh token whose right answer is `answer`."""
    nonce = secrets.token_urlsafe(16)
    return signing.dumps([nonce, digest(nonce, answer)], salt=SALT)


def new_question() -> Question:
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return Question(a, b, token_for(a + b))


def check(token: str, answer: int, submission_token: str) -> None:
    """Accept the answer or raise CaptchaError; the token is spent either way."""
    try:
        nonce, expected = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        raise CaptchaError("expired") from None
    right = constant_time_compare(digest(str(nonce), answer), str(expected))
    spent_by = submission_token if right else WRONG
    if not cache.add(f"{SPENT_PREFIX}{nonce}", spent_by, timeout=MAX_AGE):
        earlier = cache.get(f"{SPENT_PREFIX}{nonce}")
        if not (right and earlier and earlier != WRONG and earlier == submission_token):
            raise CaptchaError("spent")
    if not right:
        raise CaptchaError("wrong")
