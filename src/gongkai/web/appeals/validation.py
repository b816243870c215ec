"""What a reconsideration or litigation case must satisfy, as a list of rules.

Each rule looks at one case and returns the message to show (in the user's language) or
None. The model's clean() (so every ModelForm) and the workflow run the same rules, so a
page and the API refuse the same things with the same words.
"""

from collections.abc import Callable, Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gongkai.statute.clock import FIRST_IN_FORCE
from gongkai.web.appeals.section_four import AFTER_REVIEW, CORRECTED, REVIEW

# The 条例 (2007) took effect on this day: no disclosure dispute can be older.
FIRST_FILING_DAY = FIRST_IN_FORCE  # no case about the 条例 before it applied

Rule = Callable[..., str | None]  # (appeal, today) -> message or None


def day(value: date) -> str:
    return date_format(value, "Y年n月j日")


def filed_too_early(appeal, today: date) -> str | None:
    if appeal.filed_on and appeal.filed_on < FIRST_FILING_DAY:
        return _("The filing date cannot be before 1 May 2008, when the Regulations took effect.")
    return None


def filed_in_future(appeal, today: date) -> str | None:
    if appeal.filed_on and appeal.filed_on > today:
        return _("The filing date cannot be in the future.")
    return None


def decided_before_filed(appeal, today: date) -> str | None:
    if appeal.decided_on and appeal.filed_on and appeal.decided_on < appeal.filed_on:
        return _("The decision date cannot be before the filing date (%(filed)s).") % {
            "filed": day(appeal.filed_on)
        }
    return None


def decided_in_future(appeal, today: date) -> str | None:
    if appeal.decided_on and appeal.decided_on > today:
        return _("The decision date cannot be in the future.")
    return None


def outcome_without_date(appeal, today: date) -> str | None:
    if appeal.outcome and not appeal.decided_on:
        return _("Give the date of the decision with its outcome.")
    return None


def date_without_outcome(appeal, today: date) -> str | None:
    if appeal.decided_on and not appeal.outcome:
        return _("Choose the outcome of the decision.")
    return None


def correction_unsaid(appeal, today: date) -> str | None:
    if appeal.outcome == CORRECTED and not appeal.corrected_what.strip():
        return _("Say what was corrected (for example: ordered to answer the request again).")
    return None


def prior_review_missing(appeal, today: date) -> str | None:
    if appeal.kind == AFTER_REVIEW and appeal.prior_review_id is None:
        return _("Choose the reconsideration that this lawsuit follows.")
    return None


def prior_review_unexpected(appeal, today: date) -> str | None:
    if appeal.kind != AFTER_REVIEW and appeal.prior_review_id is not None:
        return _("Only a lawsuit after reconsideration follows a reconsideration.")
    return None


def prior_review_elsewhere(appeal, today: date) -> str | None:
    prior = appeal.prior_review if appeal.prior_review_id else None
    if prior and (prior.kind != REVIEW or prior.agency_id != appeal.agency_id):
        return _("The prior case must be a reconsideration against the same agency.")
    return None


def prior_review_pending(appeal, today: date) -> str | None:
    prior = appeal.prior_review if appeal.prior_review_id else None
    if prior and prior.kind == REVIEW and not prior.decided_on:
        return _("The prior reconsideration has not been decided yet.")
    return None


def filed_before_review_decided(appeal, today: date) -> str | None:
    prior = appeal.prior_review if appeal.prior_review_id else None
    if prior and prior.decided_on and appeal.filed_on and appeal.filed_on < prior.decided_on:
        return _("A lawsuit after reconsideration is filed on or after its decision (%(on)s).") % {
            "on": day(prior.decided_on)
        }
    return None


def lawsuit_before_decision(appeal, today: date) -> str | None:
    """A reconsideration's decision cannot move after the lawsuit that followed it."""
    if appeal.kind != REVIEW or not appeal.pk or not appeal.decided_on:
        return None
    early = appeal.lawsuits.filter(filed_on__lt=appeal.decided_on).order_by("filed_on").first()
    if early is None:
        return None
    message = _(
        "Lawsuit %(number)s after this reconsideration was filed on %(on)s, before this date."
    )
    return message % {"number": early.number, "on": day(early.filed_on)}


def entry_elsewhere(appeal, today: date) -> str | None:
    if appeal.entry_id and appeal.entry.agency_id != appeal.agency_id:
        return _("The catalogue entry belongs to another agency.")
    return None


RULES: tuple[tuple[str, Rule], ...] = (
    ("filed_on", filed_too_early),
    ("filed_on", filed_in_future),
    ("decided_on", decided_before_filed),
    ("decided_on", decided_in_future),
    ("decided_on", outcome_without_date),
    ("outcome", date_without_outcome),
    ("corrected_what", correction_unsaid),
    ("prior_review", prior_review_missing),
    ("prior_review", prior_review_unexpected),
    ("prior_review", prior_review_elsewhere),
    ("prior_review", prior_review_pending),
    ("filed_on", filed_before_review_decided),
    ("decided_on", lawsuit_before_decision),
    ("entry", entry_elsewhere),
)


def case_errors(appeal, today: date | None = None) -> dict[str, list[str]]:
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    for field, rule in RULES:
        if message := rule(appeal, today):
            errors.setdefault(field, []).append(message)
    return errors


def concern_errors(agency_id: int, applications: Iterable, entry, matter: str) -> dict:
    """What the case concerns: applications of the same agency, an entry, or words."""
    errors: dict[str, list[str]] = {}
    for application in applications:
        if application.agency_id != agency_id:
            message = _("Application %(number)s belongs to another agency.")
            errors.setdefault("applications", []).append(message % {"number": application.number})
    if not (applications or entry or matter.strip()):
        errors["matter"] = [
            _("Say what the case concerns: an application, a catalogue entry or a description.")
        ]
    return errors


def check_rules(appeal) -> None:
    """The rules above, for the model's clean()."""
    if errors := case_errors(appeal):
        raise ValidationError(errors)


def validate(appeal, applications: list | None = None) -> None:
    """Raise ValidationError (per field) unless the case is complete and consistent: its
    fields (required, choices, lengths), the rules, and, when given, the applications it
    concerns (a many-to-many is set only after saving, so the model cannot check them)."""
    errors: dict[str, list[str]] = {}
    try:
        appeal.full_clean(exclude=["number"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors = error.message_dict
    if applications is not None:
        concerns = concern_errors(appeal.agency_id, applications, appeal.entry_id, appeal.matter)
        for field, messages in concerns.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
