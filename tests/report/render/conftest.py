"""Reports to render: the five seeds and one report per generation in which every cell of the
national format holds a different figure, so a figure printed in the wrong place shows.

The fixture reports of tests/report/conftest.py (青山县 agencies) are available here too.
"""

from decimal import Decimal
from pathlib import Path

import pytest
from tests.shared_copies import SEEDS

from gongkai.report import GENERATIONS, Kind, Report, load_report
from gongkai.report.model import ExtraRow
from gongkai.report.render import render

SEED_PATHS = sorted(SEEDS.glob("*.expected.json"))
AGENCY = "青山县市场监督管理局"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "round_trip: renders reports and reads them back with the parser (issue 4)",
    )


def distinct_figure(index: int, kind: Kind) -> int | Decimal:
    """A figure no other cell has: 万元 amounts with trailing zeros, changes negative."""
    if kind is Kind.DECIMAL:
        return Decimal(f"{index}.{index % 7}50")
    if kind is Kind.SIGNED_INT:
        return -(index + 100)
    return index + 100


def every_cell_report(generation: str, variant: str | None = None) -> Report:
    """Every national cell (plus a local variant's rows) filled with a distinct figure; a
    few cells blank, as published reports leave them."""
    specs = [
        spec
        for spec in GENERATIONS[generation].cells.values()
        if not spec.row.variants or variant in spec.row.variants
    ]
    cells: dict[str, int | Decimal | None] = {
        spec.key: distinct_figure(n, spec.kind) for n, spec in enumerate(specs, start=1)
    }
    for spec in specs[3::17]:
        cells[spec.key] = None
    year = {"A": 2017, "B": 2020, "C": 2024}[generation]
    return Report(generation=generation, year=year, agency=AGENCY, cells=cells)


GENERATED = {
    "A": lambda: every_cell_report("A"),
    "A-shandong": lambda: every_cell_report("A", "shandong_2018"),
    "B": lambda: every_cell_report("B"),
    "C": lambda: every_cell_report("C"),
}


@pytest.fixture(params=sorted(GENERATED))
def generated_report(request: pytest.FixtureRequest) -> Report:
    return GENERATED[request.param]()


@pytest.fixture(params=SEED_PATHS, ids=lambda path: path.name.split(".")[0])
def seed_report(request: pytest.FixtureRequest) -> Report:
    return load_report(request.param)


@pytest.fixture
def seed_002() -> Report:
    """濉溪县公共资源交易中心 2020, generation B, 26.0480万元 of central procurement."""
    return load_report(SEEDS / "002_d041f4bcca68913a.expected.json")


@pytest.fixture
def seed_000() -> Report:
    """牡丹江市政府采购中心 2016, generation A with 五公开 / 重点领域 rows in `extra`."""
    return load_report(SEEDS / "000_b1ef3381ebc40fd9.expected.json")


@pytest.fixture
def market_bureau_2024() -> Report:
    """Generation C with every cell distinct, prose for three sections and an extra row."""
    report = every_cell_report("C")
    report.sections = {
        "一": "总体情况\n2024年，本局认真贯彻落实《条例》。\n全年主动公开信息120条。",
        "五": "存在的主要问题是公开内容不够全面。",
    }
    report.extra = [
        ExtraRow("公开环保信息数", 35, "二、主动公开政府信息情况 > 其他", "条"),
    ]
    return report


def write(tmp_path: Path, report: Report, fmt: str, name: str = "report") -> Path:
    path = tmp_path / f"{name}.{fmt}"
    path.write_bytes(render(report, fmt))
    return path
