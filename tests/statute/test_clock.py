"""Deadlines against dates counted by hand on the official 2025–2026 schedules."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.statute.calendar import YearSchedule, official_calendar
from gongkai.statute.clock import (
    REGIMES,
    Pause,
    answer_deadline,
    consultation_reply_due,
    correction_notice_due,
    fee_payment_due,
)
from gongkai.statute.explain import explain


def test_the_count_starts_the_day_after_receipt():
    # Mon 2026-11-02 → 20 working days = Mon 2026-11-30 (no holidays in November).
    assert answer_deadline(date(2026, 11, 2)).due == date(2026, 11, 30)


def test_spring_festival_is_skipped_and_makeup_saturdays_count():
    # 2026 春节: 2/15–2/23 off; Sat 2/14 and Sat 2/28 are workdays. From Mon 2/9:
    # 2/10–2/14 (5), 2/24–2/28 (10), 3/2–3/6 (15), 3/9–3/13 (20).
    deadline = answer_deadline(date(2026, 2, 9))
    assert deadline.due == date(2026, 3, 13) and not deadline.provisional


def test_national_day_with_a_third_party_pause_and_an_extension():
    # From Mon 9/28: 9/29–9/30 (2), 10/1–10/7 off, 10/8–10/10 (5, Sat 10/10 调休),
    # paused 10/12–10/30, 11/2–11/20 (20) = original due; +20: 11/23–12/18.
    pause = Pause(date(2026, 10, 12), date(2026, 10, 30), "征求第三方意见")
    deadline = answer_deadline(date(2026, 9, 28), [pause], extension_days=20)
    assert deadline.original_due == date(2026, 11, 20)
    assert deadline.due == date(2026, 12, 18)


def test_across_new_year_with_the_next_years_schedule():
    # From Mon 2025-12-15: 12/16–12/31 (12), 2026-1/1–1/3 off, Sun 1/4 调休 (13),
    # 1/5–1/9 (18), 1/12–1/13 (20).
    deadline = answer_deadline(date(2025, 12, 15))
    assert deadline.due == date(2026, 1, 13) and not deadline.provisional


def test_across_new_year_without_the_next_years_schedule_is_provisional():
    # From Thu 2026-12-10, weekends only in 2027: 12/11 (1) … 12/31 (15), Fri 1/1 (16),
    # 1/4–1/7 (20).
    deadline = answer_deadline(date(2026, 12, 10))
    assert (deadline.due, deadline.provisional) == (date(2027, 1, 7), True)


def test_the_deadline_moves_when_the_new_years_schedule_arrives():
    schedule = YearSchedule(2027, {date(2027, 1, 1): "元旦"})
    calendar = official_calendar().with_schedule(schedule)
    deadline = answer_deadline(date(2026, 12, 10), calendar=calendar)
    assert (deadline.due, deadline.provisional) == (date(2027, 1, 8), False)


def test_a_correction_restarts_the_clock_from_the_corrected_application():
    # Received Mon 3/2: the 补正告知 is due within 7 working days, by Wed 3/11.
    assert correction_notice_due(date(2026, 3, 2)) == date(2026, 3, 11)
    # Corrected application received Fri 3/20: 3/23–4/3 (10), 清明 Mon 4/6 off,
    # 4/7–4/10 (14), 4/13–4/17 (19), Mon 4/20 (20).
    assert answer_deadline(date(2026, 3, 20)).due == date(2026, 4, 20)


def test_consultation_and_fee_windows_are_fifteen_and_twenty_working_days():
    assert consultation_reply_due(date(2026, 11, 2)) == date(2026, 11, 23)
    assert fee_payment_due(date(2026, 11, 2)) == date(2026, 11, 30)


def test_the_2008_regime_is_fifteen_plus_fifteen():
    deadline = answer_deadline(date(2016, 11, 1), regime=REGIMES["2008"], extension_days=15)
    # From Tue 2016-11-01: 11/2–11/22 = 15; +15: 11/23–12/13.
    assert (deadline.original_due, deadline.due) == (date(2016, 11, 22), date(2016, 12, 13))


@pytest.mark.parametrize("days", [-1, 21])
def test_an_extension_beyond_the_statute_is_refused(days):
    with pytest.raises(ValueError, match="延期不得超过20个工作日"):
        answer_deadline(date(2026, 11, 2), extension_days=days)


def test_a_pause_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="早于"):
        Pause(date(2026, 11, 10), date(2026, 11, 1))


def test_the_explanation_names_holidays_makeup_days_pauses_and_the_extension():
    pause = Pause(date(2026, 10, 12), date(2026, 10, 30), "征求第三方意见")
    text = "\n".join(explain(answer_deadline(date(2026, 9, 28), [pause], extension_days=20)))
    assert "2026年10月1日至10月7日：国庆节假期，不计" in text
    assert "其中10月10日为调休上班日" in text
    assert "2026年10月12日至10月30日：征求第三方意见，不计" in text
    assert "原答复期限2026年11月20日，延长至2026年12月18日" in text
    assert text.endswith("答复期限：2026年12月18日（星期五）。")


def test_a_provisional_explanation_says_so():
    assert "（暂定）" in explain(answer_deadline(date(2026, 12, 10)))[-1]


days = st.dates(min_value=date(2004, 1, 1), max_value=date(2027, 6, 30))


@st.composite
def pauses(draw):
    first = draw(days)
    return Pause(first, first + timedelta(days=draw(st.integers(0, 40))))


@settings(max_examples=300, deadline=None)
@given(received=days, extension=st.integers(0, 20), pause_list=st.lists(pauses(), max_size=3))
def test_a_deadline_is_never_a_non_working_day(received, extension, pause_list):
    deadline = answer_deadline(received, pause_list, extension)
    assert official_calendar().is_working_day(deadline.due)
    assert not any(pause.covers(deadline.due) for pause in pause_list)


@settings(max_examples=300, deadline=None)
@given(received=days, extension=st.integers(0, 20), pause=pauses())
def test_adding_a_pause_never_makes_a_deadline_earlier(received, extension, pause):
    without = answer_deadline(received, [], extension)
    with_pause = answer_deadline(received, [pause], extension)
    assert with_pause.due >= without.due


def test_the_regime_follows_the_receipt_date():
    from gongkai.statute.clock import regime_for

    assert regime_for(date(2019, 5, 14)).answer_days == 15
    assert regime_for(date(2019, 5, 15)).answer_days == 20
