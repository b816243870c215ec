"""The public home: the 政府信息公开 columns, the latest publications, the 第二十条 items with
their counts, the 年报 of the latest year, the agencies by level (usable with hundreds), 在线申请
and 指南 in the main navigation, and a footer with 主办单位 and the 备案 lines from settings."""

from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from tests.web.conftest import make_agency
from tests.web.test_catalog_annual_reports import report
from tests.web.test_catalog_pages import entry

from gongkai.statute.agency_codes import make_uscc
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.portal import home


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def county_news(county, finance, land, town):
    for day in range(1, 11):
        entry(finance, f"财政动态第{day}期", published_on=date(2026, 11, day), article20_item=7)
    entry(land, "青山县国土空间总体规划", published_on=date(2026, 11, 20), article20_item=1)
    entry(town, "青山镇2027年民生实事征集", published_on=date(2026, 11, 25))
    report(county, "青山县人民政府2025年政府信息公开工作年度报告", date(2026, 3, 25))
    report(finance, "青山县财政局2025年度政府信息公开工作年度报告", date(2026, 1, 28))
    report(finance, "青山县财政局2024年度政府信息公开工作年度报告", date(2025, 1, 20))
    return county


def page(client, path="/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_lists_the_latest_publications_newest_first(client, county_news):
    html = page(client)
    latest = html[html.index("最新信息") : html.index("年度政府信息公开工作年度报告")]
    titles = ["青山镇2027年民生实事征集", "青山县国土空间总体规划", "财政动态第10期"]
    assert [latest.index(title) for title in titles] == sorted(latest.index(t) for t in titles)
    assert "财政动态第5期" in latest and "财政动态第4期" not in latest  # eight, the newest
    assert "青山县青山镇人民政府" in latest  # each with its agency


def test_the_home_counts_the_article_20_items(client, county_news):
    counts = {number: count for number, _label, count in home.article_20_counts()}
    assert len(counts) == 15 and counts[7] == 10 and counts[1] == 1 and counts[2] == 0
    html = page(client)
    assert '<a href="/catalog/?item=7">(七)财政预算、决算信息</a> <span class="muted">10条' in html


def test_the_home_shows_the_annual_reports_of_the_latest_year(client, county_news):
    html = page(client)
    assert "2025年度政府信息公开工作年度报告" in html
    assert "4个机关中已有2个发布" in html
    assert "青山县人民政府2025年政府信息公开工作年度报告" in html
    assert "青山县财政局2024年度" not in html  # last year's is in the 年报 column


def test_the_columns_follow_the_portal_structure_and_open_their_pages(client, county_news):
    columns = home.columns(county_news)
    labels = [str(column.label) for column in columns]
    assert labels[:5] == ["政府信息公开指南", "机构信息", "法规文件", "法定主动公开内容",
                          "公开目录"]  # fmt: skip
    assert labels[-2:] == ["年报", "依申请公开"]
    for column in columns:
        assert client.get(column.url).status_code == 200, column


def test_policy_interpretations_are_a_column_only_where_the_platform_has_them(county, monkeypatch):
    monkeypatch.setattr(home, "url_if_exists", lambda name: None)
    assert "政策解读" not in [str(column.label) for column in home.columns(county)]
    monkeypatch.setattr(home, "url_if_exists", lambda name: "/interpretations/")
    found = {str(column.label): column.url for column in home.columns(county)}
    assert found["政策解读"] == "/interpretations/"


def test_apply_online_and_the_guide_are_in_the_main_navigation(client, county_news):
    html = page(client)
    nav = html[html.index('id="site-menu"') : html.index("</nav>")]
    assert '<a href="/apply/">在线申请</a>' in nav and '<a href="/guide/">公开指南</a>' in nav


def test_choosing_an_agency_opens_its_guide_or_its_form(client, finance):
    guide = client.get("/guide/", {"agency": finance.code})
    assert guide["Location"] == reverse("catalog-guide", args=[finance.code])
    apply = client.get("/apply/", {"agency": finance.code})
    assert apply["Location"] == reverse("application-apply", args=[finance.code])
    listed = page(client, "/apply/")
    assert f'<a href="/agencies/{finance.code}/apply/">青山县财政局</a>' in listed
    assert page(client, "/apply/?agency=000000000000000000").count("<h1>在线申请</h1>") == 1


@pytest.fixture
def many_departments(county):
    for n in range(40):
        code = make_uscc("1", "1", "360999", str(30_000_000 + n))
        Agency.objects.create(name=f"青山县第{n}局", code=code, parent=county,
                              level=AgencyLevel.COUNTY_DEPARTMENT)  # fmt: skip
    make_agency("青山县青山镇人民政府", "01523701", AgencyLevel.TOWNSHIP, county)
    return county


def test_hundreds_of_agencies_are_grouped_by_level_and_cut_short(client, many_departments):
    html = page(client)
    assert "县级政府" in html and "乡镇街道" in html
    assert html.index("县级政府") < html.index("县级部门") < html.index("乡镇街道")
    shown, groups = home.AGENCIES_PER_LEVEL, html[html.index('class="agency-group"') :]
    assert f"青山县第{shown - 1}局" in groups and f"青山县第{shown}局" not in groups
    assert '<a href="/agencies/?level=county_department">查看全部40个（县级部门）</a>' in html
    every = page(client, "/agencies/?level=county_department")
    assert "青山县第39局" in every and "乡镇街道" not in every
    assert '<select id="home-agency" name="agency">' in html  # the picker finds any of them


def test_the_home_page_costs_the_same_queries_for_many_agencies(
    client, many_departments, django_assert_max_num_queries
):
    client.get("/")  # the agency filter's cache filled
    with django_assert_max_num_queries(14):
        page(client)


def test_the_footer_shows_the_sites_sponsor_and_records(client, county):
    html = page(client)
    footer = html[html.index('<footer class="site-footer">') :]
    assert "主办单位：青山县人民政府办公室" in footer
    assert "网站标识码：3609990001" in footer
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">赣ICP备26000999号-1</a>' in footer
    assert "webSearch?code=36099902000001" in footer and "赣公网安备36099902000001号" in footer


@override_settings(
    GONGKAI_SITE_IDENTIFIER="", GONGKAI_ICP_RECORD="", GONGKAI_PUBLIC_SECURITY_RECORD="",
    GONGKAI_SITE_SPONSOR="白水县人民政府办公室", GONGKAI_SITE_PHONE="", GONGKAI_SITE_EMAIL="",
)  # fmt: skip
def test_a_footer_line_set_empty_is_not_shown(client, county):
    footer = page(client)[page(client).index('<footer class="site-footer">') :]
    assert "主办单位：白水县人民政府办公室" in footer
    assert "网站标识码" not in footer and "ICP" not in footer and "公网安备" not in footer
    assert "电话" not in footer


@override_settings(
    GONGKAI_SITE_IDENTIFIER="", GONGKAI_ICP_RECORD="", GONGKAI_PUBLIC_SECURITY_RECORD="",
    GONGKAI_SITE_SPONSOR="", GONGKAI_SITE_PHONE="", GONGKAI_SITE_EMAIL="",
)  # fmt: skip
def test_an_empty_footer_leaves_no_empty_box(client, county):
    assert 'class="site-identity"' not in page(client)


def test_the_deploy_check_warns_while_the_footer_is_the_demos(settings):
    from gongkai.web.portal.checks import footer_is_not_the_demos

    [warning] = footer_is_not_the_demos(None)
    assert "GONGKAI_ICP_RECORD" in warning.msg and warning.id == "gongkai.W101"
    for name in settings.DEMO_SITE_IDENTITY:
        setattr(settings, name, "")
    assert footer_is_not_the_demos(None) == []
