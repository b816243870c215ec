"""The demo county's 政策解读 and 回应关切, as `gongkai demo` loads them."""

from datetime import date

import pytest
from django.utils import timezone

from gongkai.web.agencies.models import Agency
from gongkai.web.interpretations.counting import year_counts
from gongkai.web.interpretations.models import Interpretation, Kind
from gongkai.web.interpretations.timeliness import coverage, policy_documents
from gongkai.web.workcalendar.calendar import current_calendar


@pytest.fixture
def demo(db):
    from gongkai.web.agencies.demo import load_demo
    from gongkai.web.catalog.demo import load_demo_catalog
    from gongkai.web.interpretations.demo import load_demo_interpretations

    load_demo()
    load_demo_catalog()
    load_demo_interpretations()
    return load_demo_interpretations()  # a second time: nothing doubles


def test_the_demo_has_each_kind_published_once_and_idempotently(demo):
    assert demo == 7 == Interpretation.objects.filter(state="published").count()
    kinds = set(Interpretation.objects.values_list("kind", flat=True))
    assert kinds == set(Kind.values)
    assert Interpretation.objects.get(kind=Kind.GRAPHIC).image.size > 10_000


def test_a_policy_document_waits_for_its_interpretation(demo):
    year = timezone.localdate().year
    rows = coverage(policy_documents(Agency.objects.all(), year), lambda a: 3, current_calendar())
    missing = [row.entry.title for row in rows if row.missing]
    assert missing == ["青山县财政局关于印发《青山县县级财政专项资金管理办法》的通知"]


def test_the_2025_press_conference_is_counted_for_the_annual_report(demo):
    finance = Agency.objects.get(short_name="县财政局")
    counts = year_counts(finance, 2025)
    assert (counts.press_conferences, counts.press_conferences_by_head, counts.responses) == (
        1,
        1,
        1,
    )
    assert year_counts(finance, date.today().year).interpretations == 1  # the infographic
