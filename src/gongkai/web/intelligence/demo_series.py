"""The demo's reports to compare: 濉溪县's county departments over several years (one of them,
the 公共资源交易中心, from 2018 in the 2014 format to 2024, beside its real 2020 report among
the demo files) and five of them in 2024 as peers. Their figures are data here; each report
is rendered in the official layout (gongkai.report.render) and imported through the parser
like any published file, so that the comparison pages (/published-reports/…) show
something on `make run`. The figures add up and carry over from year to year: nothing
here waits in the review queue.
"""

from typing import NamedTuple

from gongkai.report import GENERATIONS
from gongkai.report.compiler import assemble
from gongkai.report.render import render


class Outcomes(NamedTuple):
    """Section 三 and 行政复议 of a B/C report (all applicants natural persons)."""

    new: int
    carried: int
    granted: int
    partial: int
    withheld: int  # 保护第三方合法权益
    unable: int  # 本机关不掌握相关政府信息
    declined: int  # 重复申请
    carry_forward: int
    reviews: int = 0
    reviews_corrected: int = 0


TRADING = "濉溪县公共资源交易中心"
# (agency, year, generation, outcomes); the centre's 2020 report is a real one (demo_reports/).
SERIES: tuple[tuple[str, int, str, Outcomes], ...] = (
    (TRADING, 2019, "B", Outcomes(9, 0, 4, 1, 1, 2, 1, 0)),
    (TRADING, 2021, "C", Outcomes(14, 0, 7, 2, 1, 2, 0, 2, 1, 0)),
    (TRADING, 2022, "C", Outcomes(18, 2, 9, 3, 2, 3, 1, 2, 2, 1)),
    (TRADING, 2023, "C", Outcomes(21, 2, 12, 2, 2, 4, 1, 2, 1, 0)),
    (TRADING, 2024, "C", Outcomes(25, 2, 15, 3, 1, 4, 1, 3)),
    ("濉溪县财政局", 2023, "C", Outcomes(36, 1, 20, 4, 3, 6, 2, 2, 2, 0)),
    ("濉溪县财政局", 2024, "C", Outcomes(42, 2, 24, 5, 3, 8, 2, 2, 3, 1)),
    ("濉溪县教育局", 2024, "C", Outcomes(58, 0, 30, 6, 6, 10, 3, 3, 2, 0)),
    ("濉溪县自然资源和规划局", 2024, "C", Outcomes(77, 4, 28, 9, 12, 20, 6, 6, 6, 2)),
    ("濉溪县卫生健康委员会", 2024, "C", Outcomes(31, 1, 19, 2, 2, 6, 1, 2)),
)
# The centre's 2018 report in the 2014 table: 12 applications (8 online, 4 in person), all
# closed on time; 6 granted, 3 already public, 1 partly, 2 not existing; 860 items published.
TRADING_2018 = {
    "requests.received": 12, "requests.received.online": 8, "requests.received.in_person": 4,
    "requests.closed": 12, "requests.closed.on_time": 12, "requests.answered": 12,
    "requests.answered.granted": 6, "requests.answered.already_public": 3,
    "requests.answered.partial": 1, "requests.answered.not_exist": 2,
    "proactive.total": 860, "proactive.channels": 860, "proactive.via_website": 860,
}  # fmt: skip


def matrix_cells(generation: str, figures: Outcomes) -> dict[str, int]:
    cells = dict.fromkeys(GENERATIONS[generation].cells, 0)
    answered = (figures.granted + figures.partial + figures.withheld + figures.unable
                + figures.declined)  # fmt: skip
    rows = {"new": figures.new, "carried": figures.carried, "granted": figures.granted,
            "partial": figures.partial, "withheld.third_party": figures.withheld,
            "unable.not_held": figures.unable, "declined.duplicate": figures.declined,
            "total": answered, "carry_forward": figures.carry_forward}  # fmt: skip
    for row, value in rows.items():
        cells[f"s3.{row}.natural"] = cells[f"s3.{row}.total"] = value
    upheld = figures.reviews - figures.reviews_corrected
    cells |= {"s4.review.total": figures.reviews, "s4.review.upheld": upheld,
              "s4.review.corrected": figures.reviews_corrected}  # fmt: skip
    return cells


def overview(agency: str, year: int) -> dict[str, str]:
    return {
        "一": f"{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        "坚持以公开为常态、不公开为例外，依法依规做好政府信息公开工作。"
    }


def series_files() -> list[tuple[str, bytes]]:
    """(file name, the report as an HTML page) for every report of the series."""
    table_a = dict.fromkeys(GENERATIONS["A"].cells, 0) | TRADING_2018
    reports = [assemble("A", 2018, TRADING, table_a, overview(TRADING, 2018))]
    for agency, year, generation, figures in SERIES:
        cells = matrix_cells(generation, figures)
        reports.append(assemble(generation, year, agency, cells, overview(agency, year)))
    return [
        (f"{report.agency}{report.year}年政府信息公开工作年度报告.html", render(report, "html"))
        for report in reports
    ]
