"""The application form (第二十九条): the public's online form and staff entry of paper,
fax and in-person applications share one set of fields and checks."""

import re
import secrets
import unicodedata

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.statute.agency_codes import InvalidAgencyCode, validate_uscc
from gongkai.statute.clock import FIRST_IN_FORCE
from gongkai.statute.identity import IdentityType, InvalidIdentity, validate_identity
from gongkai.statute.phone import InvalidPhone, validate_phone
from gongkai.statute.receipt import Channel
from gongkai.web.applications import captcha
from gongkai.web.applications.models import Application
from gongkai.web.applications.uploads import AttachmentsField
from gongkai.web.core.widgets import DateInput

COMMON_FIELDS = [
    "applicant_type", "name", "identity_type", "identity_number", "org_code",
    "representative", "contact_person", "phone", "email", "address", "postal_code",
    "description", "form_requested", "delivery",
]  # fmt: skip
# The description of the information sought (第二十九条第二款第（二）项): the box of a paper
# form holds a few hundred characters; 2,000 leave room for a list of documents, and keep
# the 受理回执 that quotes it one page (200,000 characters cost its PDF 32 s; issue 14).
DESCRIPTION_MAX_LENGTH = 2000
POSTAL_CODE = re.compile(r"[0-9]{6}")  # 邮政编码: six digits, ASCII once normalised


class ApplicationForm(forms.ModelForm):
    attachments = AttachmentsField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields["description"]
        description.max_length = DESCRIPTION_MAX_LENGTH
        description.validators.append(MaxLengthValidator(DESCRIPTION_MAX_LENGTH))
        description.widget.attrs["maxlength"] = DESCRIPTION_MAX_LENGTH
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect):
                # A radio group needs no "none chosen" button: until the applicant picks
                # one, none is checked, and the required field says so.
                field.choices = [choice for choice in field.choices if choice[0] != ""]

    def clean_postal_code(self) -> str:
        code = unicodedata.normalize("NFKC", self.cleaned_data.get("postal_code") or "").strip()
        if code and not POSTAL_CODE.fullmatch(code):
            raise forms.ValidationError(_("A postal code is six digits, such as 336000."))
        return code

    def clean_phone(self):
        try:
            return validate_phone(self.cleaned_data["phone"])
        except InvalidPhone as error:
            raise forms.ValidationError(str(error)) from None

    class Meta:
        model = Application
        fields = COMMON_FIELDS
        widgets = {
            "applicant_type": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
            "form_requested": forms.RadioSelect,
            "delivery": forms.RadioSelect,
        }
        help_texts = {
            "phone": _("A mobile number, or a landline with its area code (0795-7220000)."),
            "description": _(
                "The name, document number or other features that identify the information."
            ),
        }

    def clean(self):
        data = super().clean()
        if data.get("applicant_type") == "natural":
            self._check_person(data)
        elif data.get("applicant_type"):
            self._check_organisation(data)
        if data.get("delivery") == "email" and not data.get("email"):
            self.add_error("email", _("Give an email address to receive the information by email."))
        if data.get("delivery") == "post" and not data.get("address"):
            self.add_error(
                "address", _("Give a postal address to receive the information by post.")
            )
        return data

    def _check_person(self, data: dict) -> None:
        if not data.get("identity_type"):
            self.add_error("identity_type", _("Choose the identity document."))
            return
        try:
            data["identity_number"] = validate_identity(
                IdentityType(data["identity_type"]), data.get("identity_number", "")
            )
        except InvalidIdentity as error:
            self.add_error("identity_number", str(error))

    def _check_organisation(self, data: dict) -> None:
        try:
            data["org_code"] = validate_uscc(data.get("org_code", ""))
        except InvalidAgencyCode as error:
            self.add_error("org_code", error.message_zh)
        if not data.get("contact_person"):
            self.add_error("contact_person", _("Name the person we should contact."))


class PublicApplicationForm(ApplicationForm):
    """Online: a simple arithmetic question (captcha.py: signed, minutes long, checked once),
    and a one-time token so that a double click stores one application."""

    submission_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    captcha_token = forms.CharField(widget=forms.HiddenInput)
    # The question is read out with the box it is answered in.
    captcha_answer = forms.IntegerField(
        label=_("Answer"), widget=forms.NumberInput(attrs={"aria-describedby": "captcha-question"})
    )
    CAPTCHA_MESSAGES = {
        "expired": _("The form has expired; please answer the new question."),
        "wrong": _("That is not the right answer."),
        "spent": _("This question has been answered already; please answer the new question."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.captcha_passed = False
        self.question = ""
        if self.is_bound:
            self.data = self.data.copy()  # a new question may replace the spent one
        else:
            self.initial["submission_token"] = secrets.token_urlsafe(24)
            self._ask_new_question()

    def _ask_new_question(self) -> None:
        question = captcha.new_question()
        self.question = _("What is %(a)s plus %(b)s?") % {"a": question.a, "b": question.b}
        if self.is_bound:
            self.data["captcha_token"], self.data["captcha_answer"] = question.token, ""
        else:
            self.initial["captcha_token"] = question.token

    def clean_captcha_answer(self):
        answer = self.cleaned_data["captcha_answer"]
        submission_token = self.data.get("submission_token", "")
        try:
            captcha.check(self.data.get("captcha_token", ""), answer, submission_token)
        except captcha.CaptchaError as error:
            raise forms.ValidationError(self.CAPTCHA_MESSAGES[error.reason]) from None
        self.captcha_passed = True
        return answer

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        if self.captcha_passed:  # the same form may come back once corrected
            self.question = _("You answered the question correctly.")
        else:
            self._ask_new_question()

    def application_fields(self) -> dict:
        return online_application_fields(self.cleaned_data)


def online_application_fields(cleaned_data: dict) -> dict:
    fields = {name: cleaned_data[name] for name in COMMON_FIELDS}
    # 第三十一条第（三）项: online, the receipt date is the day both sides confirm; the
    # platform confirms at once by issuing the receipt, so that day is the submission day.
    return fields | {"channel": Channel.ONLINE, "received_on": timezone.localdate()}


class StaffEntryForm(ApplicationForm):
    """Paper, fax and in-person applications, entered by staff with their receipt date."""

    class Meta(ApplicationForm.Meta):
        fields = ["channel", "received_on", *COMMON_FIELDS]
        widgets = ApplicationForm.Meta.widgets | {"received_on": DateInput()}

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("The receipt date cannot be in the future."))
        if received_on < FIRST_IN_FORCE:
            raise forms.ValidationError(
                _("The receipt date cannot be before 1 May 2008, when the Regulations took effect.")
            )
        return received_on

    def application_fields(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in ["channel", "received_on", *COMMON_FIELDS]
        }
