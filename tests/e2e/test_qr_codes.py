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
