"""“扫一扫在手机打开”: each public page, entry and report shows a QR code that decodes (zxing-cpp)
to its own absolute address; /qr.png draws only the addresses of this site's public pages."""

import io
import re
from html import unescape

import pytest
import zxingcpp
from django.test import override_settings
from PIL import Image
from tests.web.test_catalog_pages import entry

from gongkai.web.portal import qr_codes


def decoded(png: bytes) -> str:
    image = Image.open(io.BytesIO(png))
    found = zxingcpp.read_barcodes(image)
    assert [code.format for code in found] == [zxingcpp.BarcodeFormat.QRCode]
    return found[0].text


def qr_source(html: str) -> str:
    match = re.search(r'<figure class="qr-code">\s*<img src="([^"]+)"', html)
    assert match, "the page shows no QR code"
    assert "扫一扫在手机打开" in html
    return unescape(match.group(1))


def scanned(client, path: str, **headers) -> str:
    """What a phone reads off the QR code that the page at `path` shows."""
    page = client.get(path, **headers)
    assert page.status_code == 200
    image = client.get(qr_source(page.content.decode()), **headers)
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    return decoded(image.content)


def test_the_home_page_shows_the_qr_code_of_its_address(client, county):
    assert scanned(client, "/") == "http://testserver/"


def test_an_entry_page_shows_the_qr_code_of_its_own_address(client, finance):
    budget = entry(finance, "青山县2026年县级预算公开")
    path = f"/catalog/entries/{budget.pk}/"
    assert scanned(client, path) == f"http://testserver{path}"


def test_a_catalogue_search_keeps_its_words_in_the_code(client, finance):
    path = "/catalog/?q=%E9%A2%84%E7%AE%97&year=2026"
    assert scanned(client, path) == f"http://testserver{path}"


def test_the_address_is_the_one_the_browser_used(client, finance, settings):
    settings.ALLOWED_HOSTS = ["xxgk.qingshan.gov.cn"]
    path = f"/agencies/{finance.code}/article-20/"
    headers = {"HTTP_HOST": "xxgk.qingshan.gov.cn", "wsgi.url_scheme": "https"}
    assert scanned(client, path, **headers) == f"https://xxgk.qingshan.gov.cn{path}"


@override_settings(GONGKAI_CANONICAL_URL="https://www.qingshan.gov.cn/xxgk")
def test_a_canonical_address_replaces_the_requests(client, finance):
    path = f"/agencies/{finance.code}/"
    assert scanned(client, path) == f"https://www.qingshan.gov.cn/xxgk{path}"


def test_a_published_report_shows_the_qr_code_of_its_address(
    client, finance, alice, erin, publish_report
):
    publish_report(finance, 2025, alice, erin)
    path = f"/annual-reports/{finance.code}/2025/"
    assert scanned(client, path) == f"http://testserver{path}"


def test_the_code_is_large_enough_to_scan_from_a_screen(client, county):
    image = Image.open(io.BytesIO(client.get("/qr.png?path=/").content))
    modules = 21 + 2 * qr_codes.QUIET_ZONE  # the smallest QR code with its quiet zone
    assert image.width == image.height >= modules * qr_codes.MODULE_PIXELS >= 116


@pytest.mark.parametrize("path", [
    "",
    "预算公开",  # any text
    "https://example.com/",
    "//example.com/",
    "/\\example.com/",
    "/no-such-page/",
    "/catalog/?q=请拨打13800000000领取补贴",  # a message riding in a public page's address
    "/catalog/?q=a b",
    "/work/",  # a staff page
    "/admin/",
    "/track/QSCZ-JSDM-2425/",  # a query code is not shown to bystanders
    "/apply/receipt/QSCZ-JSDM-2425/",
    "/" + "a" * qr_codes.MAX_PATH,
])  # fmt: skip
def test_no_code_is_drawn_for_anything_but_a_public_page_of_this_site(client, db, path):
    response = client.get("/qr.png", {"path": path})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_staff_pages_show_no_qr_code(client, alice, password):
    client.login(username="alice", password=password)
    assert 'class="qr-code"' not in client.get("/work/").content.decode()


def test_a_page_that_is_not_found_shows_no_qr_code(client, db):
    response = client.get("/catalog/entries/999999/")
    assert response.status_code == 404
    assert 'class="qr-code"' not in response.content.decode()


def test_each_address_is_drawn_once(client, county):
    qr_codes.png.cache_clear()
    for _ in range(3):
        client.get("/qr.png?path=/")
    assert qr_codes.png.cache_info().misses == 1 and qr_codes.png.cache_info().hits == 2


def test_a_page_may_show_the_code_of_another_public_page(rf, finance):
    from django.template import Context, Template

    budget = entry(finance, "青山县2026年县级预算公开")
    template = Template("{% load qr_codes %}{% qr_code path %}")
    request = rf.get("/kiosk/qingshan-archives/entries/1/")
    html = template.render(Context({"request": request, "path": f"/catalog/entries/{budget.pk}/"}))
    assert qr_source(html) == f"/qr.png?path=%2Fcatalog%2Fentries%2F{budget.pk}%2F"
    staff = template.render(Context({"request": request, "path": "/work/"}))
    assert 'class="qr-code"' not in staff
