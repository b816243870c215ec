"""“扫一扫在手机打开”: a QR code of a public page's own address, drawn on the server (segno,
pure Python; no outside service).

Only the pages named in QR_PAGES get one, and /qr.png draws only their addresses on this
site: it is no QR generator for any text, and a page whose address carries a query code
(the receipt, the tracking page) is left out, since a code photographed off a screen at a
查阅点 opens someone else's case. The address is the one the visitor's browser used
(scheme and host as the request sees them, Host checked against ALLOWED_HOSTS), or
GONGKAI_CANONICAL_URL when set.
"""

import io
from functools import lru_cache
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import Resolver404, resolve

# The public pages that show their QR code (URL names). A new public page adds its name here.
QR_PAGES = frozenset({
    "home", "agency", "agency-directory", "portal-guide", "portal-apply",
    "catalog", "catalog-entry", "catalog-guide", "catalog-article20",
    "catalog-annual-reports", "catalog-agency-annual-reports",
    "annual-report-public", "annual-report-version",
    "application-apply", "application-track", "manual", "manual-chapter",
    "interpretations", "interpretation",  # 政策解读
    "mailbox", "mailbox-agency", "mailbox-question",  # 政民互动 (not a question's status)
})  # fmt: skip
MAX_PATH = 400  # characters of path and query: a 目录 search with its filters fits
MODULE_PIXELS = 4  # a 37-module code is 180 px with its quiet zone: scanned from a screen
QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks
CACHE_SECONDS = 24 * 3600


def shows_qr_code(url_name: str | None) -> bool:
    return url_name in QR_PAGES


def public_path(path: str) -> str | None:
    """`path` (with its query) if it is the address of a page in QR_PAGES on this site."""
    if not path.startswith("/") or path.startswith("//") or len(path) > MAX_PATH:
        return None
    # As browsers send it, percent-encoded: Chinese typed into a query is not shown as words.
    if not path.isascii() or not path.isprintable() or " " in path or "\\" in path:
        return None
    parts = urlsplit(path)
    if parts.scheme or parts.netloc:
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    return path if shows_qr_code(match.url_name) else None


def absolute_url(request, path: str) -> str:
    base = settings.GONGKAI_CANONICAL_URL or f"{request.scheme}://{request.get_host()}"
    return base + path


@lru_cache(maxsize=1024)
def png(url: str) -> bytes:
    """The QR code of `url` as a PNG (error correction M: a smudged screen still reads)."""
    buffer = io.BytesIO()
    code = segno.make_qr(url, error="m")
    code.save(buffer, kind="png", scale=MODULE_PIXELS, border=QUIET_ZONE)
    return buffer.getvalue()


def image(request):
    """/qr.png?path=/catalog/entries/12/ — the QR code of that page's absolute address."""
    path = public_path(request.GET.get("path", ""))
    if path is None:
        raise Http404("No public page of this site has that address.")
    response = HttpResponse(png(absolute_url(request, path)), content_type="image/png")
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response
