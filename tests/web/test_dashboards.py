"""我的工作台 and the supervising office's page: what each shows, counted independently here
from the cases and entries themselves; the 督办; and no link on a staff page that answers 403.

The cases are dated back from today (the pages count as of today): one whose answer period
has run out, one due within days, one each waiting for a correction, an opinion and a fee
(all received long ago: none of them may count as overdue), one answered late this year and
one answered in time; two entries published this year, one after 20 working days.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import html as lxml_html
from tests.web.conftest import make_person
from tests.web.test_catalog_pages import entry

from gongkai.web.applications.models import Application
from gongkai.web.applications.workflow import perform, submit
from gongkai.web.catalog.models.entries import Entry
from gongkai.web.supervision.models import Reminder

ANSWER = {"outcome": "granted", "granted_kind": "provided", "provided_content": "预算执行表",
          "provision_method": "电子邮件"}  # fmt: skip
RUNNING = {"received", "in_sign_off", "signed"}
ANSWERED = {"decided", "closed"}


def apply(agency, days_ago: int, name: str = "王小明"):
    received = timezone.localdate() - timedelta(days_ago)
    return submit(agency, {"applicant_type": "natural", "name": name, "phone": "13800000000",
                           "channel": "in_person", "received_on": received,
                           "description": "预算执行情况", "form_requested": "paper",
                           "delivery": "collect"})  # fmt: skip


def ago(days: int):
    return timezone.localdate() - timedelta(days)


@pytest.fixture
def work(finance, land, neighbour, alice, erin, bob):
    """A month's cases at 县财政局 and 县自然资源局, and one of another county."""
    overdue = apply(finance, 60, "逾期人")
    due_soon = apply(finance, 24, "将到期人")
    correcting = perform(apply(finance, 60, "补正人"), "request_correction", alice,
                         note="请写明年度", on=ago(59))  # fmt: skip
    consulting = perform(apply(finance, 60, "征求人"), "start_consultation", alice,
                         kind="third_party", party="青山县恒达公司", interest="商业秘密",
                         on=ago(50))  # fmt: skip
    paying = perform(apply(finance, 60, "缴费人"), "send_fee_notice", alice, method="per_page",
                     quantity=300, on=ago(55))  # fmt: skip
    late = perform(apply(finance, 80, "迟复人"), "decide", erin, on=ago(0), **ANSWER)
    in_time = perform(apply(finance, 10, "按时人"), "decide", erin, on=ago(0), **ANSWER)
    apply(land, 70, "国土逾期人")
    apply(neighbour, 70, "邻县人")
    today = timezone.localdate()
    entry(finance, "按时公开的通知", published_on=today, generated_on=today, late_working_days=-19)
    entry(finance, "超期公开的通知", published_on=today, generated_on=ago(60), late_working_days=22)
    entry(land, "超期公开的公告", published_on=today, generated_on=ago(90), late_working_days=40)
    return locals()


def expected_figures(agency) -> dict:
    """The figures counted here from each record, without the platform's queries."""
    today, week = timezone.localdate(), timezone.localdate() + timedelta(7)
    cases = list(Application.objects.filter(agency=agency))
    running = [case for case in cases if case.state in RUNNING]
    return {
        "open": sum(case.state not in ANSWERED for case in cases),
        "due_soon": sum(today <= case.due_on <= week for case in running),
        "overdue": sum(case.due_on < today for case in running),
        "late_answers": sum(bool(case.decided_on) and case.decided_on.year == today.year
                            and case.decided_on > case.due_on for case in cases),
        "late_entries": sum(bool(e.published_on) and e.published_on.year == today.year
                            and (e.late_working_days or 0) > 0
                            for e in Entry.objects.filter(agency=agency)),
    }  # fmt: skip


def figures_on_the_page(client, agency) -> dict:
    page = lxml_html.fromstring(client.get("/work/supervision/").content)
    row = page.xpath(f'//tr[@data-agency="{agency.code}"]')[0]
    cells = row.xpath("td[@data-figure]")
    return {cell.get("data-figure"): int(cell.text_content()) for cell in cells}


def test_the_supervisor_sees_each_agency_of_the_subtree_with_the_figures_counted_by_hand(
    client, carol, county, finance, land, town, neighbour, work
):
    client.force_login(carol)
    for agency in (county, finance, land, town):
        assert figures_on_the_page(client, agency) == expected_figures(agency), agency.name
    assert figures_on_the_page(client, finance) == {
        "open": 5,
        "due_soon": 1,
        "overdue": 1,
        "late_answers": 1,
        "late_entries": 1,
    }  # fmt: skip — the three waiting cases are open, and neither due nor overdue
    page = client.get("/work/supervision/").content.decode()
    assert neighbour.name not in page


