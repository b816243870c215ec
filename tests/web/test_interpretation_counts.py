"""The year's 回应解读 figures, counted from the records, against a year counted by hand; the
section 一 sentence that states them; and the rows of the pre-2019 统计表 they fill."""

from datetime import date

import pytest
from tests.web.interpretations_world import policy_document

from gongkai.report.formats import GENERATIONS
from gongkai.web.annualreports.narrative import gather_facts, suggested_sections
from gongkai.web.interpretations.counting import (
    GENERATION_A_CELLS,
    YearCounts,
    generation_a_cells,
    generation_a_rows,
    year_counts,
)
from gongkai.web.interpretations.models import Interpretation, Kind, State

PRESS, INTERVIEW = Kind.PRESS_CONFERENCE, Kind.ONLINE_INTERVIEW


def record(agency, kind, published_on, entry=None, state=State.PUBLISHED, **fields):
    return Interpretation.objects.create(
        agency=agency, kind=kind, entry=entry, state=state, published_on=published_on,
        title=f"{kind} {published_on}", **fields)  # fmt: skip


@pytest.fixture
def year_2025(finance, land):
    """财政局's 2025, counted by hand in the comments: 4 pieces, 2 press conferences (1 with
    the principal leader), 1 online interview (with), 2 concerns responded to."""
    a = policy_document(finance, "专项资金管理办法", published_on=date(2025, 3, 3))
    b = policy_document(finance, "政府采购目录", published_on=date(2025, 3, 20))
    record(finance, Kind.TEXT, date(2025, 3, 5), a)  # piece 1
    record(finance, Kind.GRAPHIC, date(2025, 3, 6), a)  # piece 2
    record(finance, Kind.VIDEO, date(2025, 12, 31), b)  # piece 3
    record(finance, Kind.TEXT, date(2025, 5, 1), b, state=State.WITHDRAWN)  # piece 4: was public
    record(finance, Kind.VIDEO, date(2026, 1, 2), b)  # 2026
    record(finance, Kind.TEXT, None, a, state=State.DRAFT)  # never public
    # press 1, with the leader: held in 2025, published in 2026
    record(finance, PRESS, date(2026, 1, 3), a, held_on=date(2025, 12, 30), head_took_part=True)
    # press 2 and concern 1; the same concern answered in writing: still concern 1
    record(finance, PRESS, date(2025, 6, 1), held_on=date(2025, 6, 1), concern="冬季供暖")
    record(finance, Kind.TEXT, date(2025, 6, 2), concern="冬季供暖")
    record(finance, Kind.TEXT, date(2025, 7, 1), concern="物业收费")  # concern 2
    record(finance, INTERVIEW, date(2025, 4, 1), b, held_on=date(2025, 4, 1), head_took_part=True)
    record(finance, PRESS, date(2025, 1, 2), held_on=date(2024, 12, 30), concern="春运")  # 2024
    record(land, PRESS, date(2025, 6, 1), held_on=date(2025, 6, 1), concern="征地")  # not ours


HAND_COUNTED = YearCounts(
    interpretations=4,
    press_conferences=2,
    press_conferences_by_head=1,
    online_interviews=1,
    online_interviews_by_head=1,
    responses=2,
)


def test_the_year_counts_as_counted_by_hand(finance, year_2025, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert year_counts(finance, 2025) == HAND_COUNTED


def test_a_subtree_sums_its_agencies(county, finance, land, year_2025):
    both = year_counts(county.subtree(), 2025)
    assert both.press_conferences == 3 and both.responses == 3 and both.interpretations == 4


def test_the_narrative_of_section_one_states_the_figures(finance, year_2025):
    sections = suggested_sections(finance, 2025, gather_facts(finance, 2025, {}))
    stated = ("全年发布政策解读稿件4篇；举办新闻发布会2次，其中主要负责同志参加1次；"
              "开展在线访谈1次，其中主要负责同志参加1次；回应社会关切2次。")  # fmt: skip
    assert stated in sections["一"]


def test_an_agency_without_such_records_is_not_made_to_report_zero(town, year_2025):
    sections = suggested_sections(town, 2025, gather_facts(town, 2025, {}))
    assert "政策解读" not in sections["一"]


def test_the_figures_fill_the_rows_of_the_pre_2019_table(finance, year_2025):
    cells = generation_a_cells(year_counts(finance, 2025))
    assert cells["response.interpretations"] == 4 and cells["response.hotspots"] == 2
    assert set(cells) == set(GENERATION_A_CELLS) <= set(GENERATIONS["A"].cells)
    rows = generation_a_rows(year_counts(finance, 2025))
    assert ("3.政策解读稿件发布数", "篇", 4) in rows
    assert ("其中：主要负责同志参加新闻发布会次数", "次", 1) in rows
