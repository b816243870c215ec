from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.web.core.widgets import DateInput
from gongkai.web.interpretations.models import Interpretation
from gongkai.web.interpretations.uploads import checked_image, checked_video

FIELDS = ["kind", "title", "concern", "body", "image", "video_url", "video_file", "held_on",
          "speakers", "head_took_part"]  # fmt: skip


class InterpretationForm(forms.ModelForm):
    """An interpretation of `entry`, or, without one, a response to a public concern."""

    class Meta:
        model = Interpretation
        fields = FIELDS
        widgets = {
            "held_on": DateInput(),
            "body": forms.Textarea(attrs={"rows": 12}),
            "image": forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
            "video_file": forms.FileInput(attrs={"accept": "video/mp4,video/webm"}),
        }

    def __init__(self, *args, agency=None, entry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agency = agency or getattr(self.instance, "agency", None)
        if entry is not None:
            self.instance.entry = entry
        if self.instance.entry_id:
            del self.fields["concern"]
        else:
            self.fields["concern"].required = True

    def clean_image(self):
        image = self.cleaned_data.get("image")
        return checked_image(image) if image and image != self.initial.get("image") else image

    def clean_video_file(self):
        video = self.cleaned_data.get("video_file")
        if video and video != self.initial.get("video_file"):
            return checked_video(video)
        return video

    def fields_to_save(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}


def withdraw_form(data=None) -> forms.Form:
    form = forms.Form(data, prefix="withdraw")
    form.fields["reason"] = forms.CharField(label=_("Why it is withdrawn"), max_length=500,
                                            widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    return form
