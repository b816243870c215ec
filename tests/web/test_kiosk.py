"""The kiosk of a 查阅点: its pages, its visits and searches counted per day with no personal
data, the staff's list with yearly totals, and the keyboard's pinyin table."""

import json
import re
from datetime import date

import pytest
from django.core.cache import cache
from tests.web.test_catalog_pages import entry

from gongkai.web.catalog import search as catalog_search  # noqa: F401 (connects the index)
from gongkai.web.kiosk import counting
from gongkai.web.kiosk.demo import load_demo_reading_points
from gongkai.web.kiosk.frequent import PINYIN_TABLE, words_in_titles
from gongkai.web.kiosk.models import ReadingPoint, ReadingPointDay
from gongkai.web.kiosk.views import VISIT_COOKIE


@pytest.fixture
def lobby(finance):
    return ReadingPoint.objects.create(
        agency=finance,
        code="czj-lobby",
        name="财政局查阅点",
        address="府前路18号一楼",
        opening_hours="工作日 9:00—17:00",
    )


@pytest.fixture
def budget(finance):
    cache.clear()  # the frequent searches are cached per agency
    return entry(finance, "青山县2026年县级预算公开", body="县级一般公共预算收入……")


def today_row(point) -> ReadingPointDay:
    return ReadingPointDay.objects.get(point=point)


def test_the_start_page_shows_the_point_and_counts_nothing(client, lobby):
    page = client.get("/kiosk/czj-lobby/")
    assert page.status_code == 200
    for shown in (
        "财政局查阅点",
        "府前路18号一楼",
        "工作日 9:00—17:00",
        "/apply/",
        "/qr.png?path=%2Fagencies%2F",
    ):  # the form's address, to open on a phone
        assert shown in page.content.decode()
    assert VISIT_COOKIE not in page.cookies
    assert not ReadingPointDay.objects.exists()


def test_a_visit_is_counted_once_until_the_kiosk_returns_to_its_start(client, lobby, budget):
    client.get("/kiosk/czj-lobby/catalog/")
    client.get(f"/kiosk/czj-lobby/entries/{budget.pk}/")
    client.get("/kiosk/czj-lobby/guide/")
    assert today_row(lobby).visits == 1
    reset = client.get("/kiosk/czj-lobby/reset/")
    assert reset.status_code == 302 and reset["Location"] == "/kiosk/czj-lobby/"
    assert reset.cookies[VISIT_COOKIE].value == ""  # deleted
    client.get("/kiosk/czj-lobby/catalog/")
    assert today_row(lobby).visits == 2


def test_the_visit_cookie_holds_nothing_but_lasts_the_points_idle_time(client, lobby):
    lobby.idle_seconds = 90
    lobby.save()
    cookie = client.get("/kiosk/czj-lobby/search/").cookies[VISIT_COOKIE]
    assert cookie.value == "1"
    assert cookie["max-age"] == 90 and cookie["path"] == "/kiosk/czj-lobby/"


def test_a_search_is_counted_once_and_finds_the_agencys_entries(client, lobby, budget):
    page = client.get("/kiosk/czj-lobby/catalog/", {"q": "预算"})
    assert "<mark>预算</mark>" in page.content.decode()
    assert f"/kiosk/czj-lobby/entries/{budget.pk}/" in page.content.decode()
    client.get("/kiosk/czj-lobby/catalog/", {"q": "预算", "page": "2"})
    client.get("/kiosk/czj-lobby/catalog/")
    assert (today_row(lobby).visits, today_row(lobby).searches) == (1, 1)


def test_a_point_out_of_service_has_no_kiosk(client, lobby):
    lobby.active = False
    lobby.save()
    assert client.get("/kiosk/czj-lobby/").status_code == 404
    assert client.get("/kiosk/czj-lobby/reset/").status_code == 404
    assert client.get("/kiosk/nowhere/catalog/").status_code == 404


