"""{% qr_code %}: “扫一扫在手机打开” with the QR code of the page being shown, on the pages
that have one (portal/qr_codes.py); nothing elsewhere, nor where there is no request (500)."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from gongkai.web.portal.qr_codes import public_path

register = template.Library()


@register.inclusion_tag("portal/_qr_code.html", takes_context=True)
def qr_code(context) -> dict:
    request = context.get("request")
    path = public_path(request.get_full_path()) if request is not None else None
    if path is None:
        return {"source": None}
    return {"source": f"{reverse('qr-code')}?{urlencode({'path': path})}"}
