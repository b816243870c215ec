"""Submission tokens: a double click or a retried request stores one application.

The form (and an API client) sends a token with the submission; the same token again
returns the application it stored — but only for the same submission. Another applicant's
submission under a token already used is refused, never answered with the first
applicant's receipt (issue 14, defect 7). An empty token is no token; a token longer than
the column is refused before it reaches the database.
"""

from django.utils.translation import gettext as _

from gongkai.web.applications.models import Application
from gongkai.web.core.input import clean_fields

MAX_LENGTH = 64  # Application.submission_token
# What may differ between a submission and its retry: the receipt date (a retry after
# midnight) and the channel, which the platform sets.
NOT_COMPARED = {"received_on", "channel"}


class TokenRefused(Exception):
    """The token cannot be used for this submission; the message says why."""


def usable(token: str | None) -> str | None:
    token = (token or "").strip()
    if len(token) > MAX_LENGTH:
        raise TokenRefused(
            _("The submission token is longer than %(n)s characters.") % {"n": MAX_LENGTH}
        )
    return token or None


def earlier_submission(token: str | None, agency, fields: dict) -> Application | None:
    """The application stored under `token`, if this is a retry of its submission."""
    if not token:
        return None
    existing = Application.objects.filter(submission_token=token).first()
    if existing is None:
        return None
    if not same_submission(existing, agency, fields):
        raise TokenRefused(
            _(
                "This form has already been used to submit another application. Reload the "
                "page to submit a new one."
            )
        )
    return existing


def same_submission(existing: Application, agency, fields: dict) -> bool:
    probe = Application(agency=agency, **fields)
    clean_fields(Application, probe)  # compared as they would be stored
    return existing.agency_id == agency.pk and all(
        getattr(probe, name) == getattr(existing, name)
        for name in fields
        if name not in NOT_COMPARED
    )
