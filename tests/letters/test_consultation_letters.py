"""征求第三方意见书 (第三十二条) and 征求意见函 to a co-producing agency (第三十四条)."""

from gongkai.letters import compose


def test_the_third_party_has_fifteen_working_days_and_silence_leaves_the_decision_to_us(
    render, pdf_text
):
    text = pdf_text(render("consultation_third_party", "pdf"))
    assert text.count("青山建设工程有限公司：") == 1
    assert "该政府信息涉及你（单位）的商业秘密（投标报价明细）" in text
    assert "请你（单位）自收到本征求意见书之日起15个工作日内" in text
    assert "逾期未提出意见的，由本机关依照条例的规定决定是否公开。" in text


def test_the_third_party_is_not_told_who_applied(context_for):
    assert (
        "李明"
        not in compose("consultation_third_party", context_for("consultation_third_party")).text()
    )


def test_the_other_agency_has_fifteen_working_days_and_silence_means_consent(
    render, docx_paragraphs
):
    paragraphs = docx_paragraphs(render("consultation_agency", "docx"))
    assert "青山县住房和城乡建设局：" in paragraphs
    reply = next(p for p in paragraphs if p.startswith("请贵单位"))
    assert "自收到本函之日起15个工作日内提出是否同意公开的意见" in reply
    assert reply.endswith("逾期未提出意见的，视为同意公开。")


def test_the_agency_letter_quotes_article_34(context_for):
    text = compose("consultation_agency", context_for("consultation_agency")).text()
    assert "第三十四条“申请公开的政府信息由两个以上行政机关共同制作的" in text
    assert "李明" not in text
