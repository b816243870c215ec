"""The notices that close a case without a decision (视为放弃, 终止办理) and the 送达回证,
rendered to DOCX and PDF and read back; and the contact block names the OGI office."""

from dataclasses import replace

import pytest

from gongkai.letters import compose

NOTICES = {
    "abandoned_correction": [
        "以《政府信息公开申请补正告知书》（青财依申补〔2026〕5号）一次性告知你作出补正，"
        "补正期限至2026年10月20日。",
        "你无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ],
    "abandoned_fee": [
        "以《政府信息公开信息处理费收费通知》（青财依申补〔2026〕5号）告知你自收到通知之日的"
        "次日起20个工作日内缴纳信息处理费。",
        "你逾期未缴纳。依照《政府信息公开信息处理费管理办法》",
    ],
    "withdrawn": ["你已撤回该申请，本机关终止办理。本机关不再处理该政府信息公开申请。"],
}


def as_natural_person(context):
    return replace(context, applicant=replace(context.applicant, organisation=False))


@pytest.mark.parametrize("kind", NOTICES)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_each_closing_notice_renders_and_reads_back(kind, fmt, context_for, docx_paragraphs,
                                                    pdf_text):  # fmt: skip
    from gongkai.letters import render_letter

    data = render_letter(kind, as_natural_person(context_for(kind)), fmt)
    text = "".join(docx_paragraphs(data)) if fmt == "docx" else pdf_text(data)
    assert "李明：" in text and "青财依申复〔2026〕12号" in text
    assert "你仍需要获取该政府信息的，可以重新提出政府信息公开申请。" in text
    for sentence in NOTICES[kind]:
        assert sentence in text


def test_without_the_earlier_notice_the_correction_period_is_still_named(context_for):
    context = as_natural_person(context_for("abandoned_correction", previous_notice=""))
    text = compose("abandoned_correction", context).text()
    assert "一次性告知你作出补正，补正期限至2026年10月20日。" in text


def test_the_service_proof_has_no_number_and_no_salutation(context_for, render,
                                                            docx_paragraphs):  # fmt: skip
    paragraphs = docx_paragraphs(render("service_proof", "docx"))
    assert paragraphs[0] == "送达回证" and paragraphs[1] == ""  # a record: no 文号
    assert not any(p.endswith("：") and p.startswith("李明") for p in paragraphs)
    assert "送达文书：《政府信息公开申请答复书》（青财依申复〔2026〕12号）" in paragraphs
    assert "受送达人：李明" in paragraphs and "送达方式：邮寄" in paragraphs
    assert "送达地址：青山县光明路8号 311300" in paragraphs
    assert any(p.startswith("受送达人（签名或者盖章）：") for p in paragraphs)
    assert paragraphs[-2:] == ["青山县财政局", "2026年11月22日"]


def test_the_service_proof_reads_back_from_the_pdf(render, pdf_text):
    text = pdf_text(render("service_proof", "pdf"))
    assert text.startswith("送达回证送达机关：青山县财政局")
    assert "送达文书：《政府信息公开申请答复书》（青财依申复〔2026〕12号）" in text


def test_the_contact_block_names_the_ogi_office_and_its_phone(context_for):
    context = context_for("acknowledgement")
    agency = replace(context.agency, office_name="办公室", office_phone="0571-63712399")
    text = compose("acknowledgement", replace(context, agency=agency)).text()
    assert "联系部门：青山县财政局办公室" in text
    assert "联系电话：0571-63712399" in text and "0571-63712345" not in text


def test_without_an_office_phone_the_agency_phone_is_given(context_for):
    text = compose("acknowledgement", context_for("acknowledgement")).text()
    assert "联系电话：0571-63712345" in text
