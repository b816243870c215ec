"""The staff forms of published reports: an upload of many files, one figure's value, the
agency of a report whose match waits."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.web.intelligence.sources import ARCHIVES, is_report_name

MAX_UPLOAD_FILES = 200
MAX_UPLOAD_BYTES = 512 * 1024 * 1024  # a zip of thousands of reports
LARGEST = Decimal("1e13")  # what a figure's column holds (18 digits, 4 after the point)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Report files"),
        help_text=_("Text, HTML, Word (.docx) or PDF files, or zip archives of them."),
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if not files:
            raise forms.ValidationError(_("Choose at least one file."))
        if len(files) > MAX_UPLOAD_FILES:
            raise forms.ValidationError(
                _("At most %(n)s files at a time: put more in a zip archive.")
                % {"n": MAX_UPLOAD_FILES}
            )
        for upload in files:
            suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
            if not (is_report_name(upload.name) or suffix in ARCHIVES):
                raise forms.ValidationError(
                    _(
                        "%(name)s: only text, HTML, Word (.docx), PDF files or zip archives can "
                        "be imported."
                    )
                    % {"name": upload.name}
                )
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(
                    _("%(name)s is larger than 512 MB.") % {"name": upload.name}
                )
        return files


def parse_value(text: str) -> Decimal | None:
    """A figure as typed: blank (nothing printed), or a non-negative number."""
    text = (text or "").strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or abs(value) >= LARGEST:
        raise forms.ValidationError(_("Type a number, or leave it empty for a blank cell."))
    if value.as_tuple().exponent < -4:
        raise forms.ValidationError(_("At most four decimal places."))
    return value
