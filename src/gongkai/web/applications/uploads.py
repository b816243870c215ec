"""What the public may upload with an application: small PDF, image and Word files, checked
by their first bytes as well as their name, since a name says nothing about content, and —
for the documents — by what opening them would cost (refuse_costly). The catalogue's
attachments, the docket's documents and the annual report imports use `checked` too."""

from django import forms
from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from gongkai.report.parse import limits

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
SIGNATURES = {  # extension -> (leading bytes, media type)
    ".pdf": (b"%PDF-", "application/pdf"),
    ".jpg": (b"\xff\xd8\xff", "image/jpeg"),
    ".jpeg": (b"\xff\xd8\xff", "image/jpeg"),
    ".png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    ".docx": (b"PK\x03\x04",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}  # fmt: skip


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "label", _("Attachments (PDF, JPG, PNG or Word; at most 5 files of 10 MB)")
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("At most %(n)s files.") % {"n": MAX_FILES})
        return [checked(upload) for upload in files]


def checked(upload, signatures=SIGNATURES):
    """The upload, if its name and first bytes agree on one of the allowed kinds."""
    name = upload.name.lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension not in signatures:
        raise forms.ValidationError(_("%(name)s: only PDF, JPG, PNG, Word or Excel files.") % {
            "name": upload.name})  # fmt: skip
    if upload.size > MAX_BYTES:
        raise forms.ValidationError(_("%(name)s is larger than 10 MB.") % {"name": upload.name})
    head = upload.read(8)
    upload.seek(0)
    signature, content_type = signatures[extension]
    if not head.startswith(signature):
        raise forms.ValidationError(_("%(name)s is not really a %(kind)s file.") % {
            "name": upload.name, "kind": extension[1:].upper()})  # fmt: skip
    upload.content_type = content_type
    refuse_costly(upload, extension)
    scan(upload)
    return upload


# The document part a Word or Excel file must declare in its [Content_Types].xml: a zip of
# something else renamed .docx is no Word file, whatever its first bytes say.
MAIN_PARTS = {
    ".docx": (b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"),
    ".xlsx": (b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"),
}


def refuse_costly(upload, extension: str) -> None:
    """Refuse a zip bomb, a PDF whose streams inflate too far, or an archive of the wrong
    kind, with the parser's limits (gongkai.report.parse.limits): every place that opens
    an uploaded document later stays within them."""
    if extension not in MAIN_PARTS and extension != ".pdf":
        return
    data = upload.read()
    upload.seek(0)
    try:
        if extension == ".pdf":
            limits.refuse_pdf_bomb(data)
        else:
            declared = limits.read_member(limits.open_archive(data), "[Content_Types].xml")
            if not any(kind in declared for kind in MAIN_PARTS[extension]):
                raise limits.UnreadableSource("")
    except limits.TooCostly:
        raise forms.ValidationError(
            _("%(name)s would expand far beyond its size when opened (a possible zip bomb).")
            % {"name": upload.name}
        ) from None
    except (limits.UnreadableSource, KeyError):
        raise forms.ValidationError(_("%(name)s is not really a %(kind)s file.") % {
            "name": upload.name, "kind": extension[1:].upper()}) from None  # fmt: skip


def scan(upload) -> None:
    """Hand the file to the installation's virus scanner, if one is configured: a callable
    (settings.GONGKAI_UPLOAD_SCANNER, a dotted path) that raises ValidationError to refuse."""
    if path := settings.GONGKAI_UPLOAD_SCANNER:
        import_string(path)(upload)
        upload.seek(0)
