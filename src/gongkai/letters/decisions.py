"""The 答复书 of every decision type: one per row of section 三 of the annual report.

Keys are the report's row keys (s3.<key>.<column>, spec/cells.csv); 予以公开 and 本机关不掌握
have two variants each, because the 条例 answers them under two different items of 第三十六条.
"""

from gongkai.letters.model import LetterTemplate, Para
from gongkai.letters.paragraphs import ANSWER_FOLLOWS, DECISION_CLOSING

TITLE = "政府信息公开申请答复书"
DECISION_KEYS = (
    "granted",
    "partial",
    "withheld.state_secret",
    "withheld.law_forbidden",
    "withheld.security_stability",
    "withheld.third_party",
    "withheld.internal_affairs",
    "withheld.process_info",
    "withheld.enforcement_file",
    "withheld.query_matter",
    "unable.not_held",
    "unable.needs_creation",
    "unable.still_unclear",
    "declined.petition",
    "declined.duplicate",
    "declined.publication",
    "declined.excessive",
    "declined.confirm_existing",
)
DECISION_VARIANTS = {
    "granted": ("already_public", "provided"),  # 第三十六条第（一）项 / 第（二）项
    "unable.not_held": ("not_exist", "not_ours"),  # 第三十六条第（四）项 / 第（五）项
}
WITHHELD = Para("依照{第三十六条第（三）项}的规定，本机关决定不予公开，并说明理由如上。")
MORE = Para("具体说明：{reasons}。", when="reasons")


def decision(key: str, paragraphs, articles, required=(), variant: str = "") -> LetterTemplate:
    """A 答复书: the common opening, the decision, then remedies and contact details."""
    return LetterTemplate(
        kind="decision",
        title=TITLE,
        paragraphs=(ANSWER_FOLLOWS, *paragraphs, *DECISION_CLOSING),
        articles=(*articles, "第五十一条"),
        required=("number", "received_on", "information", *required),
        decision=key,
        variant=variant,
    )


GRANTED = (
    decision(
        "granted",
        (
            Para(
                "{you}申请获取的政府信息已经主动公开。依照{第三十六条第（一）项}的规定，"
                "现告知{you}获取该政府信息的方式、途径：{access_method}。"
            ),
        ),
        ("第三十六条第（一）项",),
        ("access_method",),
        variant="already_public",
    ),
    decision(
        "granted",
        (
            Para(
                "{you}申请获取的政府信息属于可以公开的政府信息。"
                "依照{第三十六条第（二）项}的规定，本机关向{you}提供该政府信息。"
            ),
            Para("提供的政府信息：{provided_content}。", when="provided_content"),
            Para("提供方式：{provision_method}。"),
            Para("获取的方式、途径和时间：{access_method}。", when="access_method"),
        ),
        ("第三十六条第（二）项",),
        ("provision_method",),
        variant="provided",
    ),
)

PARTIAL = decision(
    "partial",
    (
        Para(
            "{you}申请获取的信息中含有不应当公开的内容，但是能够作区分处理。"
            "依照{第三十七条}的规定，本机关向{you}提供可以公开的政府信息内容，"
            "并对不予公开的内容说明理由。"
        ),
        Para("一、提供的政府信息：{provided_content}。提供方式：{provision_method}。"),
        Para("二、不予公开的内容：{withheld_content}。理由：{reasons}。"),
    ),
    ("第三十七条",),
    ("provided_content", "provision_method", "withheld_content", "reasons"),
)

WITHHELD_TEMPLATES = (
    decision(
        "withheld.state_secret",
        (
            Para(
                "经审查，{you}申请获取的政府信息已依法确定为国家秘密。"
                "依照{第十四条}的规定，该政府信息不予公开。"
            ),
            MORE,
            WITHHELD,
        ),
        ("第十四条", "第三十六条第（三）项"),
    ),
    decision(
        "withheld.law_forbidden",
        (
            Para(
                "经审查，{legal_basis}禁止公开{you}申请获取的政府信息。"
                "依照{第十四条}的规定，该政府信息不予公开。"
            ),
            MORE,
            WITHHELD,
        ),
        ("第十四条", "第三十六条第（三）项"),
        ("legal_basis",),
    ),
    decision(
        "withheld.security_stability",
        (
            Para(
                "经审查，{you}申请获取的政府信息公开后可能危及国家安全、公共安全、"
                "经济安全、社会稳定：{reasons}。依照{第十四条}的规定，该政府信息不予公开。"
            ),
            WITHHELD,
        ),
        ("第十四条", "第三十六条第（三）项"),
        ("reasons",),
    ),
    decision(
        "withheld.third_party",
        (
            Para(
                "经审查，{you}申请获取的政府信息涉及商业秘密、个人隐私等，"
                "公开会对第三方合法权益造成损害：{reasons}。"
            ),
            Para(
                "本机关依照{第三十二条}的规定书面征求了第三方的意见，第三方的意见为："
                "{third_party_opinion}。",
                when="third_party_opinion",
            ),
            Para("依照{第十五条}的规定，该政府信息不予公开。"),
            WITHHELD,
        ),
        ("第十五条", "第三十二条", "第三十六条第（三）项"),
        ("reasons",),
    ),
    decision(
        "withheld.internal_affairs",
        (
            Para(
                "经审查，{you}申请获取的政府信息属于本机关的内部事务信息：{reasons}。"
                "依照{第十六条第一款}的规定，该政府信息不予公开。"
            ),
            WITHHELD,
        ),
        ("第十六条第一款", "第三十六条第（三）项"),
        ("reasons",),
    ),
    decision(
        "withheld.process_info",
        (
            Para(
                "经审查，{you}申请获取的政府信息属于本机关在履行行政管理职能过程中形成的"
                "过程性信息：{reasons}。依照{第十六条第二款}的规定，该政府信息不予公开。"
            ),
            WITHHELD,
        ),
        ("第十六条第二款", "第三十六条第（三）项"),
        ("reasons",),
    ),
    decision(
        "withheld.enforcement_file",
        (
            Para(
                "经审查，{you}申请获取的政府信息属于行政执法案卷信息：{reasons}。"
                "依照{第十六条第二款}的规定，该政府信息不予公开。"
            ),
            WITHHELD,
        ),
        ("第十六条第二款", "第三十六条第（三）项"),
        ("reasons",),
    ),
    decision(
        "withheld.query_matter",
        (
            Para(
                "经审查，{you}申请获取的信息属于工商、不动产登记资料等信息，"
                "{legal_basis}对该信息的获取有特别规定。依照{第三十六条第（七）项}的规定，"
                "请{you}依照{legal_basis}的规定办理。"
            ),
            Para("办理途径：{special_procedure}。", when="special_procedure"),
        ),
        ("第三十六条第（七）项",),
        ("legal_basis",),
    ),
)

