"""What the tracking page tells the applicant once the case is answered or closed: the 办理结果
in plain words, its date, and the letters sent to the applicant.

The outcome keys are the rows of the annual report (statute/outcomes.py), in the report's
words; an applicant reads a sentence instead, one per group of rows, as data.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from gongkai.statute.outcomes import OUTCOMES
from gongkai.web.applications.letters import APPLICANT_LETTERS
from gongkai.web.applications.models import Application, Letter
from gongkai.web.applications.states import OPEN_STATES

# The first matching prefix of the outcome key gives the sentence, shown under the result's
# heading (部分公开, 不予公开…): what the answer tells the applicant.
PLAIN_WORDS = (
    ("granted", _("The answer says how you receive the information, or where it is already "
                  "published.")),
    ("partial", _("The answer lists what is provided and why the rest is withheld.")),
    ("withheld.", _("The answer gives the reason, the article of the Regulations it rests on, "
                    "and how you may seek a review.")),
    ("unable.", _("The answer explains why the information cannot be provided, for example "
                  "that this agency does not hold it.")),
    ("declined.", _("The answer explains why the application is not handled as a request for "
                    "disclosure, and what you can do instead.")),
    ("other.no_correction", _("The application is treated as abandoned: it was not corrected "
                              "within the time given.")),
    ("other.no_fee", _("The application is treated as abandoned: the processing fee was not "
                       "paid within the time given.")),
    ("other.", _("The application is no longer handled: it was withdrawn or ended otherwise.")),
)  # fmt: skip
# 第四十条: the applicant chose how to receive the information; letters are downloadable where
# that choice was the Internet or e-mail. By post or in person, they arrive that way.
DOWNLOADABLE_DELIVERY = frozenset({"online", "email"})


@dataclass(frozen=True)
class Result:
    heading: str  # 部分公开, 不予公开, 其他处理 …: the group of the report's row
    plain: str
    on: date | None


def result_of(case: Application) -> Result | None:
    """The outcome of an answered or closed case; None while it is still being handled."""
    outcome = OUTCOMES.get(case.outcome)
    if outcome is None or case.state in OPEN_STATES:
        return None
    plain = next(str(text) for prefix, text in PLAIN_WORDS if case.outcome.startswith(prefix))
    return Result(outcome.group, plain, case.decided_on or case.closed_on)


def applicant_letters(case: Application) -> list[Letter]:
    """The letters sent to the applicant (not the 征求意见 letters to others), oldest first."""
    return list(case.letters.filter(kind__in=APPLICANT_LETTERS).order_by("issued_on", "id"))


def downloadable(case: Application) -> bool:
    return case.delivery in DOWNLOADABLE_DELIVERY


def public_result(case: Application) -> dict:
    """The result and the applicant's letters as the tracking API gives them (no personal
    data; the letters themselves open on the tracking page, with the second factor)."""
    result = result_of(case)
    letters = [{"title": letter.title, "number": letter.number, "issued_on": letter.issued_on}
               for letter in applicant_letters(case)]  # fmt: skip
    return {"result": result.heading if result else None,
            "result_explained": result.plain if result else None, "letters": letters}  # fmt: skip
