"""The files of an interpretation: the image of a 图文解读, checked like every upload
(applications/uploads.py: name and first bytes agree, size, the installation's scanner), and
the video of a 视频解读, checked the same way with a video's own marks and size."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.web.applications.uploads import SIGNATURES, checked, scan

IMAGES = {extension: SIGNATURES[extension] for extension in (".jpg", ".jpeg", ".png")}
VIDEO_MAX_BYTES = 200 * 1024 * 1024
# An MP4 file opens with a box whose type, at bytes 4–8, is ftyp; a WebM file with the EBML
# header's magic number.
VIDEOS = {".mp4": (4, b"ftyp", "video/mp4"), ".webm": (0, b"\x1a\x45\xdf\xa3", "video/webm")}


def extension_of(upload) -> str:
    name = upload.name.lower()
    return name[name.rfind(".") :] if "." in name else ""


def checked_image(upload):
    if extension_of(upload) not in IMAGES:
        raise forms.ValidationError(_("%(name)s: only JPG or PNG images.") % {
            "name": upload.name})  # fmt: skip
    return checked(upload, IMAGES)


def checked_video(upload):
    kind = VIDEOS.get(extension_of(upload))
    if kind is None:
        raise forms.ValidationError(_("%(name)s: only MP4 or WebM videos.") % {
            "name": upload.name})  # fmt: skip
    if upload.size > VIDEO_MAX_BYTES:
        raise forms.ValidationError(_("%(name)s is larger than 200 MB.") % {"name": upload.name})
    offset, mark, content_type = kind
    head = upload.read(offset + len(mark))
    upload.seek(0)
    if head[offset:] != mark:
        raise forms.ValidationError(_("%(name)s is not really a video file.") % {
            "name": upload.name})  # fmt: skip
    upload.content_type = content_type
    scan(upload)
    return upload


def media_type(name: str) -> str:
    """The media type a stored file is served with, from the name it was checked under."""
    extension = name[name.rfind(".") :].lower() if "." in name else ""
    if extension in IMAGES:
        return IMAGES[extension][1]
    return VIDEOS[extension][2] if extension in VIDEOS else "application/octet-stream"
