"""The mailbox's forms: the public's question (with the online application form's captcha and
phone check), and the staff's answer and conversion."""

import secrets

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from gongkai.statute.phone import InvalidPhone, validate_phone
from gongkai.web.applications import captcha
from gongkai.web.applications.forms import PublicApplicationForm
from gongkai.web.applications.models import DELIVERY, FORMS
from gongkai.web.mailbox.models import Question

TEXT_MAX_LENGTH = 2000  # a letter's worth; as the application form's description
ASKED_FIELDS = ["subject", "title", "text", "name", "phone", "email", "consent_to_publish"]


class AskForm(forms.ModelForm):
    """A question from the public: the arithmetic question of captcha.py (signed, minutes
    long, checked once) and a one-time token so that a double click stores one question."""

    consent_to_publish = forms.TypedChoiceField(
        label=_("May your question and its answer be published?"),
        choices=[("yes", _("Yes, without my name and contact details")), ("no", _("No"))],
        coerce=lambda value: value == "yes", widget=forms.RadioSelect,
    )  # fmt: skip
    submission_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    captcha_token = forms.CharField(widget=forms.HiddenInput)
    captcha_answer = forms.IntegerField(
        label=_("Answer"), widget=forms.NumberInput(attrs={"aria-describedby": "captcha-question"})
    )

    class Meta:
        model = Question
        fields = ASKED_FIELDS
        widgets = {"text": forms.Textarea(attrs={"rows": 6, "maxlength": TEXT_MAX_LENGTH})}
        help_texts = {
            "phone": _("A mobile number, or a landline with its area code (0795-7220000)."),
            "email": _("Optional: we e-mail you when the question is answered."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].max_length = TEXT_MAX_LENGTH
        self.fields["text"].validators.append(MaxLengthValidator(TEXT_MAX_LENGTH))
        self.captcha_passed, self.question = False, ""
        if self.is_bound:
            self.data = self.data.copy()  # a new arithmetic question may replace the spent one
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

    def clean_phone(self) -> str:
        try:
            return validate_phone(self.cleaned_data["phone"])
        except InvalidPhone as error:
            raise forms.ValidationError(str(error)) from None

    def clean_captcha_answer(self):
        answer = self.cleaned_data["captcha_answer"]
        try:
            captcha.check(self.data.get("captcha_token", ""), answer,
                          self.data.get("submission_token", ""))  # fmt: skip
        except captcha.CaptchaError as error:
            raise forms.ValidationError(
                PublicApplicationForm.CAPTCHA_MESSAGES[error.reason]
            ) from None
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

    def question_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in ASKED_FIELDS}


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("The answer"), widget=forms.Textarea(attrs={"rows": 6}),
                             max_length=5000)  # fmt: skip
    publish = forms.BooleanField(
        label=_("Publish the question and the answer (the asker agreed)"), required=False,
        initial=True,
    )  # fmt: skip


class ConvertForm(forms.Form):
    form_requested = forms.ChoiceField(label=_("Form requested"), choices=FORMS,
                                       initial="email")  # fmt: skip
    delivery = forms.ChoiceField(label=_("Delivery"), choices=DELIVERY, initial="online")
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}),
                           required=False, max_length=500)  # fmt: skip
