"""Loading and saving the report JSON (spec/report-json.md): exact round trips, null versus
absent, and decimals that never become floats."""

import json
from decimal import Decimal

import pytest
from tests.shared_copies import SEEDS

from gongkai.report import ExtraRow, Finding, Report, Severity, load_report, save_report
from gongkai.report.jsonio import loads


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.expected.json")), ids=lambda p: p.name[:3])
def test_every_seed_survives_a_round_trip_unchanged(path):
    original = loads(path.read_text(encoding="utf-8"))
    assert loads(load_report(path).to_json()) == original


def test_a_blank_cell_stays_null_and_an_absent_row_stays_absent():
    report = load_report(next(SEEDS.glob("000_*.expected.json")))

    assert report.is_blank("requests.answered.refused.privacy")
    assert not report.has("org.staff")
    data = json.loads(report.to_json())
    assert data["cells"]["requests.answered.refused.privacy"] is None
    assert "org.staff" not in data["cells"]


def test_amounts_are_decimals_from_text_and_from_mappings():
    from_text = Report.from_json(
        '{"format": "gongkai.report/1", "generation": "B", "year": 2020,'
        ' "cells": {"s2.procurement.amount": 26.0480}}'
    )
    from_mapping = load_report(
        {
            "format": "gongkai.report/1",
            "generation": "C",
            "year": 2022,
            "cells": {"s2.fees.amount": 0.26},
        }
    )

    assert from_text.value("s2.procurement.amount") == Decimal("26.0480")
    assert from_mapping.value("s2.fees.amount") == Decimal("0.26")
    assert '"s2.procurement.amount": 26.0480' in from_text.to_json()


def test_a_whole_amount_is_still_a_decimal():
    report = load_report(
        {
            "format": "gongkai.report/1",
            "generation": "C",
            "year": 2022,
            "cells": {"s2.fees.amount": 3},
        }
    )
    assert isinstance(report.value("s2.fees.amount"), Decimal)


def test_a_report_saved_to_a_file_loads_back_equal(tmp_path):
    report = Report(
        generation="C",
        year=2022,
        agency="青山县生态环境局",
        cells={"s3.new.natural": 12, "s3.new.commercial": None, "s2.fees.amount": Decimal("0.26")},
        extra=[ExtraRow("公开环保信息数", 35, "推进重点领域政府信息公开", "条")],
        narrative={"requests.received": 5},
        sections={"六": "无。"},
        findings=[
            Finding("B3-1", Severity.ERROR, ("s3.new.total",), "中", "en", rulebook="2025.1")
        ],
    )
    path = tmp_path / "report.json"

    save_report(report, path)
    loaded = load_report(path)

    assert loaded.to_dict() == report.to_dict()
    assert loaded.extra == report.extra
    assert loaded.findings == report.findings
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "gongkai.report/1"


def test_unknown_top_level_fields_are_kept():
    report = load_report(
        {"format": "gongkai.report/1", "generation": "A", "year": 2016, "cells": {}, "x_local": [1]}
    )
    assert report.to_dict()["x_local"] == [1]
