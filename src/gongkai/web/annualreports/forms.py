"""Forms of the annual-report pages: the prose of sections 一, 五 and 六, and a step's note."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.report import GENERATIONS

EDITABLE = ("一", "五", "六")
_HEADINGS = {s.numeral: s.heading for s in GENERATIONS["C"].sections}


class SectionsForm(forms.Form):
    """One text area per section staff write; field names are the sections' numerals."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for numeral in EDITABLE:
            self.fields[numeral] = forms.CharField(
                label=_HEADINGS[numeral],
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 12}),
            )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note (a reason is required to return or correct a report)"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def year_choices(today: date) -> list[int]:
    """Report years staff may open: from the 2019 format on, up to last year, newest first."""
    return list(range(today.year - 1, 2018, -1))
