"""The open data: every figure in long format, read back from each file format (Parquet with
pyarrow, as DuckDB or pandas would), the same on the web and through the JSON API, with the
filters; a data dictionary that lists every key of the formats."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from tests.web.intelligence_world import published_report

from gongkai.cli import main
from gongkai.web.intelligence.export import COLUMNS
from gongkai.web.intelligence.models import ExternalAgency, Figure, Match
from gongkai.web.intelligence.review import correct

CELLS_CSV = Path(__file__).resolve().parents[1] / "fixtures/shared/spec/cells.csv"


@pytest.fixture
def reports(finance, carol):
    """青山县财政局's report (its ambiguous total corrected from 3 to 4) and an external one."""
    own = published_report(finance)
    correct(Figure.objects.get(report=own, key="s3.new.total"), Decimal(4), carol)
    other = published_report(None, name="白水县教育局", sha="e" * 64)
    other.external = ExternalAgency.objects.create(name="白水县教育局", region="白水县",
                                                   level="county_department")  # fmt: skip
    other.region, other.level = "白水县", "county_department"
    other.save()
    own.region, own.level = "青山县", "county_department"
    own.save()
    return own, other


def export(tmp_path, fmt, *options):
    path = tmp_path / f"figures.{fmt}"
    answer = CliRunner().invoke(main, ["reports", "export", "--to", fmt, "-o", str(path), *options])
    assert answer.exit_code == 0, answer.output
    return path


def totals(rows) -> dict:
    return {row["agency"]: (str(row["value"]), row["confidence"])
            for row in rows if row["key"] == "s3.new.total"}  # fmt: skip


EXPECTED = {"青山县财政局": ("4", "corrected"), "白水县教育局": ("3", "ambiguous")}


@pytest.mark.django_db
def test_csv_has_one_row_per_figure_with_the_corrected_value(tmp_path, reports):
    text = export(tmp_path, "csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 6
    assert totals(rows) == EXPECTED
    assert "一、本年新收政府信息公开申请数量" in rows[0]["label"]
    assert rows[0]["unit"] == "件"


@pytest.mark.django_db
def test_json_lines_and_xlsx_hold_the_same_rows(tmp_path, reports):
    lines = export(tmp_path, "jsonl").read_text(encoding="utf-8").splitlines()
    assert totals(map(json.loads, lines)) == EXPECTED
    sheet = load_workbook(export(tmp_path, "xlsx"), read_only=True).active
    header, *values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert tuple(header) == COLUMNS
    assert totals(dict(zip(header, row, strict=True)) for row in values) == EXPECTED


@pytest.mark.django_db
def test_the_parquet_file_is_queryable_with_exact_values(tmp_path, reports):
    table = pq.read_table(export(tmp_path, "parquet"))
    assert table.column_names == list(COLUMNS)
    received = table.filter(pc.equal(table["key"], "s3.new.total"))
    by_region = dict(zip(received["region"].to_pylist(), received["value"].to_pylist(),
                         strict=True))  # fmt: skip
    assert by_region == {"青山县": Decimal("4.0000"), "白水县": Decimal("3.0000")}


@pytest.mark.django_db
def test_the_export_filters_by_region_level_and_agency(tmp_path, reports):
    def agencies(*options):
        text = export(tmp_path, "csv", *options).read_text(encoding="utf-8-sig")
        return {row["agency"] for row in csv.DictReader(io.StringIO(text))}

    assert agencies("--region", "白水") == {"白水县教育局"}
    assert agencies("--agency", reports[0].agency.code) == {"青山县财政局"}
    assert agencies("--level", "county_government") == set()


@pytest.mark.django_db
def test_the_web_gives_the_same_file_to_anyone(client, reports):
    response = client.get("/published-reports/data.parquet", {"generation": "C"})
    assert response.status_code == 200
    table = pq.read_table(io.BytesIO(b"".join(response.streaming_content)))
    assert table.num_rows == 6
    assert client.get("/published-reports/data.exe").status_code == 404


@pytest.mark.django_db
def test_the_api_lists_reports_figures_and_findings_with_filters(client, reports):
    own, other = reports
    listed = client.get("/api/v1/reports", {"region": "青山县"}).json()
    assert [(r["agency"], r["agency_code"], r["figures"]) for r in listed] == [
        ("青山县财政局", own.agency.code, 3)]  # fmt: skip
    figures = client.get(f"/api/v1/reports/{other.pk}/figures").json()
    assert {f["key"]: f["value"] for f in figures}["s3.new.total"] == 3
    findings = client.get(f"/api/v1/reports/{own.pk}/findings")
    assert findings.status_code == 200 and isinstance(findings.json(), list)
    assert client.get("/api/v1/reports/99999999999999").status_code in (404, 422)
    assert "/api/v1/reports/{report_id}/figures" in client.get("/api/openapi.json").json()["paths"]


@pytest.mark.django_db
def test_a_report_whose_agency_waits_is_not_published(client, reports):
    own, _other = reports
    own.match = Match.PENDING
    own.save()
    assert own.pk not in [r["id"] for r in client.get("/api/v1/reports").json()]
    assert client.get(f"/api/v1/reports/{own.pk}").status_code == 404


def test_the_data_dictionary_lists_every_key_of_the_formats():
    answer = CliRunner().invoke(main, ["reports", "dictionary"])
    listed = {tuple(row[:2]) for row in csv.reader(io.StringIO(answer.output)) if len(row) == 6}
    with CELLS_CSV.open(encoding="utf-8") as cells:
        spec = {(row["generation"], row["key"]) for row in csv.DictReader(cells)}
    assert spec <= listed
