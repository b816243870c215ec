"""A report as PDF: WeasyPrint lays out the HTML page with its A4 print styles.

The CJK faces come from the system (Debian fonts-noto-cjk, installed by
scripts/ensure-system-packages.sh) and are embedded, so the text stays selectable.
"""

from gongkai.report.model import Report
from gongkai.report.render.html import render_html


def render_pdf(report: Report) -> bytes:
    # Imported here: WeasyPrint loads Pango at import time, which the other formats never need.
    from weasyprint import HTML

    return HTML(string=render_html(report), media_type="print").write_pdf(pdf_tags=True)
