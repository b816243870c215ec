"""Named people and agencies for the letters: 李明 applies to 青山县财政局.

`FULL_CASE` fills every field a template may need, so each letter kind and decision renders;
tests take fields away or change them to prove one behaviour. Rendering is cached per
template and format, because a PDF takes a fraction of a second.
"""

import io
import re
from dataclasses import replace
from datetime import date
from functools import cache

import pdfplumber
import pytest
from docx import Document

from gongkai.letters import (
    DECISION_TEMPLATES,
    LetterAgency,
    LetterApplicant,
    LetterCase,
    LetterContext,
    LetterRecipient,
    render_letter,
)
from gongkai.statute.fees import FeeMethod
from gongkai.statute.receipt import Channel

QINGSHAN_FINANCE = LetterAgency(
    name="青山县财政局",
    office_name="青山县财政局办公室",
    address="青山县人民路1号",
    postal_code="311300",
    phone="0571-63712345",
    fax="0571-63712346",
    email="gongkai@czj.qingshan.gov.cn",
    website="http://czj.qingshan.gov.cn",
    review_body="青山县人民政府",
    court="青山县人民法院",
)
LI_MING = LetterApplicant(name="李明", address="青山县光明路8号", postal_code="311300")
QINGSHAN_CONSTRUCTION = LetterRecipient(
    name="青山建设工程有限公司", address="青山县工业园区3号", interest="商业秘密（投标报价明细）"
)
QINGSHAN_HOUSING = LetterRecipient(name="青山县住房和城乡建设局", address="青山县人民路9号")

FULL_CASE = LetterCase(
    number="青财依申复〔2026〕12号",
    issued_on=date(2026, 11, 22),
    query_code="QS2026-0012-7K4M",
    received_on=date(2026, 9, 28),
    channel=Channel.ONLINE,
    information="2025年青山县老旧小区改造项目资金拨付明细",
    correction_items=("请写明所需信息的年度", "请写明项目名称或者文号"),
    correction_due=date(2026, 10, 20),
    guidance="可以参考本机关政府信息公开目录中的项目名称",
    corrected_on=date(2026, 10, 15),
    extension_days=15,
    extension_reason="所需信息涉及多个年度的档案，需要调取和整理",
    reasons="该信息包含投标人的报价明细，属于商业秘密",
    withheld_content="投标人的报价明细",
    provided_content="项目资金拨付汇总表",
    provision_method="通过电子邮件发送至申请人预留的电子邮箱",
    access_method="青山县人民政府门户网站“政府信息公开”栏目",
    attachments=("项目资金拨付汇总表（2025年）",),
    legal_basis="《不动产登记暂行条例》",
    special_procedure="携带身份证明到青山县不动产登记中心查询",
    search_description="检索了本机关2025年的收文、发文和档案目录",
    responsible_agency="青山县住房和城乡建设局",
    responsible_agency_contact="0571-63719876",
    third_party_opinion="不同意公开，理由是报价明细属于商业秘密",
    petition_channel="青山县信访局（人民路5号）",
    previous_reply="青财依申复〔2026〕3号，2026年5月8日",
    publication="《青山年鉴（2025）》",
    reason_requested_on=date(2026, 10, 9),
    fee_method=FeeMethod.PER_ITEM,
    fee_quantity=35,
    payment_method="通过青山县非税收入缴款平台缴纳",
    previous_notice="青财依申补〔2026〕5号",
    served_title="政府信息公开申请答复书",
    served_number="青财依申复〔2026〕12号",
    service_method="邮寄",
)


def make_context(key: str, **changes) -> LetterContext:
    decision, _, variant = key.partition(":")
    case = FULL_CASE
    if key in DECISION_TEMPLATES:
        case = replace(case, decision=decision, variant=variant)
    recipient = QINGSHAN_HOUSING if key == "consultation_agency" else QINGSHAN_CONSTRUCTION
    return LetterContext(QINGSHAN_FINANCE, LI_MING, replace(case, **changes), recipient)


def letter_kind(key: str) -> str:
    return "decision" if key in DECISION_TEMPLATES else key


@cache
def render_cached(key: str, fmt: str) -> bytes:
    return render_letter(letter_kind(key), make_context(key), fmt)


def squeeze(text: str) -> str:
    """Text without line breaks and spaces: PDF lines wrap anywhere in Chinese."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def context_for():
    """The context that renders the letter of `key` (a letter kind or a decision template key,
    e.g. "granted:provided"), with `changes` to its case."""
    return make_context


@pytest.fixture
def render():
    """render(key, fmt, **changes) -> bytes; cached when nothing is changed."""

    def render(key: str, fmt: str, **changes) -> bytes:
        if not changes:
            return render_cached(key, fmt)
        return render_letter(letter_kind(key), make_context(key, **changes), fmt)

    return render


@pytest.fixture
def docx_paragraphs():
    def read(data: bytes) -> list[str]:
        return [paragraph.text for paragraph in Document(io.BytesIO(data)).paragraphs]

    return read


@pytest.fixture
def pdf_text():
    def read(data: bytes) -> str:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return squeeze("".join(page.extract_text() or "" for page in pdf.pages))

    return read
