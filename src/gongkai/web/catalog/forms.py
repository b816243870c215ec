from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.statute.vocabularies import CHANNELS
from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.models.entries import (
    ChannelPublication,
    DisclosureMode,
    Entry,
    FormCategory,
    SubjectCategory,
    Validity,
)
from gongkai.web.core.widgets import DateInput

DATE = DateInput()


class EntryForm(forms.ModelForm):
    """A draft: the metadata of the national scheme and the text."""

    class Meta:
        model = Entry
        fields = [
            "title", "doc_no", "generated_on", "summary", "subject", "form", "article20_item",
            "keywords", "effective_on", "disclosure_mode", "withheld_reason", "body",
        ]  # fmt: skip
        widgets = {
            "generated_on": DATE,
            "effective_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 14}),
        }

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        agency = agency or getattr(self.instance, "agency", None)
        own = Q(agency=None) | Q(agency=agency)
        self.fields["subject"].queryset = SubjectCategory.objects.filter(own)
        self.fields["form"].queryset = FormCategory.objects.filter(own)


def review_form(data=None) -> forms.Form:
    form = forms.Form(data, prefix="review")
    form.fields.update({
        "passed": forms.TypedChoiceField(label=_("Outcome"), coerce=lambda v: v == "1",
                                         choices=[("1", _("Passed")), ("0", _("Return"))]),
        "involves_secrets": forms.BooleanField(label=_("Involves state secrets"), required=False),
        "involves_third_party": forms.BooleanField(label=_("Involves third-party rights"),
                                                   required=False),
        "disclosure_mode": forms.ChoiceField(label=_("Disclosure"),
                                             choices=DisclosureMode.choices),
        "comment": forms.CharField(label=_("Comment"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 2})),
    })  # fmt: skip
    return form


def comment_form(action: str, data=None, required=False) -> forms.Form:
    form = forms.Form(data, prefix=action)
    form.fields["comment"] = forms.CharField(label=_("Comment"), required=required,
                                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    return form


def validity_form(data=None) -> forms.Form:
    form = forms.Form(data, prefix="change_validity")
    choices = [c for c in Validity.choices if c[0] != Validity.VALID]
    form.fields["validity"] = forms.ChoiceField(label=_("Validity"), choices=choices)
    form.fields["on"] = forms.DateField(label=_("Since"), widget=DATE)
    form.fields["comment"] = forms.CharField(label=_("Comment"), required=False)
    return form


ACTION_FORMS = {
    "submit": lambda data=None: comment_form("submit", data),
    "review": review_form,
    "approve": lambda data=None: comment_form("approve", data),
    "return": lambda data=None: comment_form("return", data, required=True),
    "withdraw": lambda data=None: comment_form("withdraw", data, required=True),
    "change_validity": validity_form,
}


class ChannelForm(forms.ModelForm):
    class Meta:
        model = ChannelPublication
        fields = ["channel", "published_on", "reference"]
        widgets = {"published_on": DATE, "channel": forms.Select(choices=CHANNELS)}


class LegacyImportForm(forms.Form):
    """An agency's old 目录 (CSV or XLSX), and what unknown vocabulary names become."""

    MAX_SIZE = 50 * 1024 * 1024

    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    file = forms.FileField(label=_("CSV or XLSX file"))
    default_subject = forms.ModelChoiceField(
        label=_("Subject category for names the vocabulary does not have"), required=False,
        queryset=SubjectCategory.objects.filter(agency=None),
        empty_label=_("none: report the row as an error"),
    )  # fmt: skip
    default_form = forms.ModelChoiceField(
        label=_("Form category for names the vocabulary does not have"), required=False,
        queryset=FormCategory.objects.filter(agency=None),
        empty_label=_("none: report the row as an error"),
    )  # fmt: skip

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_SIZE:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload
