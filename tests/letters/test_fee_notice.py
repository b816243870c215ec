"""The 收费通知: basis, standard, the amount band by band, and the 20-working-day payment rule."""

import pytest

from gongkai.letters import compose
from gongkai.letters.fields import yuan_in_words
from gongkai.statute.fees import FeeMethod


def test_the_notice_breaks_the_per_item_fee_down_by_band(render, docx_paragraphs):
    paragraphs = docx_paragraphs(render("fee_notice", "docx"))
    assert "计费数量：35件。计算明细：" in paragraphs
    assert "第1件至10件：10件，免费，计0元；" in paragraphs
    assert "第11件至30件：20件，100元/件，计2000元；" in paragraphs
    assert "第31件至40件：5件，200元/件，计1000元；" in paragraphs
    assert "应缴纳信息处理费合计人民币3000元（大写：叁仟元整）。" in paragraphs


def test_the_pdf_shows_the_same_breakdown(render, pdf_text):
    text = pdf_text(render("fee_notice", "pdf"))
    assert "第11件至30件：20件，100元/件，计2000元；" in text
    assert "合计人民币3000元（大写：叁仟元整）" in text


def test_the_per_page_fee_uses_the_page_bands(context_for):
    context = context_for("fee_notice", fee_method=FeeMethod.PER_PAGE, fee_quantity=150)
    text = compose("fee_notice", context).text()
    assert "收费标准（按量计收，超额累进计收）：" in text
    assert "同一申请第101页至第200页的部分：20元/页；" in text
    assert "第31页至100页：70页，10元/页，计700元；" in text
    assert "第101页至200页：50页，20元/页，计1000元；" in text
    assert "合计人民币1700元（大写：壹仟柒佰元整）" in text


def test_the_standard_states_the_free_band_and_the_step_rule(context_for):
    text = compose("fee_notice", context_for("fee_notice")).text()
    assert "一个自然月内累计申请第1件至第10件的部分：不收费；" in text
    assert "此后以10件为一档，每增加一档，收费标准提高100元/件；" in text


def test_the_notice_names_its_basis(context_for):
    text = compose("fee_notice", context_for("fee_notice")).text()
    assert "第四十二条“行政机关依申请提供政府信息，不收取费用。但是，" in text
    assert (
        "和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关对该申请收取信息处理费"
        in text
    )


def test_the_applicant_has_twenty_working_days_from_the_day_after_receipt(context_for):
    text = compose("fee_notice", context_for("fee_notice")).text()
    assert "请你（单位）自收到本通知之日的次日起20个工作日内缴纳。" in text
    assert "缴费方式：通过青山县非税收入缴款平台缴纳。" in text
    assert "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。" in text


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "零元整"),
        (10, "壹拾元整"),
        (105, "壹佰零伍元整"),
        (1700, "壹仟柒佰元整"),
        (10001, "壹万零壹元整"),
        (100100, "壹拾万零壹佰元整"),
        (2005000, "贰佰万伍仟元整"),
    ],
)
def test_amounts_are_written_in_financial_capitals(amount, words):
    assert yuan_in_words(amount) == words


def test_no_notice_is_written_when_the_quantity_is_within_the_free_band(context_for):
    with pytest.raises(ValueError, match="缺少应缴纳的信息处理费（数量在免费范围内的，不收费）"):
        compose("fee_notice", context_for("fee_notice", fee_quantity=10))
