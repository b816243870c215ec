"""What each kind of 答复书 tells the applicant, beyond the shared opening and remedies."""

from dataclasses import replace

import pytest

from gongkai.letters import LetterAgency, compose


def letter_text(context_for, key: str, **changes) -> str:
    return compose("decision", context_for(key, **changes)).text()


def test_already_public_tells_where_to_find_it(context_for):
    text = letter_text(context_for, "granted:already_public")
    assert "获取该政府信息的方式、途径：青山县人民政府门户网站“政府信息公开”栏目。" in text


def test_provided_says_what_and_how_and_lists_the_attachments(render, docx_paragraphs):
    paragraphs = docx_paragraphs(render("granted:provided", "docx"))
    assert "提供的政府信息：项目资金拨付汇总表。" in paragraphs
    assert "提供方式：通过电子邮件发送至申请人预留的电子邮箱。" in paragraphs
    assert "附件1：项目资金拨付汇总表（2025年）" in paragraphs


def test_partial_disclosure_separates_what_is_given_from_what_is_withheld(context_for):
    text = letter_text(context_for, "partial")
    assert "一、提供的政府信息：项目资金拨付汇总表。" in text
    assert (
        "二、不予公开的内容：投标人的报价明细。理由：该信息包含投标人的报价明细，属于商业秘密。"
        in text
    )


def test_law_forbidden_names_the_forbidding_law(context_for):
    text = letter_text(
        context_for, "withheld.law_forbidden", legal_basis="《中华人民共和国统计法》"
    )
    assert "经审查，《中华人民共和国统计法》禁止公开你（单位）申请获取的政府信息。" in text


@pytest.mark.parametrize(
    "key",
    [
        "withheld.state_secret",
        "withheld.law_forbidden",
        "withheld.security_stability",
        "withheld.third_party",
        "withheld.internal_affairs",
        "withheld.process_info",
        "withheld.enforcement_file",
    ],
)
def test_every_refusal_says_it_is_not_disclosed_and_why(key, context_for):
    text = letter_text(context_for, key)
    assert (
        "第三十六条第（三）项“行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由”"
        in text
    )
    assert "该政府信息不予公开。" in text


def test_the_third_party_opinion_is_reported_only_when_one_was_sought(context_for):
    consulted = letter_text(context_for, "withheld.third_party")
    not_consulted = letter_text(context_for, "withheld.third_party", third_party_opinion="")
    assert "第三方的意见为：不同意公开，理由是报价明细属于商业秘密。" in consulted
    assert "第三十二条" not in not_consulted
    assert (
        "第十五条“涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息" in not_consulted
    )


def test_a_query_matter_points_to_the_special_procedure(context_for):
    text = letter_text(context_for, "withheld.query_matter")
    assert "请你（单位）依照《不动产登记暂行条例》的规定办理。" in text
    assert "办理途径：携带身份证明到青山县不动产登记中心查询。" in text


def test_information_that_does_not_exist_is_said_not_to_exist(context_for):
    text = letter_text(context_for, "unable.not_held:not_exist")
    assert "现告知你（单位）：该政府信息不存在。" in text
    assert "本机关的检索情况：检索了本机关2025年的收文、发文和档案目录。" in text


def test_another_agencys_information_names_that_agency_when_known(context_for):
    known = letter_text(context_for, "unable.not_held:not_ours")
    unknown = letter_text(
        context_for,
        "unable.not_held:not_ours",
        responsible_agency="",
        responsible_agency_contact="",
    )
    assert (
        "负责公开该政府信息的行政机关为青山县住房和城乡建设局，你（单位）可以向其提出申请。"
        in known
    )
    assert "该机关的联系方式：0571-63719876。" in known
    assert "负责公开该政府信息的行政机关为" not in unknown
    assert "不属于本机关负责公开，理由是：" in unknown


def test_information_that_needs_creating_is_not_provided(context_for):
    text = letter_text(context_for, "unable.needs_creation")
    assert "需要对现有政府信息进行加工、分析才能形成。" in text
    assert "第三十八条“行政机关向申请人提供的信息，应当是已制作或者获取的政府信息" in text


def test_still_unclear_after_correction_gives_the_date_the_correction_arrived(context_for):
    dated = letter_text(context_for, "unable.still_unclear")
    undated = letter_text(context_for, "unable.still_unclear", corrected_on=None)
    assert "本机关于2026年10月15日收到你（单位）补正后的申请。" in dated
    assert "补正后的申请" in undated and "2026年10月15日" not in undated
    assert "补正后的申请内容仍不明确" in undated


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("declined.petition", "你（单位）可以通过青山县信访局（人民路5号）提出。"),
        ("declined.duplicate", "作出答复（青财依申复〔2026〕3号，2026年5月8日）"),
        ("declined.publication", "你（单位）要求本机关提供的《青山年鉴（2025）》属于公开出版物。"),
        ("declined.excessive", "本机关已于2026年10月9日要求你（单位）说明理由。"),
        ("declined.confirm_existing", "确认或者重新出具信息不属于获取政府信息，本机关不予处理。"),
    ],
)
def test_each_declined_letter_says_why_it_is_not_handled(key, expected, context_for):
    assert expected in letter_text(context_for, key)


def test_remedies_stay_general_when_the_bodies_are_not_known(context_for):
    context = replace(context_for("partial"), agency=LetterAgency(name="青山县财政局"))
    text = compose("decision", context).text()
    assert "可以自收到本答复书之日起60日内依法申请行政复议" in text
    assert "或者自收到本答复书之日起6个月内依法提起行政诉讼" in text
