"""{% qr_code %}: “扫一扫在手机打开” with the QR code of the page being shown, on the pages
that have one (portal/qr_codes.py); nothing elsewhere, nor where there is no request (500).

{% qr_code path %} shows another public page's code instead: a 查阅点's touch screen offers
the entry's public page, to be read on the phone, rather than its own kiosk address."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from gongkai.web.portal.qr_codes import public_path

register = template.Library()


@register.inclusion_tag("portal/_qr_code.html", takes_context=True)
def qr_code(context, path: str | None = None) -> dict:
    request = context.get("request")
    if request is None:
        return {"source": None}
    shown = public_path(path if path is not None else request.get_full_path())
    if shown is None:
        return {"source": None}
    return {"source": f"{reverse('qr-code')}?{urlencode({'path': shown})}"}
