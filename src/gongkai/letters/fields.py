"""The named values a template may use, computed from a LetterContext.

Dates are written in Chinese, deadlines come from the statutory clock, fees from the fee
calculator: a letter never holds a figure typed by hand when the law computes it.
"""

from dataclasses import fields as dataclass_fields
from datetime import date

from gongkai.letters.context import LetterCase, LetterContext
from gongkai.statute.clock import (
    CONSULTATION_REPLY_DAYS,
    FEE_PAYMENT_DAYS,
    Deadline,
    answer_deadline,
)
from gongkai.statute.explain import chinese_date
from gongkai.statute.fees import (
    BASIS,
    PER_ITEM_STEP,
    PER_ITEM_STEP_RATE,
    PER_PAGE_BANDS,
    UNITS,
    Band,
    FeeMethod,
    per_item_bands,
    processing_fee,
)
from gongkai.statute.law import quotation
from gongkai.statute.receipt import RECEIPT_RULES

type Value = str | tuple[str, ...]

# Each field's name as staff and applicants know it: what a "missing field" error says.
FIELD_LABELS = {
    "agency_name": "行政机关名称",
    "office_name": "政府信息公开工作机构名称",
    "applicant_name": "申请人姓名或者名称",
    "recipient_name": "被征求意见方名称",
    "recipient_interest": "涉及的第三方权益",
    "number": "文号",
    "issued_on": "落款日期",
    "query_code": "查询码",
    "received_on": "收到申请之日",
    "channel": "申请方式",
    "receipt_rule": "收到申请之日的确定规则",
    "information": "申请公开的政府信息",
    "answer_due": "答复期限",
    "statutory_due": "法定答复期限",
    "extension_days": "延长答复期限的工作日数",
    "extension_reason": "延期答复的理由",
    "correction_items": "需要补正的事项",
    "correction_due": "补正期限",
    "guidance": "指导和释明",
    "corrected_on": "收到补正申请之日",
    "reasons": "理由",
    "withheld_content": "不予公开的内容",
    "provided_content": "提供的政府信息",
    "provision_method": "提供方式",
    "access_method": "获取方式、途径",
    "attachments": "附件",
    "legal_basis": "法律、行政法规依据",
    "special_procedure": "依照特别规定办理的途径",
    "search_description": "检索情况",
    "responsible_agency": "负责公开该政府信息的行政机关",
    "responsible_agency_contact": "负责公开该政府信息的行政机关的联系方式",
    "third_party_opinion": "第三方意见",
    "petition_channel": "信访、投诉、举报的渠道",
    "previous_reply": "此前作出的答复",
    "publication": "公开出版物名称",
    "reason_requested_on": "要求说明理由的日期",
    "fee_method": "信息处理费计收方式",
    "fee_quantity": "计费数量",
    "fee_reason": "收取信息处理费的理由",
    "fee_amount": "应缴纳的信息处理费（数量在免费范围内的，不收费）",
    "fee_lines": "信息处理费计算明细",
    "fee_standard": "信息处理费收费标准",
    "payment_method": "缴费方式",
    "review_body": "行政复议机关",
    "court": "人民法院",
    "contact_lines": "联系方式",
    "you": "对收件人的称呼（你、你单位）",
    "previous_notice": "此前发出的告知书的文号",
    "served_title": "送达文书的名称",
    "served_number": "送达文书的文号",
    "service_method": "送达方式",
    "applicant_address": "申请人的通信地址",
}

# How a letter addresses its reader (公文 usage): a natural person 你, an organisation 你单位;
# a reader of unknown kind 你（单位）.
PRONOUNS = {False: "你", True: "你单位", None: "你（单位）"}

FEE_METHOD_LABELS = {FeeMethod.PER_ITEM: "按件计收", FeeMethod.PER_PAGE: "按量计收"}
CONSTANTS = {
    "consultation_days": str(CONSULTATION_REPLY_DAYS),
    "payment_days": str(FEE_PAYMENT_DAYS),
    "fee_document": BASIS,
}


def letter_fields(context: LetterContext, addressee: str = "applicant_name") -> dict[str, Value]:
    """Every field the context can supply, written out; empty ones are left out. `you` is
    how the letter addresses its `addressee` (the applicant, or the recipient)."""
    case = context.case
    values: dict[str, Value] = {**CONSTANTS, **_parties(context), **_case_values(case)}
    values["you"] = _pronoun(context, addressee)
    values.update(_receipt(case))
    values.update(_clock(context))
    values.update(_fee(case))
    values = {
        key: value.strip() if isinstance(value, str) else value for key, value in values.items()
    }
    return {key: value for key, value in values.items() if value}


def _parties(context: LetterContext) -> dict[str, Value]:
    agency, applicant, recipient = context.agency, context.applicant, context.recipient
    return {
        "agency_name": agency.name,
        "office_name": agency.office_name,
        "review_body": agency.review_body,
        "court": agency.court,
        # 条例第五十一条; the periods are those of the 行政复议法 and the 行政诉讼法.
        "review_route": f"向{agency.review_body}申请行政复议"
        if agency.review_body
        else "依法申请行政复议",
        "litigation_route": f"向{agency.court}提起行政诉讼" if agency.court else "依法提起行政诉讼",
        "applicant_name": applicant.name,
        "applicant_address": " ".join(filter(None, (applicant.address, applicant.postal_code))),
        "recipient_name": recipient.name if recipient else "",
        "recipient_interest": recipient.interest if recipient else "",
        "contact_lines": contact_lines(context),
    }


