"""The chart pages in Chromium: each draws its chart (a canvas, from our own ECharts) with no
console error and no Content-Security-Policy violation, switches to its data table and back,
and downloads the chart as a real PNG image with something drawn on it."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect
from tests.e2e.test_content_security_policy import Watcher
from tests.web.chart_world import NINGAN, chart_world

CHARTS = [
    ("trend", f"?region={NINGAN}&measure=disclosure_rate", "68.00"),
    ("outcomes", "?year=2021", "予以公开"),
    ("failures", "", "江西省宁安县财政局"),
    ("ranking", "?measure=disclosure_rate&level=county_department", "江西省石门县财政局"),
]


@pytest.fixture
def world(transactional_db):
    return chart_world()


@pytest.fixture
def watched(page):
    errors: list[str] = []

    def console(message):
        # the browser asks for /favicon.ico on its own; the site has none
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            errors.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, Watcher(page), errors


def drawn_pixels(png: bytes) -> int:
    """How many pixels of the image are not the white background."""
    image = Image.open(io.BytesIO(png)).convert("L")
    return sum(count for level, count in enumerate(image.histogram()) if level < 240)


@pytest.mark.parametrize(("slug", "query", "in_table"), CHARTS)
def test_a_chart_is_drawn_tabled_and_downloaded(world, watched, slug, query, in_table):
    page, watcher, errors = watched
    watcher.visit(f"/published-reports/charts/{slug}/{query}")
    chart = page.locator("#chart")
    expect(chart).to_have_attribute("data-rendered", "true")
    expect(chart.locator("canvas").first).to_be_visible()
    table = page.locator("#chart-table")
    expect(table).to_be_hidden()  # the chart stands in for it while JavaScript runs

    page.get_by_role("button", name="数据表").click()
    expect(table).to_be_visible()
    expect(table).to_contain_text(in_table)
    expect(chart).to_be_hidden()
    page.get_by_role("button", name="图表", exact=True).click()
    expect(chart).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="下载图表图片（PNG）").click()
    png = download.value.path().read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and download.value.suggested_filename.endswith(
        ".png"
    )
    assert Image.open(io.BytesIO(png)).width >= 600
    assert drawn_pixels(png) > 2000  # axes, bars, cells: not a blank image
    watcher.collect()
    assert watcher.seen == [] and errors == []
