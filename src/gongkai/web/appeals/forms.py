"""The forms of the docket's pages (and of its API, which validates with the same ones)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.web.appeals.models import DOCUMENT_KINDS, Appeal
from gongkai.web.appeals.section_four import KIND_CHOICES, NUMBER_SERIES, OUTCOME_CHOICES, REVIEW
from gongkai.web.appeals.validation import concern_errors
from gongkai.web.applications.models import Application
from gongkai.web.catalog.models.entries import Entry
from gongkai.web.core.widgets import DateInput

# An HTML date input takes ISO dates whatever the language (Chinese formats give 2025/03/03).
DATE = DateInput()
SEPARATORS = re.compile(r"[\s,，、;；]+")


class AppealForm(forms.ModelForm):
    """A case's details: what is registered, and what "edit the details" may change."""

    applications = forms.CharField(
        label=_("Applications concerned (case numbers, separated by commas)"), required=False
    )
    entry = forms.CharField(label=_("Catalogue entry concerned (index number)"), required=False)

    class Meta:
        model = Appeal
        fields = ["kind", "prior_review", "appellant", "filed_on", "body", "body_case_no",
                  "matter", "summary"]  # fmt: skip
        widgets = {
            "filed_on": DATE,
            "matter": forms.Textarea(attrs={"rows": 2}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, data=None, *, agency, instance: Appeal | None = None):
        super().__init__(data, instance=instance)
        self.agency = self.instance.agency = agency
        reviews = Appeal.objects.filter(agency=agency, kind=REVIEW, decided_on__isnull=False)
        self.fields["prior_review"].queryset = reviews.exclude(pk=self.instance.pk)
        self.fields["prior_review"].help_text = _("Only for a lawsuit after reconsideration.")
        if self.instance.pk:  # a reconsideration stays one, a lawsuit stays a lawsuit
            series = NUMBER_SERIES[self.instance.kind]
            self.fields["kind"].choices = [
                (k, label) for k, label in KIND_CHOICES if NUMBER_SERIES[k] == series
            ]
            self.initial["applications"] = "，".join(
                self.instance.applications.values_list("number", flat=True)
            )
            self.initial["entry"] = self.instance.entry.index_no if self.instance.entry else ""

    def clean_applications(self) -> list[Application]:
        numbers = [n for n in SEPARATORS.split(self.cleaned_data["applications"]) if n]
        found = Application.objects.filter(agency=self.agency, number__in=numbers)
        if missing := sorted(set(numbers) - {a.number for a in found}):
            raise forms.ValidationError(_("No application of this agency has the number %(n)s.")
                                        % {"n": "、".join(missing)})  # fmt: skip
        return list(found)

    def clean_entry(self) -> Entry | None:
        index_no = self.cleaned_data["entry"].strip()
        if not index_no:
            return None
        entry = Entry.objects.filter(agency=self.agency, index_no=index_no).first()
        if entry is None:
            raise forms.ValidationError(_("No entry of this agency has the index number %(n)s.")
                                        % {"n": index_no})  # fmt: skip
        return entry

    def clean(self):
        data = super().clean()
        if "applications" in data and "entry" in data:
            concerns = concern_errors(self.agency.pk, data["applications"], data["entry"],
                                      data.get("matter") or "")  # fmt: skip
            for field, messages in concerns.items():
                self.add_error(field, messages)
        return data

    def case_fields(self) -> dict:
        """The model's fields, as the workflow takes them."""
        return {name: self.cleaned_data[name] for name in [*self.Meta.fields, "entry"]}


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Result"), choices=OUTCOME_CHOICES)
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    corrected_what = forms.CharField(
        label=_("What was corrected (if corrected)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class CorrectionForm(DecisionForm):
    note = None
    reason = forms.CharField(label=_("Why the recorded decision is corrected"),
                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DOCUMENT_KINDS)
    file = forms.FileField(label=_("File (PDF, JPG, PNG or Word; at most 10 MB)"))
    note = forms.CharField(label=_("Note"), required=False)


DECISION_FIELDS = ("outcome", "decided_on", "corrected_what")
STEP_FORMS: dict[str, type[forms.Form]] = {
    "decide": DecisionForm,
    "correct_decision": CorrectionForm,
    "add_document": DocumentForm,
}


def step_form(action: str, data=None, files=None, case: Appeal | None = None) -> forms.Form:
    """The step's form; correcting a decision starts from the recorded one."""
    initial = None
    if case is not None and action == "correct_decision":
        initial = {name: getattr(case, name) for name in DECISION_FIELDS}
    return STEP_FORMS[action](data, files, prefix=action, initial=initial)
