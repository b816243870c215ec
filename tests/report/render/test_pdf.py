"""The PDF: pages rasterised with pdftoppm must show real Chinese glyphs, not blanks or tofu.

How tofu is told from text: a missing glyph prints as the font's .notdef box, the same box for
every character, and with no entry in the text layer, so the check works on the picture alone.
The first line of ink on page 1 (the title) is cut into glyph-sized pieces at the blank
columns between them; real text gives many different shapes, tofu gives one repeated box (or
one long strip of touching boxes). The same check run on a title of private-use characters,
which no installed font has, proves it notices tofu.
"""

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from gongkai.report.render import render
from gongkai.report.render.html import render_html

DPI = 100
INK = 128  # grey level below which a pixel counts as ink
SHAPE = 16  # glyph pieces are compared as SHAPE × SHAPE bitmaps
SAME_SHAPE = 0.1  # pieces differing in fewer than 10 % of pixels are the same shape

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")


def rasterise(pdf: Path, page: int = 1) -> Image.Image:
    prefix = pdf.with_suffix("")
    command = ["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-png"]
    subprocess.run([*command, "-singlefile", str(pdf), str(prefix)], check=True)
    return Image.open(prefix.with_suffix(".png")).convert("L")


def ink_runs(flags: list[bool], min_gap: int = 1) -> list[tuple[int, int]]:
    """(start, end) of the runs of True, joining runs separated by fewer than min_gap Falses."""
    runs: list[tuple[int, int]] = []
    for index, flag in enumerate(flags):
        if not flag:
            continue
        if runs and index - runs[-1][1] <= min_gap:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def text_lines(image: Image.Image) -> list[tuple[int, int]]:
    data, width = image.tobytes(), image.width
    rows = [min(data[y * width : (y + 1) * width]) < INK for y in range(image.height)]
    return ink_runs(rows, min_gap=3)


def glyph_shapes(image: Image.Image, line: tuple[int, int]) -> list[tuple[bool, ...]]:
    """The line cut at its blank columns, each piece scaled to a SHAPE × SHAPE bitmap."""
    top, bottom = line
    band = image.crop((0, top, image.width, bottom))
    columns = [min(column) < INK for column in columns_of(band)]
    shapes = []
    for left, right in ink_runs(columns):
        piece = band.crop((left, 0, right, band.height)).resize((SHAPE, SHAPE))
        shapes.append(tuple(value < INK for value in piece.tobytes()))
    return shapes


def columns_of(image: Image.Image) -> list[bytes]:
    return [image.crop((x, 0, x + 1, image.height)).tobytes() for x in range(image.width)]


def distinct_shapes(shapes: list[tuple[bool, ...]]) -> int:
    kinds: list[tuple[bool, ...]] = []
    for shape in shapes:
        if all(
            sum(a != b for a, b in zip(shape, kind, strict=True)) >= SAME_SHAPE * SHAPE**2
            for kind in kinds
        ):
            kinds.append(shape)
    return len(kinds)


def title_shapes(pdf: Path) -> tuple[tuple[int, int], int]:
    image = rasterise(pdf)
    title = text_lines(image)[0]
    return title, distinct_shapes(glyph_shapes(image, title))


@pytest.fixture
def bureau_pdf(tmp_path, environment_bureau_2022) -> Path:
    environment_bureau_2022.agency = "青山县局"  # a title that fits on one line
    path = tmp_path / "report.pdf"
    path.write_bytes(render(environment_bureau_2022, "pdf"))
    return path


def test_the_title_is_drawn_in_real_chinese_glyphs(bureau_pdf):
    (top, bottom), shapes = title_shapes(bureau_pdf)
    assert 20 <= bottom - top <= 45  # one line of 二号 (22 pt) type at 100 dpi
    # 青山县局2022年政府信息公开工作年度报告: 19 different characters.
    assert shapes >= 14


def test_the_check_notices_tofu(tmp_path, environment_bureau_2022):
    from weasyprint import HTML

    environment_bureau_2022.agency = "青山县局"
    title = "青山县局2022年政府信息公开工作年度报告"
    no_font_has_these = "".join(chr(0xE000 + n) for n in range(len(title)))
    page = render_html(environment_bureau_2022).replace(
        f">{title}</span>", f">{no_font_has_these}</span>"
    )
    assert no_font_has_these in page
    path = tmp_path / "tofu.pdf"
    path.write_bytes(HTML(string=page, media_type="print").write_pdf())
    _, shapes = title_shapes(path)
    assert shapes <= 3


def test_every_page_has_ink_and_the_tables_are_drawn(tmp_path, seed_002):
    path = tmp_path / "seed.pdf"
    path.write_bytes(render(seed_002, "pdf"))
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
    for number in range(1, pages + 1):
        image = rasterise(path, number)
        ink = sum(1 for value in image.tobytes() if value < INK) / (image.width * image.height)
        assert ink > 0.001, f"page {number} is blank"
    assert 2 <= pages <= 4


def test_the_text_is_selectable(bureau_pdf):
    with pdfplumber.open(bureau_pdf) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
        fonts = {char["fontname"].split("+")[-1] for page in pdf.pages for char in page.chars}
    assert "青山县局2022年政府信息公开工作年度报告" in text
    assert "申请人情况" in text and "法人或其他组织" in text
    assert any("CJK" in font for font in fonts)


def test_the_page_is_a4(bureau_pdf):
    with pdfplumber.open(bureau_pdf) as pdf:
        width, height = pdf.pages[0].width, pdf.pages[0].height
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
