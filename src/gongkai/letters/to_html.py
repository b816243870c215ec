"""A Letter as a standalone HTML page (lang="zh-CN"), printable, and the source of the PDF."""

from html import escape

from gongkai.letters.model import Letter, Style
from gongkai.letters.typography import (
    BODY_FONTS,
    BODY_SIZE_PT,
    LINE_PITCH_PT,
    MARGINS_MM,
    SIGNATURE_RIGHT_CHARS,
    TITLE_FONTS,
    TITLE_SIZE_PT,
)
from gongkai.plaintext import xml_safe


def font_stack(fonts: tuple[str, ...]) -> str:
    return ", ".join(f'"{font}"' for font in fonts) + ", serif"


def stylesheet() -> str:
    margins = MARGINS_MM
    return f"""
@page {{ size: A4; margin: {margins["top"]}mm {margins["right"]}mm {margins["bottom"]}mm
  {margins["left"]}mm; }}
body {{ font-family: {font_stack(BODY_FONTS)}; font-size: {BODY_SIZE_PT}pt;
  line-height: {LINE_PITCH_PT}pt; color: #000; margin: 0; }}
main {{ max-width: 156mm; margin: 0 auto; }}
h1 {{ font-family: {font_stack(TITLE_FONTS)}; font-size: {TITLE_SIZE_PT}pt; font-weight: normal;
  text-align: center; line-height: 1.5; margin: 0 0 {LINE_PITCH_PT / 2}pt; }}
p {{ margin: 0; text-align: justify; }}
.number {{ text-align: center; margin-bottom: {LINE_PITCH_PT}pt; }}
.body {{ text-indent: 2em; }}
.signature {{ margin-top: {LINE_PITCH_PT * 2}pt; text-align: right;
  padding-right: {SIGNATURE_RIGHT_CHARS}em; }}
.signature div {{ display: inline-block; }}
.signature p {{ text-align: center; }}
@media screen {{ main {{ padding: 2em 1em; }} }}
"""


def text(value: str) -> str:
    """Escaped, and without control characters (a stored name may hold Word's \x0b, which
    the PDF's HTML parser would take for the end of the text)."""
    return escape(xml_safe(value))


def heading(letter: Letter) -> str:
    """The number and the salutation, when the letter has them (a 送达回证 has neither)."""
    number = f'<p class="number">{text(letter.number)}</p>' if letter.number else ""
    addressee = f'<p class="addressee">{text(letter.addressee)}：</p>' if letter.addressee else ""
    return number + addressee


def letter_html(letter: Letter) -> str:
    paragraphs = "\n".join(
        f'<p class="{"body" if block.style is Style.BODY else "plain"}">{text(block.text)}</p>'
        for block in letter.blocks
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{text(letter.title)}</title>
<style>{stylesheet()}</style>
</head>
<body>
<main>
<h1>{text(letter.title)}</h1>
{heading(letter)}
{paragraphs}
<div class="signature"><div>
<p>{text(letter.signature)}</p>
<p>{text(letter.date)}</p>
</div></div>
</main>
</body>
</html>
"""
