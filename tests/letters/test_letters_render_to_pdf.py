"""Every letter as PDF: the text pdfplumber reads back, the A4 page and the 公文 margins."""

import io

import pdfplumber
import pytest

from gongkai.letters import CLOSING_TEMPLATES, DECISION_TEMPLATES, PROCEDURE_TEMPLATES
from gongkai.letters.compose import placeholders
from gongkai.statute.law import ITEM_MARK, provision

TEMPLATES = {**PROCEDURE_TEMPLATES, **CLOSING_TEMPLATES, **DECISION_TEMPLATES}
POINTS_PER_MM = 72 / 25.4


def quoted_text(reference: str) -> str:
    return ITEM_MARK.sub("", provision(reference)).rstrip("。；：")


@pytest.mark.parametrize("key", TEMPLATES)
def test_the_pdf_shows_title_number_signature_and_date(key, render, pdf_text):
    text = pdf_text(render(key, "pdf"))
    assert text.startswith(TEMPLATES[key].title + "青财依申复〔2026〕12号")
    assert text.endswith("青山县财政局2026年11月22日")


# The notices of a withdrawal and of an unpaid fee rest on no article of the 条例.
CITING = [key for key, template in TEMPLATES.items() if template.articles]


@pytest.mark.parametrize("key", CITING)
def test_the_pdf_quotes_each_cited_provision_verbatim(key, render, pdf_text):
    text = pdf_text(render(key, "pdf"))
    references = {
        name
        for para in TEMPLATES[key].paragraphs
        if not para.unless
        for name in placeholders(para.text)
        if name.startswith("第")
    }
    assert references
    for reference in references:
        assert f"{reference}“{quoted_text(reference)}”" in text


@pytest.mark.parametrize("key", DECISION_TEMPLATES)
def test_every_decision_pdf_names_the_applicant_and_the_remedies(key, render, pdf_text):
    text = pdf_text(render(key, "pdf"))
    assert "李明：" in text
    assert "可以自收到本答复书之日起60日内向青山县人民政府申请行政复议" in text
    assert "或者自收到本答复书之日起6个月内向青山县人民法院提起行政诉讼" in text


def test_the_pdf_page_is_a4_and_the_text_sits_inside_the_margins(render):
    with pdfplumber.open(io.BytesIO(render("withheld.third_party", "pdf"))) as pdf:
        page = pdf.pages[0]
        assert (round(page.width / POINTS_PER_MM), round(page.height / POINTS_PER_MM)) == (210, 297)
        chars = [char for page in pdf.pages for char in page.chars]
    assert min(char["x0"] for char in chars) >= 28 * POINTS_PER_MM - 1
    assert max(char["x1"] for char in chars) <= (210 - 26) * POINTS_PER_MM + 1
    assert min(char["top"] for char in chars) >= 37 * POINTS_PER_MM - 1
    assert max(char["bottom"] for char in chars) <= (297 - 35) * POINTS_PER_MM + 1


def test_the_pdf_embeds_a_chinese_font(render):
    with pdfplumber.open(io.BytesIO(render("acknowledgement", "pdf"))) as pdf:
        fonts = {char["fontname"] for char in pdf.pages[0].chars}
    assert any("CJK" in font for font in fonts), fonts
