"""Every letter, reopened from its DOCX bytes, says what it must, in the 公文 fonts and page."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from gongkai.letters import CLOSING_TEMPLATES, DECISION_TEMPLATES, PROCEDURE_TEMPLATES
from gongkai.letters.compose import placeholders
from gongkai.statute.law import ITEM_MARK, provision

TEMPLATES = {**PROCEDURE_TEMPLATES, **CLOSING_TEMPLATES, **DECISION_TEMPLATES}
REMEDIES = "可以自收到本答复书之日起60日内向青山县人民政府申请行政复议"
LITIGATION = "自收到本答复书之日起6个月内向青山县人民法院提起行政诉讼"


def quoted_text(reference: str) -> str:
    return ITEM_MARK.sub("", provision(reference)).rstrip("。；：")


def static_references(template) -> set[str]:
    """Provisions quoted by paragraphs that every full case shows."""
    return {
        name
        for para in template.paragraphs
        if not para.unless
        for name in placeholders(para.text)
        if name.startswith("第")
    }


def document(data: bytes):
    return Document(io.BytesIO(data))


@pytest.mark.parametrize("key", TEMPLATES)
def test_the_letter_opens_with_its_title_number_and_addressee(key, render, docx_paragraphs):
    paragraphs = docx_paragraphs(render(key, "docx"))
    addressee = "青山县住房和城乡建设局" if key == "consultation_agency" else "李明"
    if key == "consultation_third_party":
        addressee = "青山建设工程有限公司"
    assert paragraphs[0] == TEMPLATES[key].title
    assert paragraphs[1] == "青财依申复〔2026〕12号"
    assert f"{addressee}：" in paragraphs


@pytest.mark.parametrize("key", TEMPLATES)
def test_the_letter_quotes_each_cited_provision_verbatim(key, render, docx_paragraphs):
    text = "".join(docx_paragraphs(render(key, "docx")))
    for reference in static_references(TEMPLATES[key]):
        assert f"{reference}“{quoted_text(reference)}”" in text


@pytest.mark.parametrize("key", TEMPLATES)
def test_the_letter_ends_with_the_agency_and_the_date_in_chinese(key, render):
    paragraphs = document(render(key, "docx")).paragraphs
    assert [p.text for p in paragraphs[-2:]] == ["青山县财政局", "2026年11月22日"]
    assert all(p.alignment == 2 for p in paragraphs[-2:])  # WD_ALIGN_PARAGRAPH.RIGHT


@pytest.mark.parametrize("key", TEMPLATES)
def test_the_letter_gives_the_agency_contact_details(key, render, docx_paragraphs):
    paragraphs = docx_paragraphs(render(key, "docx"))
    assert "联系电话：0571-63712345" in paragraphs
    assert "通讯地址：青山县人民路1号" in paragraphs


@pytest.mark.parametrize("key", DECISION_TEMPLATES)
def test_every_decision_letter_names_the_applicant_and_the_remedies(key, render, docx_paragraphs):
    paragraphs = docx_paragraphs(render(key, "docx"))
    remedies = [p for p in paragraphs if "第五十一条" in p]
    assert paragraphs[3] == "李明："
    assert len(remedies) == 1
    assert REMEDIES in remedies[0]
    assert LITIGATION in remedies[0]


@pytest.mark.parametrize("key", TEMPLATES)
def test_every_run_names_its_east_asian_font(key, render):
    runs = [run for p in document(render(key, "docx")).paragraphs for run in p.runs]
    fonts = [run._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for run in runs]
    assert fonts[0] == "方正小标宋简体"
    assert set(fonts[1:]) == {"仿宋_GB2312"}


def test_the_body_is_sanhao_and_the_title_erhao(render):
    paragraphs = document(render("partial", "docx")).paragraphs
    assert paragraphs[0].runs[0].font.size.pt == 22
    assert {run.font.size.pt for p in paragraphs[1:] for run in p.runs} == {16}


def test_the_normal_style_and_defaults_use_the_body_font(render):
    styles = document(render("partial", "docx")).styles
    defaults = styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    normal = styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert defaults.get(qn("w:eastAsia")) == normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.get(qn("w:eastAsiaTheme")) is None


def test_the_font_table_gives_each_font_its_fallback(render):
    package = document(render("partial", "docx")).part.package
    font_table = next(part for part in package.iter_parts() if "fontTable" in str(part.partname))
    xml = font_table.blob.decode("utf-8")
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>' in xml
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in xml


def test_the_page_is_a4_with_official_document_margins(render):
    section = document(render("acknowledgement", "docx")).sections[0]
    page = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(length.mm, 1) for length in page] == [210, 297]
    assert [round(length.mm, 1) for length in margins] == [37, 35, 28, 26]


def test_body_paragraphs_are_indented_two_characters_and_lists_are_not(render):
    paragraphs = document(render("fee_notice", "docx")).paragraphs
    opening = next(p for p in paragraphs if p.text.startswith("本机关于"))
    item = next(p for p in paragraphs if p.text.startswith("第11件至30件"))
    assert opening.paragraph_format.first_line_indent.pt == 32
    assert item.paragraph_format.first_line_indent is None
