"""The letters sent while an application is being handled (条例第三十条至第三十四条, 第四十二条)."""

from gongkai.letters.model import LetterTemplate, Para, Style
from gongkai.letters.paragraphs import CONTACT, NOTIFIED, OPENING

ACKNOWLEDGEMENT = LetterTemplate(
    kind="acknowledgement",
    title="政府信息公开申请受理回执",
    paragraphs=(
        Para("{you}提交的政府信息公开申请已收到，申请获取“{information}”。"),
        Para(
            "{you}的申请方式为{channel}。依照{receipt_quote}的规定，"
            "本机关收到申请之日为{received_on}。",
            when="receipt_quote",
        ),
        Para("本机关收到申请之日为{received_on}。", unless="receipt_quote"),
        Para("查询码：{query_code}。{you}可以凭查询码查询申请的办理进度。"),
        Para("依照{第三十三条第二款}的规定，本机关将于{statutory_due}前作出答复。"),
        Para("{provisional_note}", when="provisional_note"),
        Para(
            "依照{第三十三条第三款}的规定，征求第三方和其他机关意见所需时间不计算在答复期限内；"
            "需要延长答复期限的，本机关将另行告知。"
        ),
        NOTIFIED,
        CONTACT,
    ),
    articles=("第三十一条", "第三十三条第二款", "第三十三条第三款"),
    required=("number", "received_on", "information", "query_code", "statutory_due"),
)

CORRECTION = LetterTemplate(
    kind="correction",
    title="政府信息公开申请补正告知书",
    paragraphs=(
        OPENING,
        Para(
            "经审查，{you}的申请内容不明确，本机关无法确定{you}申请获取的政府信息。"
            "依照{第三十条}的规定，请{you}对下列事项作出补正："
        ),
        Para("{n}. {item}", each="correction_items"),
        Para("指导和释明：{guidance}", when="guidance"),
        Para(
            "请{you}于{correction_due}前向本机关{office_name}提交补正后的申请。"
            "答复期限自本机关收到补正的申请之日起重新计算。"
        ),
        Para("{you}无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"),
        NOTIFIED,
        CONTACT,
    ),
    articles=("第三十条",),
    required=("number", "received_on", "information", "correction_items", "correction_due"),
)

EXTENSION = LetterTemplate(
    kind="extension",
    title="政府信息公开申请延期答复告知书",
    paragraphs=(
        OPENING,
        Para(
            "因{extension_reason}，本机关不能在{statutory_due}前作出答复。依照{第三十三条第二款}的规定，"
            "经本机关政府信息公开工作机构负责人同意，答复期限延长{extension_days}个工作日，"
            "本机关将于{answer_due}前作出答复。"
        ),
        Para("{provisional_note}", when="provisional_note"),
        NOTIFIED,
        CONTACT,
    ),
    articles=("第三十三条第二款",),
    required=(
        "number",
        "received_on",
        "information",
        "extension_days",
        "extension_reason",
        "statutory_due",
        "answer_due",
    ),
)

# The third party learns what is asked, not who asks: the applicant's name stays with staff.
CONSULTATION_THIRD_PARTY = LetterTemplate(
    kind="consultation_third_party",
    title="政府信息公开征求第三方意见书",
    paragraphs=(
        Para(
            "本机关于{received_on}收到政府信息公开申请，申请获取“{information}”。"
            "该政府信息涉及{you}的{recipient_interest}，公开可能损害{you}的合法权益。"
            "依照{第三十二条}的规定，现书面征求{you}的意见。"
        ),
        Para(
            "请{you}自收到本征求意见书之日起{consultation_days}个工作日内，"
            "书面提出是否同意公开的意见；不同意公开的，请说明理由并提供相关材料。"
        ),
        Para("逾期未提出意见的，由本机关依照条例的规定决定是否公开。"),
        Para("意见请寄送或者送交本机关{office_name}。"),
        CONTACT,
    ),
    articles=("第三十二条",),
    required=("number", "recipient_name", "recipient_interest", "received_on", "information"),
    addressee="recipient_name",
)

CONSULTATION_AGENCY = LetterTemplate(
    kind="consultation_agency",
    title="政府信息公开征求意见函",
    paragraphs=(
        Para(
            "本机关于{received_on}收到政府信息公开申请，申请获取“{information}”。"
            "该政府信息由本机关牵头与贵单位共同制作。依照{第三十四条}的规定，现征求贵单位意见。"
        ),
        Para(
            "请贵单位自收到本函之日起{consultation_days}个工作日内提出是否同意公开的意见；"
            "不同意公开的，请说明理由和依据。逾期未提出意见的，视为同意公开。"
        ),
        Para("特此函商。"),
        CONTACT,
    ),
    articles=("第三十四条",),
    required=("number", "recipient_name", "received_on", "information"),
    addressee="recipient_name",
)

FEE_NOTICE = LetterTemplate(
    kind="fee_notice",
    title="政府信息公开信息处理费收费通知",
    paragraphs=(
        OPENING,
        Para("经审查，{fee_reason}。", when="fee_reason"),
        Para(
            "{you}申请公开政府信息的数量、频次明显超过合理范围。依照{第四十二条}的规定"
            "和{fee_document}，本机关对该申请收取信息处理费。"
        ),
        Para("收费标准（{fee_method}，超额累进计收）："),
        Para("{item}；", each="fee_standard", style=Style.PLAIN),
        Para("计费数量：{fee_quantity}。计算明细："),
        Para("{item}；", each="fee_lines", style=Style.PLAIN),
        Para("应缴纳信息处理费合计人民币{fee_amount}元（大写：{fee_amount_upper}）。"),
        Para(
            "请{you}自收到本通知之日的次日起{payment_days}个工作日内缴纳。"
            "缴费方式：{payment_method}。"
        ),
        Para(
            "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。"
            "自本通知发出之日至缴费之日的期间，不计算在答复期限内。"
        ),
        NOTIFIED,
        CONTACT,
    ),
    articles=("第四十二条",),
    required=(
        "number",
        "received_on",
        "information",
        "fee_method",
        "fee_quantity",
        "fee_amount",
        "payment_method",
    ),
)

PROCEDURE_TEMPLATES = {
    template.kind: template
    for template in (
        ACKNOWLEDGEMENT,
        CORRECTION,
        EXTENSION,
        CONSULTATION_THIRD_PARTY,
        CONSULTATION_AGENCY,
        FEE_NOTICE,
    )
}
