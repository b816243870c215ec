"""The comparison pages, read as the public reads them: 青山县自然资源局's 2024 and 2025 reports
side by side (and against its 2018 report in the 2014 format), the agency over its years,
three 濉溪县 departments ranked as peers, and a correction changing what the pages say.

Every expected value is worked out by hand in the comments, not taken from the code.
"""

import re
from decimal import Decimal
from html import unescape

import pytest
from tests.web.test_intelligence_audit import imported

from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.intelligence.models import ExternalAgency, Figure, Match, PublishedReport
from gongkai.web.intelligence.review import correct

# 2024: 40 new, none carried; 20 granted + 4 partly + 2 withheld + 6 not held = 32 answered;
# 8 carried forward; 2 reviews, 1 corrected.  实质公开率 24/32 = 75.0%, 结转率 8/40 = 20.0%.
LAND_2024 = {"s3.new.total": 40, "s3.new.natural": 40, "s3.granted.total": 20,
             "s3.granted.natural": 20, "s3.partial.total": 4, "s3.partial.natural": 4,
             "s3.withheld.third_party.total": 2, "s3.withheld.third_party.natural": 2,
             "s3.unable.not_held.total": 6, "s3.unable.not_held.natural": 6,
             "s3.total.total": 32, "s3.total.natural": 32, "s3.carry_forward.total": 8,
             "s3.carry_forward.natural": 8, "s4.review.total": 2, "s4.review.corrected": 1,
             "s4.review.upheld": 1}  # fmt: skip
# 2025: 50 new, 8 carried; 30 + 6 + 3 + 6 = 45 answered; 10 carried forward; no review.
# 实质公开率 36/45 = 80.0% (+5.0 points), 收到申请数 +10 = +25.0%, 结转率 10/58 = 17.2%.
LAND_2025 = {"s3.new.total": 50, "s3.new.natural": 50, "s3.carried.total": 8,
             "s3.carried.natural": 8, "s3.granted.total": 30, "s3.granted.natural": 30,
             "s3.partial.total": 6, "s3.partial.natural": 6,
             "s3.withheld.third_party.total": 3, "s3.withheld.third_party.natural": 3,
             "s3.unable.not_held.total": 6, "s3.unable.not_held.natural": 6,
             "s3.total.total": 45, "s3.total.natural": 45, "s3.carry_forward.total": 10,
             "s3.carry_forward.natural": 10}  # fmt: skip
# 2018 in the 2014 table: 16 received; 10 granted + 2 already public + 1 partly of 16 answered.
LAND_2018 = {"requests.received": 16, "requests.answered": 16, "requests.answered.granted": 10,
             "requests.answered.already_public": 2, "requests.answered.partial": 1,
             "requests.answered.refused": 3, "requests.closed": 16,
             "requests.closed.on_time": 12}  # fmt: skip


def text(response) -> str:
    return " ".join(unescape(response.content.decode()).split())


def row_of(page: str, label: str) -> str:
    """The text of the table row whose header starts with `label`."""
    start = re.search(f'<th scope="row"[^>]*>(?:<a [^>]*>)?{re.escape(label)}', page).start()
    return page[start : page.index("</tr>", start)]


def cells_of(row: str) -> list[str]:
    return [
        " ".join(re.sub(r"<[^>]+>", " ", c).split())
        for c in re.findall(r"<td[^>]*>(.*?)</td>", row)
    ]


@pytest.fixture
def land_years(land):
    return {
        2018: imported(land, 2018, generation="A", changes=LAND_2018),
        2024: imported(land, 2024, changes=LAND_2024),
        2025: imported(land, 2025, changes=LAND_2025),
    }


