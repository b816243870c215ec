"""The HTML rendering: a standalone zh-CN page, escaped, with the 公文 page set for print."""

import pytest

from gongkai.letters import FORMATS, LetterApplicant, render_letter

TEMPLATE_KEYS = ["acknowledgement", "fee_notice", "granted:provided", "declined.excessive"]


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_the_html_is_a_chinese_page_with_the_letter(key, render):
    html = render(key, "html").decode("utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert '<p class="number">青财依申复〔2026〕12号</p>' in html
    assert "<p>青山县财政局</p>" in html


def test_the_page_rule_sets_a4_and_the_official_margins(render):
    html = render("acknowledgement", "html").decode("utf-8")
    assert "size: A4; margin: 37mm 26mm 35mm\n  28mm;" in html


def test_the_fonts_fall_back_to_noto_cjk(render):
    html = render("acknowledgement", "html").decode("utf-8")
    assert '"方正小标宋简体", "小标宋", "黑体", "SimHei", "Noto Serif CJK SC", serif' in html
    assert '"仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", serif' in html


def test_text_from_the_applicant_is_escaped(context_for):
    context = context_for("acknowledgement", information="<script>alert(1)</script>")
    html = render_letter("acknowledgement", context, "html").decode("utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_unknown_format_is_refused_in_chinese(context_for):
    with pytest.raises(ValueError, match="不支持的文书格式：odt"):
        render_letter("acknowledgement", context_for("acknowledgement"), "odt")


def test_the_three_formats_are_offered():
    assert set(FORMATS) == {"docx", "pdf", "html"}


def test_an_organisation_applicant_is_addressed_by_its_name(context_for):
    context = context_for("acknowledgement")
    context = type(context)(context.agency, LetterApplicant("青山律师事务所"), context.case)
    html = render_letter("acknowledgement", context, "html").decode("utf-8")
    assert '<p class="addressee">青山律师事务所：</p>' in html
