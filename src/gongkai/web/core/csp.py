"""Content-Security-Policy for the responses that cannot follow the site-wide one.

The site-wide policy (settings.SECURE_CSP) allows no inline script and no inline style. Two
kinds of response are different:

- A published annual report is served as it was frozen on publication (条例第四十九条: the
  public record, unchanged). Its page carries its own <style> element and the width of each
  table column as a style attribute, and it cannot be rewritten. Its policy allows exactly
  that <style> element, by the SHA-256 of its text, and style attributes (which cannot carry
  selectors, so cannot read the page); scripts stay as strict as everywhere. Browsers without
  the -elem/-attr directives fall back to style-src, which allows inline style on that page.
- A file someone uploaded (a catalogue attachment) is shown in the browser but is not ours:
  no script runs in it at all.
"""

import base64
import hashlib
import re
from functools import wraps

from django.conf import settings
from django.utils.csp import CSP

STYLE_ELEMENT = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
COL_WIDTH = re.compile(r'<col style="width:([0-9.]+)%">')

UPLOADED_FILE_POLICY = {
    "default-src": [CSP.NONE],
    "img-src": [CSP.SELF, "data:"],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "font-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}


def style_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def frozen_document_policy(html: str) -> dict:
    hashes = [style_hash(text) for text in STYLE_ELEMENT.findall(html)]
    return settings.SECURE_CSP | {
        "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
        "style-src-elem": [CSP.SELF, *hashes],
        "style-src-attr": [CSP.UNSAFE_INLINE],
    }


def serve_frozen_document(response):
    """Give a response holding a frozen HTML document the policy that lets its style work."""
    response._csp_config = frozen_document_policy(response.content.decode("utf-8"))
    return response


def uploaded_file(view):
    """View decorator: the file it answers with runs no script, whatever it contains."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_config = UPLOADED_FILE_POLICY
        return response

    return wrapper


def without_inline_widths(html: str) -> str:
    """A rendered report table for our own pages: column widths as data attributes, applied by
    gongkai/col-widths.js, since the site-wide policy refuses style attributes."""
    return COL_WIDTH.sub(r'<col data-width="\1">', html)