def test_each_figure_opens_the_list_of_its_cases(client, carol, finance, work):
    client.force_login(carol)
    page = lxml_html.fromstring(client.get("/work/supervision/").content)
    row = page.xpath(f'//tr[@data-agency="{finance.code}"]')[0]
    for cell in row.xpath("td[@data-figure]"):
        links = cell.xpath("a/@href")
        if cell.get("data-figure") == "late_entries":
            continue
        listed = lxml_html.fromstring(client.get(links[0]).content)
        caption = listed.xpath("//table/caption")[0].text_content()  # 共 N 件申请
        assert caption.split()[1] == cell.text_content(), (cell.get("data-figure"), caption)
        assert len(listed.xpath("//table/tbody/tr/th")) == int(cell.text_content())
    overdue = client.get(f"/work/applications/?view=overdue&agency={finance.code}")
    text = overdue.content.decode()
    assert "逾期人" in text and "补正人" not in text and "征求人" not in text


def test_the_workbench_shows_what_is_due_overdue_and_waiting_on_the_clerk(client, alice, work):
    client.force_login(alice)
    page = lxml_html.fromstring(client.get("/work/").content)

    def section(title_id: str) -> str:
        return page.xpath(f'//h2[@id="{title_id}"]/following-sibling::*[1]')[0].text_content()

    assert work["due_soon"].number in section("due-title")
    assert work["overdue"].number in section("overdue-title")
    assert work["correcting"].number not in section("overdue-title")
    waiting_on_me = section("awaiting-title")
    # 补正 since 59 days ago: its time has passed, so the clerk is to act (record or close).
    assert work["correcting"].number in waiting_on_me
    counts = page.xpath(f'//tr[@data-agency="{work["overdue"].agency.code}"]/td')
    shown = {cell.get("data-count"): int(cell.text_content()) for cell in counts}
    assert shown == {"open": 5, "due_soon": 1, "overdue": 1, "waiting": 3,
                     "waiting_passed": 3, "sign_off": 0}  # fmt: skip


def test_a_draft_answer_waits_on_the_reviewer_then_the_head_then_the_clerk(
    client, finance, alice, erin, work
):
    from gongkai.web.applications import signoff

    heidi = make_person("heidi", "何迪", finance, "reviewer")
    signoff.set_chain(finance, signoff.DEFAULT_CHAIN)
    case = perform(work["due_soon"], "draft_decision", alice, **ANSWER)
    for person, other in ((heidi, erin), (erin, heidi), (alice, erin)):
        client.force_login(person)
        assert case.number in awaiting(client), person.username
        client.force_login(other)
        assert case.number not in awaiting(client), other.username
        step = "issue" if person == alice else "approve_draft"
        case = perform(case, step, person)
    assert case.state == "decided"


def awaiting(client) -> str:
    page = lxml_html.fromstring(client.get("/work/").content)
    return page.xpath('//section[@aria-labelledby="awaiting-title"]')[0].text_content()


def test_a_reminder_is_recorded_and_sent_to_the_agency(
    client, carol, alice, erin, finance, work, mailoutbox
):
    for person in (alice, erin):
        person.email = f"{person.username}@qingshan.gov.cn"
        person.save(update_fields=["email"])
    client.force_login(carol)
    response = client.post(f"/work/supervision/{finance.code}/remind/", {"note": "请尽快答复。"})
    assert response.status_code == 302
    reminder = Reminder.objects.get()
    assert (reminder.agency, reminder.sent_by, reminder.note) == (finance, carol, "请尽快答复。")
    assert reminder.figures == expected_figures(finance)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([alice.email, erin.email])
    assert "请尽快答复。" in mailoutbox[0].body and "已逾期：1" in mailoutbox[0].body
    client.force_login(alice)
    assert "请尽快答复。" in client.get("/work/").content.decode()
    assert client.get("/work/supervision/").status_code == 403
    refused = client.post(f"/work/supervision/{finance.code}/remind/", {"note": "x"})
    assert refused.status_code == 404 and Reminder.objects.count() == 1


STAFF_PAGES = ["/work/", "/work/applications/", "/work/catalog/", "/work/appeals/",
               "/work/annual-reports/"]  # fmt: skip


def links_of(client, url: str) -> set[str]:
    page = lxml_html.fromstring(client.get(url).content)
    hrefs = {href.split("#")[0] for href in page.xpath("//main//a/@href")}
    return {h for h in hrefs if h.startswith("/") and not h.startswith(("/static/", "/media/"))}


def test_no_link_on_a_staff_page_leads_to_403_for_any_role(
    client, alice, erin, dave, carol, finance, work
):
    heidi = make_person("heidi", "何迪", finance, "reviewer")
    for person in (alice, heidi, erin, dave, carol):
        client.force_login(person)
        pages = [*STAFF_PAGES, f"/work/applications/{work['overdue'].pk}/"]
        if person == carol:
            pages.append("/work/supervision/")
        refused = []
        for url in pages:
            assert client.get(url).status_code == 200, (person.username, url)
            for link in links_of(client, url):
                if client.get(link).status_code == 403:
                    refused.append((url, link))
        assert refused == [], person.username
