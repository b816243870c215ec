"""Letters that end a case without a decision, and the 送达回证 that goes with a letter served.

A case the applicant did not correct in time (条例第三十条) or whose fee was not paid in time
(《政府信息公开信息处理费管理办法》) is treated as abandoned; a case the applicant withdrew is
no longer handled. Each is told to the applicant in a notice, as data like the others.
"""

from gongkai.letters.model import LetterTemplate, Para, Style
from gongkai.letters.paragraphs import CONTACT, NOTIFIED, OPENING

APPLY_AGAIN = Para("{you}仍需要获取该政府信息的，可以重新提出政府信息公开申请。")
NOT_HANDLED = "本机关不再处理该政府信息公开申请。"
ABANDONED_TITLE = "政府信息公开申请视为放弃告知书"

ABANDONED_CORRECTION = LetterTemplate(
    kind="abandoned_correction",
    title=ABANDONED_TITLE,
    paragraphs=(
        OPENING,
        Para(
            "本机关已依照{第三十条}的规定，以《政府信息公开申请补正告知书》（{previous_notice}）"
            "一次性告知{you}作出补正，补正期限至{correction_due}。",
            when="previous_notice",
        ),
        Para(
            "本机关已依照{第三十条}的规定一次性告知{you}作出补正，补正期限至{correction_due}。",
            unless="previous_notice",
        ),
        Para(f"{{you}}无正当理由逾期未补正，视为放弃申请，{NOT_HANDLED}"),
        APPLY_AGAIN,
        NOTIFIED,
        CONTACT,
    ),
    articles=("第三十条",),
    required=("number", "received_on", "information", "correction_due"),
)

ABANDONED_FEE = LetterTemplate(
    kind="abandoned_fee",
    title=ABANDONED_TITLE,
    paragraphs=(
        OPENING,
        Para(
            "本机关已以《政府信息公开信息处理费收费通知》（{previous_notice}）告知{you}"
            "自收到通知之日的次日起{payment_days}个工作日内缴纳信息处理费。",
            when="previous_notice",
        ),
        Para(
            "本机关已告知{you}自收到收费通知之日的次日起{payment_days}个工作日内缴纳信息处理费。",
            unless="previous_notice",
        ),
        Para(f"{{you}}逾期未缴纳。依照{{fee_document}}的规定，视为放弃申请，{NOT_HANDLED}"),
        APPLY_AGAIN,
        NOTIFIED,
        CONTACT,
    ),
    articles=(),
    required=("number", "received_on", "information"),
)

WITHDRAWN = LetterTemplate(
    kind="withdrawn",
    title="政府信息公开申请终止办理告知书",
    paragraphs=(
        OPENING,
        Para(f"{{you}}已撤回该申请，本机关终止办理。{NOT_HANDLED}"),
        APPLY_AGAIN,
        NOTIFIED,
        CONTACT,
    ),
    articles=(),
    required=("number", "received_on", "information"),
)

CLOSING_TEMPLATES = {
    template.kind: template for template in (ABANDONED_CORRECTION, ABANDONED_FEE, WITHDRAWN)
}

# 送达回证: the form the person served signs and returns, the agency's proof that a letter
# reached the applicant. It has no number and no salutation: it is a record, not a letter.
SIGN_HERE = "\u3000" * 8
DATE_BLANK = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
SERVICE_PROOF = LetterTemplate(
    kind="service_proof",
    title="送达回证",
    paragraphs=tuple(
        Para(text, when=when, style=Style.PLAIN)
        for text, when in (
            ("送达机关：{agency_name}", ""),
            ("送达文书：《{served_title}》（{served_number}）", ""),
            ("受送达人：{applicant_name}", ""),
            ("送达地址：{applicant_address}", "applicant_address"),
            ("送达方式：{service_method}", ""),
            (f"送达人（签名）：{SIGN_HERE}送达日期：{DATE_BLANK}", ""),
            (f"受送达人（签名或者盖章）：{SIGN_HERE}签收日期：{DATE_BLANK}", ""),
            ("备注：", ""),
        )
    ),
    articles=(),
    required=("applicant_name", "served_title", "served_number", "service_method"),
    addressee="",
)
