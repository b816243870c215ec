"""The JSON API changes nothing unless the request says it is JSON.

A web page on another site can make its visitors' browsers POST a form or a text/plain body
to us without asking first, but not an application/json one (that needs a CORS preflight,
which we never grant). So refusing every other body on the API's state-changing methods
stops other sites from submitting applications through their visitors' browsers.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
JSON_MEDIA_TYPE = "application/json"


def is_json(request) -> bool:
    media_type = request.META.get("CONTENT_TYPE", "").split(";", 1)[0].strip().lower()
    return media_type == JSON_MEDIA_TYPE


class JsonOnlyApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(API_PREFIX)
            and request.method not in SAFE_METHODS
            and not is_json(request)
        ):
            message = _("Send the request body as JSON, with Content-Type: application/json.")
            return JsonResponse({"errors": {"__all__": [message]}}, status=415)
        return self.get_response(request)
