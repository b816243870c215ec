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


def narrative_paragraph(agency, year: int) -> str:
    """The sentence of section 一 about the mailbox; empty when it had nothing that year."""
    counts = year_counts([agency], year)
    if not counts.total("received") and not counts.total("answered"):
        return ""
    subjects = "、".join(f"{label}{c['received']}件" for label, c in counts.rows() if c["received"])
    received = f"全年通过政民互动信箱收到群众留言{counts.total('received')}件"
    received += f"（其中{subjects}）" if subjects else ""
    return (f"（政民互动）{received}，答复{counts.total('answered')}件，"
            f"其中在承诺时限内答复{counts.total('on_time')}件；"
            f"经留言人同意公开答复{counts.total('published')}件；"
            f"转为政府信息公开申请办理{counts.total('converted')}件。")  # fmt: skip
