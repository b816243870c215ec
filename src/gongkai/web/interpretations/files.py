"""An interpretation's image or video, served so that nothing in it runs in the portal."""

from pathlib import PurePath

from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header

from gongkai.web.core.csp import uploaded_file
from gongkai.web.interpretations.models import Interpretation
from gongkai.web.interpretations.uploads import media_type

FILES = {"image": "image", "video": "video_file"}


@uploaded_file
def serve_file(interpretation: Interpretation, which: str) -> FileResponse:
    field = FILES.get(which)
    stored = getattr(interpretation, field) if field else None
    if not stored:
        raise Http404
    name = PurePath(stored.name).name
    response = FileResponse(stored.open("rb"), content_type=media_type(name))
    response["Content-Disposition"] = content_disposition_header(False, name)
    return response
