"""The 补正告知书 (第三十条) and the 延期答复告知书 (第三十三条第二款)."""

from datetime import date

import pytest

from gongkai.letters import compose, render_letter
from gongkai.statute.clock import answer_deadline
from gongkai.statute.explain import chinese_date


def test_the_correction_lists_what_to_correct_once_and_in_order(render, docx_paragraphs):
    paragraphs = docx_paragraphs(render("correction", "docx"))
    first = paragraphs.index("1. 请写明所需信息的年度")
    assert paragraphs[first + 1] == "2. 请写明项目名称或者文号"
    assert "指导和释明：可以参考本机关政府信息公开目录中的项目名称" in paragraphs


def test_the_correction_gives_the_period_the_restart_and_the_abandonment(render, pdf_text):
    text = pdf_text(render("correction", "pdf"))
    assert "请你（单位）于2026年10月20日前向本机关青山县财政局办公室提交补正后的申请。" in text
    assert "答复期限自本机关收到补正的申请之日起重新计算。" in text
    assert (
        "你（单位）无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。" in text
    )


def test_guidance_is_left_out_when_there_is_none(context_for):
    assert (
        "指导和释明：" not in compose("correction", context_for("correction", guidance="")).text()
    )


def test_the_extension_gives_the_new_deadline_from_the_statutory_clock(context_for):
    text = compose("extension", context_for("extension", extension_days=15)).text()
    received = date(2026, 9, 28)
    statutory = answer_deadline(received).due
    extended = answer_deadline(received, extension_days=15).due
    assert f"本机关不能在{chinese_date(statutory)}前作出答复" in text
    assert f"答复期限延长15个工作日，本机关将于{chinese_date(extended)}前作出答复" in text
    assert extended == date(2026, 11, 20)


def test_the_extension_says_the_head_of_the_ogi_office_approved_it(render, docx_paragraphs):
    text = "".join(docx_paragraphs(render("extension", "docx")))
    assert "经本机关政府信息公开工作机构负责人同意" in text
    assert "因所需信息涉及多个年度的档案，需要调取和整理，本机关不能在" in text


def test_an_extension_beyond_twenty_working_days_is_refused(context_for):
    with pytest.raises(ValueError, match="延期不得超过20个工作日"):
        render_letter("extension", context_for("extension", extension_days=21))


def test_consultation_pauses_move_the_deadline(context_for):
    from gongkai.statute.clock import Pause

    pause = Pause(date(2026, 10, 12), date(2026, 10, 30), "征求第三方意见")
    text = compose("extension", context_for("extension", pauses=(pause,))).text()
    extended = answer_deadline(date(2026, 9, 28), (pause,), 15).due
    assert f"本机关将于{chinese_date(extended)}前作出答复" in text
    assert extended > answer_deadline(date(2026, 9, 28), extension_days=15).due
