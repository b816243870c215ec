"""A Letter as a Word document: A4, 公文 margins and type, East-Asian fonts set explicitly.

Word picks the font for Chinese characters from w:eastAsia, not from the font name python-docx
sets, so every run names its font in all four slots. The font table lists the fallback of each
(w:altName), as documents written by Word on Chinese systems do.
"""

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from gongkai.letters.model import Letter, Style
from gongkai.letters.typography import (
    BODY_FONTS,
    BODY_SIZE_PT,
    LINE_PITCH_PT,
    MARGINS_MM,
    PAGE_MM,
    SIGNATURE_RIGHT_CHARS,
    TITLE_FONTS,
    TITLE_SIZE_PT,
)
from gongkai.plaintext import xml_safe

TITLE_FONT, TITLE_FALLBACK = TITLE_FONTS[0], TITLE_FONTS[2]  # 方正小标宋简体 → 黑体
BODY_FONT, BODY_FALLBACK = BODY_FONTS[0], BODY_FONTS[1]  # 仿宋_GB2312 → 仿宋
GB2312_CHARSET = "86"


def letter_docx(letter: Letter) -> bytes:
    document = Document()
    _set_up_page(document)
    _set_default_font(document)
    _declare_fonts(document)
    document.core_properties.title = xml_safe(letter.title)
    document.core_properties.language = "zh-CN"
    title = _paragraph(document, letter.title, TITLE_FONT, TITLE_SIZE_PT, WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.line_spacing = Pt(TITLE_SIZE_PT * 1.5)
    if letter.number:
        _paragraph(document, letter.number, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "")
    if letter.addressee:
        _paragraph(document, f"{letter.addressee}：")
    for block in letter.blocks:
        paragraph = _paragraph(document, block.text, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        if block.style is Style.BODY:
            paragraph.paragraph_format.first_line_indent = Pt(BODY_SIZE_PT * 2)
    _paragraph(document, "")
    for line in (letter.signature, letter.date):
        signature = _paragraph(document, line, align=WD_ALIGN_PARAGRAPH.RIGHT)
        signature.paragraph_format.right_indent = Pt(BODY_SIZE_PT * SIGNATURE_RIGHT_CHARS)
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def _set_up_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])


def _set_default_font(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    for run_properties in defaults.iter(qn("w:rPr")):
        set_run_fonts(run_properties, BODY_FONT)
        for language in run_properties.iter(qn("w:lang")):
            language.set(qn("w:eastAsia"), "zh-CN")  # Chinese line breaking and punctuation
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE_PT)
    set_run_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    paragraph_format = normal.paragraph_format
    paragraph_format.space_before = paragraph_format.space_after = Pt(0)
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_format.line_spacing = Pt(LINE_PITCH_PT)


def _paragraph(document, text: str, font: str = BODY_FONT, size: float = BODY_SIZE_PT, align=None):
    paragraph: Paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(xml_safe(text))  # a stored name may hold Word's \x0b
    run.font.size = Pt(size)
    set_run_fonts(run._element.get_or_add_rPr(), font)
    return paragraph


def set_run_fonts(run_properties, font: str) -> None:
    """Name the font for Latin, complex-script and East-Asian text alike."""
    fonts = run_properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        run_properties.insert(0, fonts)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), font)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)  # a theme font would win over ours
    fonts.set(qn("w:hint"), "eastAsia")


def _declare_fonts(document) -> None:
    """Font-table entries with their fallbacks, so Word substitutes a Chinese font."""
    part = next(
        rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable")
    )
    table = etree.fromstring(part.blob)
    for name, fallback in ((TITLE_FONT, TITLE_FALLBACK), (BODY_FONT, BODY_FALLBACK)):
        entry = etree.SubElement(table, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(entry, qn("w:altName"), {qn("w:val"): fallback})
        etree.SubElement(entry, qn("w:charset"), {qn("w:val"): GB2312_CHARSET})
        etree.SubElement(entry, qn("w:family"), {qn("w:val"): "modern"})
    # python-docx keeps parts it does not model as bytes; replace them.
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
