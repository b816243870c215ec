"""The demo county's docket: four cases that show every way a case counts, loaded once."""

from datetime import date

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency
from gongkai.web.appeals.counting import section_four_cells
from gongkai.web.appeals.demo import load_demo_appeals
from gongkai.web.appeals.models import Appeal, AppealEvent
from gongkai.web.applications.workflow import submit


def cells(short_name: str, year: int) -> dict[str, int]:
    counted = section_four_cells(Appeal.objects.filter(agency__short_name=short_name), year)
    return {key: n for key, n in counted.items() if n}


def test_the_demo_loads_twice_without_duplicates(db):
    load_demo()
    assert load_demo_appeals() == 4
    events = AppealEvent.objects.count()
    assert load_demo_appeals() == 4
    assert Appeal.objects.count() == 4 and AppealEvent.objects.count() == events


def test_the_demo_counts_as_the_rule_says(db):
    load_demo()
    load_demo_appeals()
    assert cells("县财政局", 2025) == {
        "s4.review.upheld": 1, "s4.review.total": 1,
        "s4.after_review.pending": 1, "s4.after_review.total": 1,
    }  # fmt: skip
    assert cells("县自然资源局", 2025) == {"s4.review.corrected": 1, "s4.review.total": 1}
    assert cells("县自然资源局", 2026) == {"s4.direct.pending": 1, "s4.direct.total": 1}
    lawsuit = Appeal.objects.get(kind="after_review")
    assert lawsuit.prior_review.outcome == "upheld" and lawsuit.decided_on == date(2026, 3, 18)


def test_the_demo_links_the_demo_applications_when_they_exist(db):
    load_demo()
    finance = Agency.objects.get(short_name="县财政局")
    application = submit(finance, {
        "applicant_type": "natural", "name": "王建国", "identity_type": "resident_id",
        "identity_number": "11010519491231002X", "phone": "13907951234", "channel": "online",
        "received_on": date(2025, 2, 10), "description": "2024年度县财政局部门决算",
        "form_requested": "email", "delivery": "email"}, token="demo-2025-03")  # fmt: skip
    load_demo_appeals()
    assert application.appeals.count() == 2  # the reconsideration and the lawsuit after it
    land_cases = Appeal.objects.filter(agency__short_name="县自然资源局")
    assert all(not case.applications.exists() and case.matter for case in land_cases)


def test_the_full_demo_links_the_cases_to_the_years_applications(db):
    from gongkai.web.applications.demo import load_demo_applications

    load_demo()
    load_demo_applications()
    load_demo_appeals()
    tokens = Appeal.objects.values_list("applications__submission_token", flat=True)
    assert sorted(tokens) == ["demo-2025-03", "demo-2025-03", "demo-2025-05", "demo-2025-17"]
