"""The supervisor's figures per agency of a subtree: open cases, due soon, overdue, answers
late this year (第三十三条) and entries published this year after 20 working days (第二十六条).

The conditions are applications.queues' — the same ones the inbox lists — so a figure and
the list behind its link always agree. Two grouped queries for the whole subtree.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gongkai.web.applications import queues
from gongkai.web.applications.models import Application
from gongkai.web.applications.states import OPEN_STATES
from gongkai.web.catalog.models.entries import Entry

FIGURE_LABELS = {
    "open": _("Open applications"),
    "due_soon": _("Due within a week"),
    "overdue": _("Overdue"),
    "late_answers": _("Answered late this year"),
    "late_entries": _("Published after 20 working days this year"),
}
FIGURES = list(FIGURE_LABELS)
# The inbox view that lists each application figure's cases.
INBOX_VIEWS = {"open": "open", "due_soon": "due_soon", "overdue": "overdue",
               "late_answers": "late"}  # fmt: skip


@dataclass
class Row:
    agency: object
    figures: dict = field(default_factory=lambda: dict.fromkeys(FIGURES, 0))
    last_reminder: object = None

    @property
    def needs_attention(self) -> bool:
        return bool(self.figures["overdue"] or self.figures["late_answers"])

    def cells(self) -> list[tuple]:
        """(figure, label, value, inbox view listing its cases or None) in FIGURES order."""
        return [(name, FIGURE_LABELS[name], self.figures[name], INBOX_VIEWS.get(name))
                for name in FIGURES]  # fmt: skip


def application_counts(agencies, today: date) -> dict[int, dict]:
    conditions = {"open": Q(state__in=OPEN_STATES), "due_soon": queues.due_soon(today),
                  "overdue": queues.overdue(today),
                  "late_answers": queues.answered_late(today.year)}  # fmt: skip
    rows = (
        Application.objects.filter(agency__in=agencies)
        .values("agency_id")
        .annotate(**{name: Count("pk", filter=condition) for name, condition in conditions.items()})
    )
    return {row.pop("agency_id"): row for row in rows}


def late_entry_counts(agencies, year: int) -> dict[int, int]:
    late = Entry.objects.filter(agency__in=agencies, published_on__year=year,
                                late_working_days__gt=0)  # fmt: skip
    return dict(late.values("agency_id").annotate(n=Count("pk")).values_list("agency_id", "n"))


def subtree_figures(agencies, today: date) -> tuple[list[Row], dict]:
    """One row per agency (in tree order) and the subtree's totals."""
    agencies = list(agencies.order_by("path"))
    counts = application_counts(agencies, today)
    late_entries = late_entry_counts(agencies, today.year)
    rows, totals = [], dict.fromkeys(FIGURES, 0)
    for agency in agencies:
        row = Row(agency)
        row.figures |= counts.get(agency.pk, {})
        row.figures["late_entries"] = late_entries.get(agency.pk, 0)
        for name in FIGURES:
            totals[name] += row.figures[name]
        rows.append(row)
    return rows, totals
