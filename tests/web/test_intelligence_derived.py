"""What the charts read, kept on each imported report (derived.py): the rule failures, stored
at import from the findings the parser kept and kept true after a correction — a misread
total that breaks the 勾稽关系 is a failure until it is corrected back — and the indicators,
which a correction changes in the charts too."""

from decimal import Decimal

import pytest
from tests.shared_copies import SEEDS

from gongkai.report import indicators
from gongkai.web.intelligence import chart_data
from gongkai.web.intelligence.figures import as_number
from gongkai.web.intelligence.matching import AgencyIndex
from gongkai.web.intelligence.models import Figure, PublishedReport
from gongkai.web.intelligence.reading import read_file
from gongkai.web.intelligence.review import correct
from gongkai.web.intelligence.selection import Selection
from gongkai.web.intelligence.storing import store_read


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def failures(report) -> dict[str, int]:
    return PublishedReport.objects.get(pk=report.pk).failures


def test_an_imported_report_keeps_the_failures_of_its_reading(db):
    seed = SEEDS / "000_b1ef3381ebc40fd9.txt"  # 牡丹江市政府采购中心 2016: blank cells
    report = store_read(read_file(seed.name, seed.read_bytes()), AgencyIndex()).report
    assert failures(report) == {"blank": 2, "all": 2}  # could not be checked
    rows = chart_data.failure_heat_map(Selection(year=2016), "blank").rows
    assert rows == [("牡丹江市政府采购中心", report.region, 2016, 2)]


def test_a_correction_that_breaks_a_total_is_a_failure_until_corrected_back(db, carol):
    seed = SEEDS / "002_d041f4bcca68913a.txt"  # 濉溪县公共资源交易中心 2020, generation B
    report = store_read(read_file(seed.name, seed.read_bytes()), AgencyIndex()).report
    granted = Figure.objects.get(report=report, key="s3.granted.total")
    as_read, value = failures(report), granted.value
    correct(granted, value + 10, carol)  # a misreading: 予以公开 no longer adds up to 总计
    broken = failures(report)
    assert broken.get("arithmetic", 0) > as_read.get("arithmetic", 0)
    assert broken["all"] - as_read["all"] == broken["arithmetic"] - as_read.get("arithmetic", 0)
    correct(granted, value, carol)
    assert failures(report) == as_read


def test_the_indicators_kept_are_those_of_the_figures_and_follow_a_correction(db, carol):
    seed = SEEDS / "002_d041f4bcca68913a.txt"
    report = store_read(read_file(seed.name, seed.read_bytes()), AgencyIndex()).report
    figures = {f.key: as_number(f.value) for f in Figure.objects.filter(report=report)}
    measured = indicators.measure("B", figures)
    expected = {i.id: measured[i.id].value for i in indicators.INDICATORS}
    expected = {name: value for name, value in expected.items() if value is not None}
    assert "applications" in expected and "proactive" not in expected  # B has no such total
    assert PublishedReport.objects.get(pk=report.pk).measures == expected
    granted = Figure.objects.get(report=report, key="s3.granted.total")
    correct(granted, granted.value + 10, carol)
    kept = PublishedReport.objects.get(pk=report.pk).measures
    assert kept["granted"] == expected["granted"] + 10
    agency = report.agency_label
    assert chart_data.trend(Selection(agency=agency), "granted").rows[0][2] == kept["granted"]


@pytest.mark.django_db(transaction=True)
def test_migrating_fills_in_what_the_charts_read_for_reports_imported_before():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("intelligence", "0005_open_data_exports")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    seed = SEEDS / "000_b1ef3381ebc40fd9.txt"  # 2016, generation A: 收到申请数 printed
    document = read_file(seed.name, seed.read_bytes()).report
    report = old.get_model("intelligence", "PublishedReport").objects.create(
        sha256="f" * 64, source_name=seed.name, document=document, generation="A", year=2016,
        match="external", agency_name="牡丹江市政府采购中心")  # fmt: skip
    old.get_model("intelligence", "Figure").objects.bulk_create(
        old.get_model("intelligence", "Figure")(report_id=report.pk, year=2016, generation="A",
                                                key=key, value=Decimal(str(value)))
        for key, value in document["cells"].items() if value is not None
    )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    migrated = PublishedReport.objects.get(pk=report.pk)
    assert migrated.failures == {"blank": 2, "all": 2}
    assert migrated.measures["applications"] == document["cells"]["requests.received"]