def test_two_years_side_by_side_with_differences_and_rates_of_change(client, land_years):
    response = client.get(
        f"/published-reports/compare/{land_years[2024].pk}/{land_years[2025].pk}/"
    )
    assert response.status_code == 200
    page = text(response)
    assert "青山县自然资源局：2025年度报告与2024年度比较" in page
    assert cells_of(row_of(page, "收到申请数")) == ["件", "40", "50", "+10", "+25.0%"]
    assert cells_of(row_of(page, "实质公开率"))[1:4] == ["75.0%", "80.0%", "+5.0 个百分点"]
    assert cells_of(row_of(page, "结转率"))[1:3] == ["20.0%", "17.2%"]
    # 2024 had 2 reviews; 2025 none: 复议纠错率 1/2 = 50.0%, then not computable
    review = cells_of(row_of(page, "复议纠错率"))
    assert review[1] == "50.0%" and review[2].startswith("— 行政复议数为 0，无法计算")
    assert "实质公开率 = (予以公开 + 部分公开) / 办理结果总计" in page


def test_the_same_format_compares_every_cell_and_marks_those_that_changed(client, land_years):
    page = text(client.get(
        f"/published-reports/compare/{land_years[2024].pk}/{land_years[2025].pk}/"))  # fmt: skip
    carried = "收到和处理政府信息公开申请情况 二、上年结转政府信息公开申请数量 总计"
    assert cells_of(row_of(page, carried)) == ["件", "0", "8", "+8", "—"]  # from 0: no rate
    before = page[: page.index(f'<th scope="row" data-key="s3.carried.total">{carried}')]
    assert before.rstrip().endswith('<tr class="differs">')
    unchanged = "政府信息公开行政复议、行政诉讼情况 行政诉讼 未经复议直接起诉 结果维持"
    assert cells_of(row_of(page, unchanged)) == ["件", "0", "0", "0", "—"]
    before = page[: page.index(f'<th scope="row" data-key="s4.direct.upheld">{unchanged}')]
    assert before.rstrip().endswith("<tr>")


def test_formats_a_and_c_compare_on_common_indicators_and_state_what_does_not_map(
    client, land_years
):
    page = text(client.get(
        f"/published-reports/compare/{land_years[2018].pk}/{land_years[2025].pk}/"))  # fmt: skip
    assert cells_of(row_of(page, "收到申请数"))[1:4] == ["16", "50", "+34"]  # +212.5%
    assert cells_of(row_of(page, "收到申请数"))[4] == "+212.5%"
    # 予以公开 in 2014 = 同意公开 10 + 已主动公开 2 = 12; 实质公开率 13/16 = 81.3%
    assert cells_of(row_of(page, "予以公开"))[1] == "12"
    assert cells_of(row_of(page, "实质公开率"))[1] == "81.3%"
    assert "2014 年格式（A）不报告结转的申请" in row_of(page, "上年结转申请数")
    assert "2019 年后格式（B、C）不报告按期办结数" in row_of(page, "按期答复率")
    assert "两份报告格式不同" in page or "use different formats" in page
    assert "同意公开答复数 + 属于已主动公开范围数" in page  # the mapping table


def test_a_correction_changes_the_comparison(client, land_years, frank):
    url = f"/published-reports/compare/{land_years[2024].pk}/{land_years[2025].pk}/"
    figure = Figure.objects.get(report=land_years[2025], key="s3.new.total")
    correct(figure, Decimal(60), frank)  # 50 read, 60 printed: +20 = +50.0%
    assert cells_of(row_of(text(client.get(url)), "收到申请数"))[1:] == [
        "40", "60", "+20", "+50.0%"]  # fmt: skip


def test_the_previous_year_of_an_agency_of_the_tree(client, land_years, land):
    page = text(client.get(f"/published-reports/agencies/{land.code}/2025/"))
    assert cells_of(row_of(page, "收到申请数"))[1:4] == ["40", "50", "+10"]
    missing = client.get(f"/published-reports/agencies/{land.code}/2019/")
    assert missing.status_code == 200
    assert "平台没有该机关2018年度" not in missing.content.decode()  # 2018 exists
    assert "2019" in text(missing)


def test_one_agency_over_all_its_years(client, land_years, land):
    page = text(client.get(f"/published-reports/agencies/{land.code}/"))
    # 2018, 2024, 2025: 16 → 40 (+150.0%) → 50 (+25.0%)
    assert cells_of(row_of(page, "收到申请数")) == ["件", "16", "40 +150.0%", "50 +25.0%"]
    assert cells_of(row_of(page, "实质公开率")) == ["%", "81.3%", "75.0% -6.3 个百分点",
                                                  "80.0% +5.0 个百分点"]  # fmt: skip
    assert f"/published-reports/agencies/{land.code}/2025/" in page


