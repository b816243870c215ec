"""The mailbox's figures of a year, by subject, from the records: received, answered,
answered on time, published, turned into applications — for the annual report's narrative
(section 一) and the staff's page. Each is counted in the year its event happened: a question
asked in December and answered in January counts as received in one year, answered in the
next."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q

from gongkai.web.mailbox.models import Question
from gongkai.web.mailbox.subjects import SUBJECTS

MEASURES = ("received", "answered", "on_time", "published", "converted")


@dataclass(frozen=True)
class YearCounts:
    year: int
    by_subject: dict[str, dict[str, int]] = field(default_factory=dict)

    def total(self, measure: str) -> int:
        return sum(counts[measure] for counts in self.by_subject.values())

    def rows(self) -> list[tuple[str, dict[str, int]]]:
        """(subject label, counts) in the subjects' order, subjects with nothing left out."""
        return [(SUBJECTS[key], self.by_subject[key]) for key in SUBJECTS
                if key in self.by_subject]  # fmt: skip


def conditions(year: int) -> dict[str, Q]:
    within = (date(year, 1, 1), date(year, 12, 31))
    answered = Q(answered_on__range=within)
    return {
        "received": Q(received_on__range=within),
        "answered": answered,
        "on_time": answered & Q(answered_on__lte=F("due_on")),
        "published": Q(published_on__range=within),
        "converted": Q(converted_on__range=within),
    }


def year_counts(agencies, year: int) -> YearCounts:
    """The figures of `year` for the questions to `agencies` (a queryset or a list), one
    grouped query."""
    counts = {name: Count("pk", filter=condition) for name, condition in conditions(year).items()}
    rows = (Question.objects.filter(agency__in=agencies).values("subject")
            .annotate(**counts).order_by("subject"))  # fmt: skip
    by_subject = {row["subject"]: {name: row[name] for name in MEASURES} for row in rows}
    return YearCounts(year, {k: v for k, v in by_subject.items() if any(v.values())})


def narrative_facts(agency, year: int) -> dict[str, object]:
    """The figures the annual report's section 一 states (annualreports/narrative.py), and
    the received questions by subject as a phrase (（其中政策咨询2件、…）)."""
    counts = year_counts([agency], year)
    by_subject = "、".join(
        f"{label}{c['received']}件" for label, c in counts.rows() if c["received"]
    )
    return {
        **{f"mailbox_{measure}": counts.total(measure) for measure in MEASURES},
        "mailbox_subjects": f"（其中{by_subject}）" if by_subject else "",
    }
