"""The application form (第二十九条): the public's online form and staff entry of paper,
fax and in-person applications share one set of fields and checks."""

import secrets

from django import forms
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.statute.agency_codes import InvalidAgencyCode, validate_uscc
from gongkai.statute.identity import IdentityType, InvalidIdentity, validate_identity
from gongkai.statute.phone import InvalidPhone, validate_phone
from gongkai.statute.receipt import Channel
from gongkai.web.applications.models import Application
from gongkai.web.applications.uploads import AttachmentsField
from gongkai.web.core.widgets import DateInput

CAPTCHA_SALT = "gongkai.applications.captcha"
CAPTCHA_MAX_AGE = 2 * 60 * 60  # seconds: a form left open for two hours must be reloaded
COMMON_FIELDS = [
    "applicant_type", "name", "identity_type", "identity_number", "org_code",
    "representative", "contact_person", "phone", "email", "address", "postal_code",
    "description", "form_requested", "delivery",
]  # fmt: skip
# The description of the information sought (第二十九条第二款第（二）项): the box of a paper
# form holds a few hundred characters; 2,000 leave room for a list of documents, and keep
# the 受理回执 that quotes it one page (200,000 characters cost its PDF 32 s; issue 14).
DESCRIPTION_MAX_LENGTH = 2000


class ApplicationForm(forms.ModelForm):
    attachments = AttachmentsField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields["description"]
        description.max_length = DESCRIPTION_MAX_LENGTH
        description.validators.append(MaxLengthValidator(DESCRIPTION_MAX_LENGTH))
        description.widget.attrs["maxlength"] = DESCRIPTION_MAX_LENGTH

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
    """Online: a simple arithmetic question, signed so it cannot be replayed after two hours,
    and a one-time token so that a double click stores one application."""

    submission_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    captcha_token = forms.CharField(widget=forms.HiddenInput)
    captcha_answer = forms.IntegerField(label=_("Answer"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
            self.initial["captcha_token"] = signing.dumps([a, b], salt=CAPTCHA_SALT)
            self.initial["submission_token"] = secrets.token_urlsafe(24)
        self.question = self._question()

    def _question(self) -> str:
        token = self.data.get("captcha_token") or self.initial.get("captcha_token")
        try:
            a, b = signing.loads(token, salt=CAPTCHA_SALT)
        except (signing.BadSignature, TypeError, ValueError):
            return ""
        return _("What is %(a)s plus %(b)s?") % {"a": a, "b": b}

    def clean_captcha_answer(self):
        answer = self.cleaned_data["captcha_answer"]
        try:
            a, b = signing.loads(
                self.data.get("captcha_token", ""), salt=CAPTCHA_SALT, max_age=CAPTCHA_MAX_AGE
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("The form has expired; please answer the new question.")
            ) from None
        if answer != a + b:
            raise forms.ValidationError(_("That is not the right answer."))
        return answer

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
        return received_on

    def application_fields(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in ["channel", "received_on", *COMMON_FIELDS]
        }