def suixi(name: str, year: int, cells: dict, level=AgencyLevel.COUNTY_DEPARTMENT):
    agency, _ = ExternalAgency.objects.get_or_create(name=name, region="濉溪县", level=level)
    report = PublishedReport.objects.create(
        sha256=f"{name}{year}".encode().hex()[:64].ljust(64, "0"), source_name=f"{name}.txt",
        document={"format": "gongkai.report/1", "generation": "C", "year": year, "cells": cells},
        generation="C", year=year, agency_name=name, external=agency, match=Match.EXTERNAL,
        region="濉溪县", level=level)  # fmt: skip
    Figure.objects.bulk_create(
        Figure(report=report, external=agency, year=year, generation="C", key=key,
               value=Decimal(value))
        for key, value in cells.items()
    )  # fmt: skip
    return report


def outcomes(new: int, granted: int, partial: int, withheld: int, total: int) -> dict:
    return {"s3.new.total": new, "s3.carried.total": 0, "s3.granted.total": granted,
            "s3.partial.total": partial, "s3.withheld.third_party.total": withheld,
            "s3.total.total": total, "s3.carry_forward.total": 0, "s4.review.total": 0,
            "s4.review.corrected": 0}  # fmt: skip


@pytest.fixture
def peers(db):
    # 实质公开率: 交易中心 (9+1)/10 = 100.0%, 财政局 (6+0)/8 = 75.0%, 教育局 (3+3)/8 = 75.0%;
    # 统计局 answered nothing: no rate. A township of 濉溪县 is no peer.
    return {
        "trading": suixi("濉溪县公共资源交易中心", 2024, outcomes(10, 9, 1, 0, 10)),
        "finance": suixi("濉溪县财政局", 2024, outcomes(8, 6, 0, 2, 8)),
        "education": suixi("濉溪县教育局", 2024, outcomes(9, 3, 3, 2, 8)),
        "statistics": suixi("濉溪县统计局", 2024, outcomes(0, 0, 0, 0, 0)),
        "town": suixi("濉溪县濉溪镇人民政府", 2024, outcomes(5, 5, 0, 0, 5), AgencyLevel.TOWNSHIP),
        "older": suixi("濉溪县财政局", 2023, outcomes(4, 4, 0, 0, 4)),
    }


def ranked_rows(page: str) -> list[list[str]]:
    body = page[page.index("<tbody>", page.index("Ranked on") if "Ranked on" in page
                           else page.index("排名")) :]  # fmt: skip
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body[: body.index("</tbody>")])
    return [[" ".join(re.sub(r"<[^>]+>", " ", c).split())
             for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)] for row in rows]  # fmt: skip


def test_peers_of_the_same_region_level_and_year_ranked_with_the_formula(client, peers):
    page = text(client.get(f"/published-reports/{peers['finance'].pk}/peers/"))
    assert "实质公开率 = (予以公开 + 部分公开) / 办理结果总计" in page
    rows = ranked_rows(page)
    assert [row[:3] for row in rows] == [
        ["1", "濉溪县公共资源交易中心", "10"],
        ["2", "濉溪县教育局", "9"],
        ["2", "濉溪县财政局", "8"],
        ["—", "濉溪县统计局", "0"],
    ]
    assert rows[0][3] == "100.0%" and rows[1][3] == "75.0%"
    assert rows[3][3] == "办理结果总计为 0，无法计算"


def test_peers_ranked_on_applications_per_year(client, peers):
    page = text(client.get(f"/published-reports/{peers['finance'].pk}/peers/?by=applications"))
    assert [row[:2] for row in ranked_rows(page)] == [
        ["1", "濉溪县公共资源交易中心"], ["2", "濉溪县教育局"], ["3", "濉溪县财政局"],
        ["4", "濉溪县统计局"]]  # fmt: skip


