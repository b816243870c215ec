"""A Letter as PDF: WeasyPrint lays out the HTML rendering (Noto CJK on Debian machines)."""

from weasyprint import HTML

from gongkai.letters.model import Letter
from gongkai.letters.to_html import letter_html


def letter_pdf(letter: Letter) -> bytes:
    return HTML(string=letter_html(letter)).write_pdf()
