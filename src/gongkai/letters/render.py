"""render_letter: the one entry point — a letter kind and a context in, document bytes out."""

from collections.abc import Callable

from gongkai.letters.compose import compose
from gongkai.letters.context import LetterContext
from gongkai.letters.model import Letter
from gongkai.letters.to_docx import letter_docx
from gongkai.letters.to_html import letter_html
from gongkai.letters.to_pdf import letter_pdf

FORMATS: dict[str, Callable[[Letter], bytes]] = {
    "docx": letter_docx,
    "pdf": letter_pdf,
    "html": lambda letter: letter_html(letter).encode("utf-8"),
}
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def render_letter(kind: str, context: LetterContext, fmt: str = "docx") -> bytes:
    """The letter `kind` (see LETTER_KINDS; "decision" uses context.case.decision) as bytes.

    Raises ValueError, in Chinese, for an unknown kind or format or a missing field."""
    if fmt not in FORMATS:
        raise ValueError(f"不支持的文书格式：{fmt}（可选：{'、'.join(FORMATS)}）")
    return FORMATS[fmt](compose(kind, context))
