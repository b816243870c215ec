"""The 受理回执: receipt date by 第三十一条, the query code, and the deadline of 第三十三条."""

from datetime import date

import pytest

from gongkai.letters import compose, render_letter
from gongkai.statute.calendar import WorkingCalendar
from gongkai.statute.clock import answer_deadline
from gongkai.statute.explain import chinese_date
from gongkai.statute.receipt import Channel


def test_the_deadline_is_twenty_working_days_on_the_official_calendar(
    context_for, render, pdf_text
):
    due = answer_deadline(date(2026, 9, 28)).due
    sentence = f"本机关将于{chinese_date(due)}前作出答复"
    assert due == date(2026, 10, 30)  # 国庆 2026 not counted; 10月10日 (调休) counted
    assert sentence in "".join(compose("acknowledgement", context_for("acknowledgement")).text())
    assert sentence in pdf_text(render("acknowledgement", "pdf"))


def test_the_acknowledgement_shows_the_statutory_deadline_not_a_later_extension(context_for):
    letter = compose("acknowledgement", context_for("acknowledgement", extension_days=20))
    assert "本机关将于2026年10月30日前作出答复" in letter.text()


def test_a_deadline_in_a_year_without_a_schedule_is_marked_provisional(context_for):
    context = context_for("acknowledgement", received_on=date(2027, 3, 1))
    text = compose("acknowledgement", context).text()
    assert f"本机关将于{chinese_date(answer_deadline(date(2027, 3, 1)).due)}前" in text
    assert "系按周六、周日休息暂定" in text


def test_the_caller_may_supply_its_own_calendar(context_for):
    weekdays_only = WorkingCalendar([])
    context = context_for("acknowledgement")
    context = type(context)(context.agency, context.applicant, context.case, calendar=weekdays_only)
    assert "本机关将于2026年10月26日前作出答复" in compose("acknowledgement", context).text()


@pytest.mark.parametrize(
    ("channel", "item"),
    [
        (
            Channel.IN_PERSON,
            "第三十一条第（一）项“申请人当面提交政府信息公开申请的，以提交之日为收到申请之日”",
        ),
        (Channel.POST, "第三十一条第（二）项“申请人以邮寄方式提交政府信息公开申请的"),
        (Channel.FAX, "第三十一条第（三）项“申请人通过互联网渠道或者政府信息公开工作机构的传真"),
    ],
)
def test_the_receipt_date_rests_on_the_item_of_article_31_for_the_channel(
    channel, item, context_for
):
    text = compose("acknowledgement", context_for("acknowledgement", channel=channel)).text()
    assert item in text
    assert "本机关收到申请之日为2026年9月28日" in text


def test_without_a_known_channel_the_receipt_date_is_stated_plainly(context_for):
    text = compose("acknowledgement", context_for("acknowledgement", channel=Channel.OTHER)).text()
    assert "第三十一条" not in text
    assert "本机关收到申请之日为2026年9月28日。" in text


def test_the_query_code_is_given_to_the_applicant(render, docx_paragraphs):
    paragraphs = docx_paragraphs(render("acknowledgement", "docx"))
    assert "查询码：QS2026-0012-7K4M。你（单位）可以凭查询码查询申请的办理进度。" in paragraphs


def test_the_acknowledgement_says_consultation_time_is_not_counted(context_for):
    text = render_letter("acknowledgement", context_for("acknowledgement"), "html").decode()
    assert (
        "第三十三条第三款“行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内”" in text
    )
