"""What a first visitor and a staff member see, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.web.agencies.demo import load_demo
from gongkai.web.agencies.models import Agency


@pytest.fixture
def demo(transactional_db):
    load_demo()


def test_the_home_page_renders_in_chinese_on_an_english_browser(page, demo):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.get_by_role("heading", level=1)).to_have_text("政府信息公开")
    expect(page.locator(".kicker")).to_have_text("青山县人民政府")
    expect(page.get_by_role("link", name="青山县财政局")).to_be_visible()
    expect(page.get_by_role("link", name="工作人员登录")).to_be_visible()


def test_the_language_switcher_changes_to_english_and_back(page, demo):
    page.goto("/")
    page.get_by_label("语言").select_option("en")
    page.get_by_role("button", name="切换").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Staff login")).to_be_visible()


def test_a_clerk_logs_in_and_lands_on_her_workbench(page, demo, log_in):
    log_in(page, "zhangwei")
    expect(page).to_have_url(re.compile(r"/work/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("我的工作台")
    expect(page.get_by_role("cell", name="公开专员")).to_be_visible()


def test_a_clerk_gets_404_on_another_agencys_admin_page(page, demo, log_in):
    log_in(page, "zhangwei")  # 县财政局
    own = Agency.objects.get(name="青山县财政局")
    other = Agency.objects.get(name="青山县自然资源局")
    response = page.goto(f"/admin/agencies/agency/{own.pk}/change/")
    assert response.status == 200
    response = page.goto(f"/admin/agencies/agency/{other.pk}/change/")
    assert response.status == 404


def test_the_supervisor_sees_every_agency_of_the_county_in_the_admin(page, demo, log_in):
    log_in(page, "lina")
    page.goto("/admin/agencies/agency/")
    for name in ["青山县发展和改革委员会", "青山县东岭乡人民政府"]:
        expect(page.get_by_role("link", name=name)).to_be_visible()
