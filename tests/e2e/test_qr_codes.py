"""“扫一扫在手机打开” in a real browser: the QR code as Chromium draws it on the page, cut out of
a screenshot and decoded (zxing-cpp), reads as the address in the browser's address bar."""

import io

import zxingcpp
from PIL import Image
from playwright.sync_api import expect
from tests.web.conftest import make_agency
from tests.web.test_catalog_pages import entry

from gongkai.web.agencies.roles import AgencyLevel


def scanned_from_screen(page) -> str:
    """What a phone held to the screen reads: the figure as displayed, not the file served."""
    figure = page.locator("figure.qr-code")
    expect(figure).to_contain_text("扫一扫在手机打开")
    figure.scroll_into_view_if_needed()
    image = Image.open(io.BytesIO(figure.locator("img").screenshot())).convert("L")
    found = zxingcpp.read_barcodes(image)
    assert [code.format for code in found] == [zxingcpp.BarcodeFormat.QRCode]
    return found[0].text


def test_the_qr_code_on_each_public_page_decodes_to_its_address(page, transactional_db):
    county = make_agency("青山县人民政府", "01523601", AgencyLevel.COUNTY_GOVERNMENT)
    budget = entry(county, "青山县2026年县级预算公开")
    checked = []
    for path in ("/", f"/catalog/entries/{budget.pk}/", "/catalog/?q=%E9%A2%84%E7%AE%97",
                 f"/agencies/{county.code}/"):  # fmt: skip
        page.goto(path)
        assert scanned_from_screen(page) == page.url
        checked.append(page.url)
    print("QR codes decoded to their pages' addresses:", *checked, sep="\n  ")


def test_a_published_reports_qr_code_decodes_to_its_address(page, transactional_db):
    from decimal import Decimal

    from tests.web.conftest import SECTION_TWO_FIGURES, make_person, written

    from gongkai.web.agencies.roles import Role
    from gongkai.web.annualreports import workflow
    from gongkai.web.catalog.registry import store_figure

    finance = make_agency("青山县财政局", "01523629", AgencyLevel.COUNTY_DEPARTMENT)
    clerk = make_person("alice", "艾丽", finance, Role.CLERK)
    head = make_person("erin", "刘洋", finance, Role.HEAD)
    for key in SECTION_TWO_FIGURES:
        store_figure(finance, 2025, key, Decimal(0), head)
    report = workflow.start(finance, 2025, clerk)
    workflow.perform(report, "edit", clerk, sections=written(report.sections))
    workflow.perform(report, "submit", clerk)
    workflow.perform(report, "approve", head)

    page.goto(f"/annual-reports/{finance.code}/2025/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2025年政府信息公开工作年度报告")
    assert scanned_from_screen(page) == page.url