UNABLE_TEMPLATES = (
    decision(
        "unable.not_held",
        (
            Para("本机关的检索情况：{search_description}。", when="search_description"),
            Para(
                "经检索，本机关没有{you}申请获取的政府信息。依照{第三十六条第（四）项}的规定，"
                "现告知{you}：该政府信息不存在。"
            ),
        ),
        ("第三十六条第（四）项",),
        variant="not_exist",
    ),
    decision(
        "unable.not_held",
        (
            Para(
                "经审查，{you}申请获取的政府信息不属于本机关负责公开，理由是：{reasons}。"
                "依照{第三十六条第（五）项}的规定，特此告知。"
            ),
            Para(
                "负责公开该政府信息的行政机关为{responsible_agency}，{you}可以向其提出申请。",
                when="responsible_agency",
            ),
            Para(
                "该机关的联系方式：{responsible_agency_contact}。",
                when="responsible_agency_contact",
            ),
        ),
        ("第三十六条第（五）项",),
        ("reasons",),
        variant="not_ours",
    ),
    decision(
        "unable.needs_creation",
        (
            Para(
                "经审查，本机关没有{you}申请获取的现成信息，需要对现有政府信息进行加工、分析"
                "才能形成。依照{第三十八条}的规定，本机关不予提供。"
            ),
            MORE,
        ),
        ("第三十八条",),
    ),
    decision(
        "unable.still_unclear",
        (
            Para(
                "本机关已依照{第三十条}的规定一次性告知{you}作出补正。"
                "本机关于{corrected_on}收到{you}补正后的申请。",
                when="corrected_on",
            ),
            Para(
                "本机关已依照{第三十条}的规定一次性告知{you}作出补正。",
                unless="corrected_on",
            ),
            Para(
                "经审查，补正后的申请内容仍不明确，本机关无法确定{you}申请获取的政府信息，"
                "无法提供。"
            ),
            MORE,
        ),
        ("第三十条",),
    ),
)

DECLINED_TEMPLATES = (
    decision(
        "declined.petition",
        (
            Para(
                "经审查，{you}是以政府信息公开申请的形式进行信访、投诉、举报等活动。"
                "依照{第三十九条第一款}的规定，本机关不作为政府信息公开申请处理。"
            ),
            Para("{you}可以通过{petition_channel}提出。", when="petition_channel"),
        ),
        ("第三十九条第一款",),
    ),
    decision(
        "declined.duplicate",
        (
            Para(
                "本机关已就{you}提出的政府信息公开申请作出答复（{previous_reply}），"
                "{you}重复申请公开相同政府信息。依照{第三十六条第（六）项}的规定，"
                "本机关不予重复处理。"
            ),
        ),
        ("第三十六条第（六）项",),
        ("previous_reply",),
    ),
    decision(
        "declined.publication",
        (
            Para(
                "经审查，{you}要求本机关提供的{publication}属于公开出版物。"
                "依照{第三十九条第二款}的规定，现告知{you}获取的途径：{access_method}。"
                "本机关对该申请不予处理。"
            ),
        ),
        ("第三十九条第二款",),
        ("publication", "access_method"),
    ),
    decision(
        "declined.excessive",
        (
            Para(
                "本机关已于{reason_requested_on}要求{you}说明理由。",
                when="reason_requested_on",
            ),
            Para(
                "经审查，{you}申请公开政府信息的数量、频次明显超过合理范围，且申请理由不合理："
                "{reasons}。依照{第三十五条}的规定，本机关不予处理。"
            ),
        ),
        ("第三十五条",),
        ("reasons",),
    ),
    # No article names this row; 第二条 defines what an application may obtain, and
    # confirming or re-issuing what the applicant already holds is not obtaining it.
    decision(
        "declined.confirm_existing",
        (
            Para(
                "经审查，{you}要求本机关对{you}已获取的信息予以确认或者重新出具。"
                "依照{第二条}的规定，确认或者重新出具信息不属于获取政府信息，本机关不予处理。"
            ),
            MORE,
        ),
        ("第二条",),
    ),
)

DECISION_TEMPLATES = {
    template.key: template
    for template in (*GRANTED, PARTIAL, *WITHHELD_TEMPLATES, *UNABLE_TEMPLATES, *DECLINED_TEMPLATES)
}