def _pronoun(context: LetterContext, addressee: str) -> str:
    party = context.recipient if addressee == "recipient_name" else context.applicant
    return PRONOUNS[party.organisation if party else None]


def office_of(agency) -> str:
    """The OGI office under the agency's name (青山县财政局办公室), unless it has it already."""
    office = agency.office_name.strip()
    return office if office.startswith(agency.name) else f"{agency.name}{office}"


def contact_lines(context: LetterContext) -> tuple[str, ...]:
    agency = context.agency
    entries = (
        ("联系部门", office_of(agency)),
        ("通讯地址", agency.address),
        ("邮政编码", agency.postal_code),
        ("联系电话", agency.office_phone or agency.phone),
        ("传真", agency.fax),
        ("电子邮箱", agency.email),
        ("网站", agency.website),
    )
    return tuple(f"{label}：{value}" for label, value in entries if value)


def _case_values(case: LetterCase) -> dict[str, Value]:
    """Text as given, dates in Chinese, lists of text as lists; the rest is computed."""
    values: dict[str, Value] = {}
    for name in (field.name for field in dataclass_fields(case)):
        value = getattr(case, name)
        if isinstance(value, date):
            values[name] = chinese_date(value)
        elif isinstance(value, str):
            values[name] = str(value)
        elif isinstance(value, tuple) and all(isinstance(item, str) for item in value):
            values[name] = value
    values["extension_days"] = str(case.extension_days) if case.extension_days else ""
    return values


def _receipt(case: LetterCase) -> dict[str, Value]:
    if case.channel is None:
        return {}
    rule = RECEIPT_RULES[case.channel]
    return {
        "channel": rule.label,
        "receipt_rule": rule.rule,
        "receipt_quote": quotation(rule.basis) if rule.basis else "",
    }


def deadline(context: LetterContext) -> Deadline | None:
    """The answer deadline of the case (第三十三条), pauses and extension included."""
    case = context.case
    if case.received_on is None:
        return None
    return answer_deadline(
        case.received_on, case.pauses, case.extension_days, calendar=context.calendar
    )


def _clock(context: LetterContext) -> dict[str, Value]:
    computed = deadline(context)
    if computed is None:
        return {}
    note = "（该期限涉及尚未公布节假日安排的年份，系按周六、周日休息暂定，以国务院公布的安排为准）"
    return {
        "answer_due": chinese_date(computed.due),
        "statutory_due": chinese_date(computed.original_due),
        "provisional_note": note if computed.provisional else "",
    }


def _fee(case: LetterCase) -> dict[str, Value]:
    if case.fee_method is None or case.fee_quantity is None:
        return {"fee_method": FEE_METHOD_LABELS.get(case.fee_method, "")}
    fee = processing_fee(case.fee_method, case.fee_quantity)
    explained = fee.explain()
    return {
        "fee_method": FEE_METHOD_LABELS[case.fee_method],
        "fee_quantity": f"{fee.quantity}{UNITS[fee.method]}",
        "fee_basis": explained[0],
        "fee_lines": tuple(explained[1:-1]),
        "fee_amount": str(fee.amount) if fee.amount else "",  # nothing to pay: no notice
        "fee_amount_upper": yuan_in_words(fee.amount),
        "fee_standard": fee_standard(case.fee_method, case.fee_quantity),
    }


def fee_standard(method: FeeMethod, quantity: int) -> tuple[str, ...]:
    """The bands of the chosen method, written from the calculator's own data."""
    unit = UNITS[method]
    scope = "一个自然月内累计申请" if method is FeeMethod.PER_ITEM else "同一申请"
    bands = per_item_bands(quantity) if method is FeeMethod.PER_ITEM else PER_PAGE_BANDS
    lines = [f"{scope}{_band_text(band, unit)}" for band in bands]
    if method is FeeMethod.PER_ITEM:
        lines.append(
            f"此后以{PER_ITEM_STEP}{unit}为一档，每增加一档，收费标准提高{PER_ITEM_STEP_RATE}元/{unit}"
        )
    return tuple(lines)


def _band_text(band: Band, unit: str) -> str:
    extent = (
        f"第{band.first}{unit}至第{band.last}{unit}" if band.last else f"第{band.first}{unit}以上"
    )
    return f"{extent}的部分：{f'{band.rate}元/{unit}' if band.rate else '不收费'}"


DIGITS_UPPER = "零壹贰叁肆伍陆柒捌玖"
PLACES_UPPER = ("", "拾", "佰", "仟")
GROUPS_UPPER = ("", "万", "亿")


def yuan_in_words(amount: int) -> str:
    """Whole yuan in financial capitals (人民币大写), as receipts write them: 贰仟伍佰元整."""
    if amount == 0:
        return "零元整"
    groups, words = [], ""
    while amount:
        amount, group = divmod(amount, 10000)
        groups.append(group)
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group:
            if words and group < 1000:
                words += "零"
            words += _group_in_words(group) + GROUPS_UPPER[index]
    return f"{words.rstrip('零')}元整"


def _group_in_words(group: int) -> str:
    words = ""
    for place in range(3, -1, -1):
        digit = group // 10**place % 10
        if digit:
            words += DIGITS_UPPER[digit] + PLACES_UPPER[place]
        elif words and not words.endswith("零") and group % 10**place:
            words += "零"
    return words
