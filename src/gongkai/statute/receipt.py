"""What counts as the receipt date (收到申请之日) for each channel — 条例第三十一条."""

from dataclasses import dataclass
from enum import StrEnum


class Channel(StrEnum):
    IN_PERSON = "in_person"
    POST = "post"
    LETTER = "letter"
    ONLINE = "online"
    FAX = "fax"
    OTHER = "other"


@dataclass(frozen=True)
class ReceiptRule:
    label: str  # the channel as staff and applicants name it
    rule: str  # which day is the receipt date
    basis: str


RECEIPT_RULES = {
    Channel.IN_PERSON: ReceiptRule("当面提交", "以提交之日为收到申请之日", "第三十一条第（一）项"),
    Channel.POST: ReceiptRule("邮寄", "以行政机关签收之日为收到申请之日", "第三十一条第（二）项"),
    Channel.LETTER: ReceiptRule(
        "平常信函等无需签收的邮件",
        "以政府信息公开工作机构与申请人确认之日为收到申请之日",
        "第三十一条第（二）项",
    ),
    Channel.ONLINE: ReceiptRule(
        "互联网渠道", "以双方确认之日为收到申请之日", "第三十一条第（三）项"
    ),
    Channel.FAX: ReceiptRule("传真", "以双方确认之日为收到申请之日", "第三十一条第（三）项"),
    Channel.OTHER: ReceiptRule("其他方式", "以政府信息公开工作机构确认收到之日为收到申请之日", ""),
}


def receipt_line(channel: Channel) -> str:
    rule = RECEIPT_RULES[channel]
    basis = f"（条例{rule.basis}）" if rule.basis else ""
    return f"申请方式：{rule.label}，{rule.rule}{basis}。"