def test_a_report_waiting_for_its_agency_is_not_compared(client, peers):
    peers["finance"].match = Match.PENDING
    peers["finance"].save()
    assert client.get(f"/published-reports/{peers['finance'].pk}/peers/").status_code == 404
    url = f"/published-reports/compare/{peers['finance'].pk}/{peers['trading'].pk}/"
    assert client.get(url).status_code == 404


def test_an_external_agency_over_its_years(client, peers):
    external = peers["finance"].external
    page = text(client.get(f"/published-reports/external/{external.pk}/"))
    assert cells_of(row_of(page, "收到申请数")) == ["件", "4", "8 +100.0%"]
    assert f"/published-reports/compare/{peers['older'].pk}/{peers['finance'].pk}/" in page


@pytest.mark.django_db
def test_the_demo_has_an_agency_over_seven_years_and_five_peers(client):
    from gongkai.web.intelligence.demo import load_demo_published_reports

    load_demo_published_reports()
    centre = ExternalAgency.objects.get(name="濉溪县公共资源交易中心")
    page = text(client.get(f"/published-reports/external/{centre.pk}/"))
    # 2018 (A) 12, 2019 (B) 9, 2020 (B, the real report) 0, then 14, 18, 21, 25
    assert cells_of(row_of(page, "收到申请数"))[0:3] == ["件", "12", "9 -25.0%"]
    assert cells_of(row_of(page, "收到申请数"))[-1] == "25 +19.0%"  # 21 → 25
    latest = PublishedReport.objects.get(external=centre, year=2024)
    rows = ranked_rows(text(client.get(f"/published-reports/{latest.pk}/peers/")))
    # 实质公开率: 18/24 75.0%, 21/30 70.0%, 29/42 69.0%, 36/55 65.5%, 37/75 49.3%
    assert [(row[1], row[3]) for row in rows] == [
        ("濉溪县公共资源交易中心", "75.0%"), ("濉溪县卫生健康委员会", "70.0%"),
        ("濉溪县财政局", "69.0%"), ("濉溪县教育局", "65.5%"),
        ("濉溪县自然资源和规划局", "49.3%")]  # fmt: skip


def test_the_pages_read_in_chinese_without_raw_cell_keys(client, land_years, land, peers):
    from tests.web.page_language import cell_keys, english_fragments

    pages = [
        f"/published-reports/compare/{land_years[2018].pk}/{land_years[2025].pk}/",
        f"/published-reports/compare/{land_years[2024].pk}/{land_years[2025].pk}/",
        f"/published-reports/agencies/{land.code}/",
        f"/published-reports/agencies/{land.code}/2019/",
        f"/published-reports/{peers['finance'].pk}/peers/",
        f"/published-reports/external/{peers['finance'].external.pk}/",
    ]
    for url in pages:
        page = client.get(url).content.decode()
        assert cell_keys(page) == [] and english_fragments(page) == [], url


def test_a_peer_opens_side_by_side_with_the_report(client, peers):
    page = client.get(f"/published-reports/{peers['finance'].pk}/peers/").content.decode()
    assert f"/published-reports/compare/{peers['finance'].pk}/{peers['trading'].pk}/" in page
    assert f"/published-reports/compare/{peers['finance'].pk}/{peers['finance'].pk}/" not in page


def test_a_report_without_region_has_no_peers_and_says_so(client, land_years):
    page = text(client.get(f"/published-reports/{land_years[2025].pk}/peers/"))
    assert "该报告的地区或层级未知，无法与同级单位排名。" in page


def test_the_comparisons_start_from_every_agency_with_published_reports(client, peers, land_years):
    page = text(client.get("/published-reports/compare/?region=濉溪"))
    assert cells_of(row_of(page, "濉溪县财政局")) == ["濉溪县", "县级部门", "2023、2024"]
    assert f"/published-reports/external/{peers['finance'].external.pk}/" in page
    assert "青山县自然资源局" not in page  # no region read from its name in this test
    everyone = text(client.get("/published-reports/compare/"))
    assert cells_of(row_of(everyone, "青山县自然资源局"))[-1] == "2018、2024、2025"
    peers["town"].match = Match.PENDING
    peers["town"].save()
    assert "濉溪县濉溪镇人民政府" not in text(client.get("/published-reports/compare/"))