def test_the_kiosk_asks_for_nothing_but_a_search_and_no_login(client, lobby, budget):
    for path in ("/kiosk/czj-lobby/", "/kiosk/czj-lobby/search/", "/kiosk/czj-lobby/guide/",
                 f"/kiosk/czj-lobby/entries/{budget.pk}/"):  # fmt: skip
        html = client.get(path).content.decode()
        posts = re.findall(r'<form action="([^"]*)" method="post"', html)
        assert posts == ["/display/"], path  # the high-contrast button, nothing else
        assert "/accounts/login/" not in html and "<textarea" not in html, path


def test_high_contrast_chosen_at_the_kiosk_ends_with_the_visit(client, lobby):
    client.post("/display/", {"mode": "high-contrast", "next": "/kiosk/czj-lobby/search/"})
    assert 'class="kiosk large-text high-contrast"' in client.get("/kiosk/czj-lobby/").text
    reset = client.get("/kiosk/czj-lobby/reset/")
    assert reset.cookies["gongkai_high_contrast"].value == ""
    assert 'class="kiosk large-text"' in client.get("/kiosk/czj-lobby/").text


def test_the_guide_lists_the_agencys_reading_points(client, lobby, finance):
    html = client.get(f"/agencies/{finance.code}/guide/").content.decode()
    assert "财政局查阅点，府前路18号一楼，开放时间：工作日 9:00—17:00" in html


def test_counts_add_up_by_day_and_year(lobby):
    for day in (date(2025, 12, 31), date(2026, 1, 2), date(2026, 1, 2)):
        counting.record(lobby, "visits", day)
    counting.record(lobby, "searches", date(2026, 1, 2))
    assert counting.yearly_totals([lobby]) == {
        lobby.pk: [
            {"year": 2026, "visits": 2, "searches": 1},
            {"year": 2025, "visits": 1, "searches": 0},
        ]
    }


def test_staff_see_their_agencies_points_with_yearly_totals(client, lobby, alice, bob):
    counting.record(lobby, "visits", date(2026, 3, 2))
    client.force_login(alice)  # finance's clerk
    html = client.get("/work/reading-points/").content.decode()
    assert "财政局查阅点" in html and '<th scope="row">2026</th><td>1</td><td>0</td>' in html
    client.force_login(bob)  # land's clerk
    assert "财政局查阅点" not in client.get("/work/reading-points/").content.decode()


def test_frequent_searches_are_the_words_many_titles_hold_but_not_every_one():
    titles = ["青山县2026年预算公开", "青山县2025年预算执行情况", "青山县政府采购意向公开",
              "青山县预算绩效管理办法", "青山县财政局关于做好年度决算工作的通知",
              "青山县2026年政府采购计划", "青山县国有资产管理办法"]  # fmt: skip
    found = words_in_titles(titles, agency_names=["青山县财政局"])
    assert found[:2] == ["预算", "政府采购"]  # the longer word where it is one
    assert "青山县" not in found  # in every title, and the agency's name


def test_the_pinyin_table_puts_the_common_characters_and_words_first():
    table = json.loads(PINYIN_TABLE.read_text("utf-8"))
    assert table["syllables"]["zheng"][0] == "政"
    assert table["syllables"]["gong"][0] == "公"
    assert ["gongkai", "gk", "公开"] in table["words"]
    assert ["yusuan", "ys", "预算"] in table["words"]
    assert len(table["syllables"]) > 390  # every toneless syllable of Mandarin, nearly


def test_the_demo_has_two_points_with_a_year_of_use(county, finance, town):
    from gongkai.web.agencies.models import Agency

    Agency.objects.filter(pk=county.pk).update(short_name="县政府")
    Agency.objects.filter(pk=finance.pk).update(short_name="县财政局")
    assert load_demo_reading_points() == 2
    assert load_demo_reading_points() == 2  # idempotent
    visits = sum(ReadingPointDay.objects.values_list("visits", flat=True))
    assert 1500 < visits < 4000  # 淄博's report: about 3,000 lookups a year
