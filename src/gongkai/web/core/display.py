"""Display modes for older and low-vision readers (适老化): larger text, high contrast.

Chosen with two buttons in the header, kept in cookies, applied as classes on <html>, so
every page (and every later page) honours them without JavaScript.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

MODES = {"large-text": "gongkai_large_text", "high-contrast": "gongkai_high_contrast"}
ONE_YEAR = 365 * 24 * 3600


def display_classes(request) -> dict:
    active = [mode for mode, cookie in MODES.items() if request.COOKIES.get(cookie) == "1"]
    return {"display_classes": " ".join(active), "display_modes": active}


@require_POST
def toggle(request):
    mode = request.POST.get("mode")
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = redirect(target)
    if cookie := MODES.get(mode):
        if request.COOKIES.get(cookie) == "1":
            response.delete_cookie(cookie)
        else:
            response.set_cookie(
                cookie,
                "1",
                max_age=ONE_YEAR,
                samesite="Lax",
                httponly=True,
                secure=settings.SESSION_COOKIE_SECURE,
            )
    return response
