"""Published reports of three agencies outside the tree, with figures chosen so that every
chart's rows can be worked out by hand (test_intelligence_chart*.py). Section 三 as
新收 / 予以公开 / 部分公开 / 不予公开 / 无法提供 / 不予处理 / 其他处理 (总计 = their sum):

- a16   江西省宁安县财政局 2016 A: 收到 6, 同意公开 2 + 已主动公开 1, 部分 1, 不同意 1, 答复 6
- b20   江西省宁安县财政局 2020 B: 10 / 4 / 2 / 1 / 1 / 0 / 2
- c21   江西省宁安县财政局 2021 C: 20 / 10 / 5 / 2 / 1 / 1 / 1, two arithmetic failures
- stale 江西省宁安县教育局 2021 C: 99 / 99 / 0…, five failures (imported first, replaced)
- edu21 江西省宁安县教育局 2021 C: 5 / 1 / 1 / 2 / 0 / 0 / 1, one blank-cell failure
- sm21  江西省石门县财政局 2021 C: 8 / 8 / 0 / 0 / 0 / 0 / 0
"""

from collections import Counter
from decimal import Decimal

from gongkai.report.indicators import DECLINED_KEYS, UNABLE_KEYS, WITHHELD_KEYS
from gongkai.web.intelligence.derived import ALL, indicator_values
from gongkai.web.intelligence.models import ExternalAgency, Figure, Match, PublishedReport

NINGAN, SHIMEN = "江西省宁安县", "江西省石门县"
OTHER_C = ("s3.other.no_correction.total", "s3.other.no_fee.total", "s3.other.other.total")


def spread(keys: tuple[str, ...], total: int) -> dict[str, int]:
    """`total` in the first key, 0 in the others (a group's rows all printed)."""
    return {key: (total if index == 0 else 0) for index, key in enumerate(keys)}


def matrix(generation, new, granted, partial, withheld, unable, declined, other) -> dict:
    other_keys = ("s3.other.total",) if generation == "B" else OTHER_C
    total = granted + partial + withheld + unable + declined + other
    cells = {"s3.new.total": new, "s3.carried.total": 0, "s3.granted.total": granted,
             "s3.partial.total": partial, "s3.carry_forward.total": 0,
             "s3.total.total": total}  # fmt: skip
    for keys, value in ((WITHHELD_KEYS, withheld), (UNABLE_KEYS, unable),
                        (DECLINED_KEYS, declined), (other_keys, other)):  # fmt: skip
        cells |= spread(keys, value)
    return cells


GENERATION_A = {"requests.received": 6, "requests.answered.granted": 2,
                "requests.answered.already_public": 1, "requests.answered.partial": 1,
                "requests.answered.refused": 1, "requests.answered": 6}  # fmt: skip


def report(agency: ExternalAgency, year: int, generation: str, cells: dict, failures=()):
    """A report as stored by an import: its figures, and what derived.py keeps on it (its
    failed rules by kind, its indicators)."""
    kinds = Counter(kind for _, kind in failures)
    stored = PublishedReport.objects.create(
        sha256=f"{agency.pk}-{year}-{PublishedReport.objects.count()}".ljust(64, "0"),
        source_name=f"{agency.name}{year}.txt", document={"cells": cells}, generation=generation,
        year=year, agency_name=agency.name, match=Match.EXTERNAL, external=agency,
        region=agency.region, level=agency.level, failures=dict(kinds) | {ALL: kinds.total()},
    )  # fmt: skip
    figures = Figure.objects.bulk_create(
        Figure(report=stored, external=agency, year=year, generation=generation, key=key,
               value=Decimal(value)) for key, value in cells.items()
    )  # fmt: skip
    stored.measures = indicator_values(generation, figures)
    stored.save(update_fields=["measures"])
    return stored


def external(name: str, region: str) -> ExternalAgency:
    return ExternalAgency.objects.create(name=name, region=region, level="county_department")


def chart_world() -> dict[str, PublishedReport]:
    finance = external("江西省宁安县财政局", NINGAN)
    education = external("江西省宁安县教育局", NINGAN)
    shimen = external("江西省石门县财政局", SHIMEN)
    arithmetic = [("B3-1", "arithmetic"), ("B3-2", "arithmetic")]
    return {
        "a16": report(finance, 2016, "A", GENERATION_A),
        "b20": report(finance, 2020, "B", matrix("B", 10, 4, 2, 1, 1, 0, 2)),
        "c21": report(finance, 2021, "C", matrix("C", 20, 10, 5, 2, 1, 1, 1), arithmetic),
        "stale": report(education, 2021, "C", matrix("C", 99, 99, 0, 0, 0, 0, 0),
                        arithmetic * 2 + [("X-3", "blank")]),
        "edu21": report(education, 2021, "C", matrix("C", 5, 1, 1, 2, 0, 0, 1), [("X-3", "blank")]),
        "sm21": report(shimen, 2021, "C", matrix("C", 8, 8, 0, 0, 0, 0, 0)),
    }  # fmt: skip
