"""`gongkai parse`: one file → one JSON object; many → JSON Lines in input order; CSV; errors."""

import csv
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from gongkai.cli import main

CORPUS = Path(__file__).parent / "corpus"
REPORT_C = CORPUS / "r4C2021_piped.txt"
REPORT_B = CORPUS / "r2B2019_cells.txt"


def run(*args: str):
    return CliRunner().invoke(main, ["parse", *args])


def test_one_file_prints_one_json_object_with_its_cells():
    result = run(str(REPORT_C))
    expected = json.loads(REPORT_C.with_suffix(".expected.json").read_text())
    report = json.loads(result.output)
    assert result.exit_code == 0
    printed = {k: v for k, v in expected["cells"].items() if v is not None}
    assert {k: report["cells"][k] for k in printed} == printed


def test_several_files_give_json_lines_in_input_order_with_their_source():
    result = run(str(REPORT_C), str(REPORT_B))
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(row["source"], row["generation"]) for row in rows] == [
        (str(REPORT_C), "C"), (str(REPORT_B), "B"),
    ]  # fmt: skip


def test_a_directory_is_parsed_file_by_file_in_parallel(tmp_path):
    for path in (REPORT_C, REPORT_B):
        shutil.copy(path, tmp_path / path.name)
    result = run(str(tmp_path), "--jobs", "2")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [Path(row["source"]).name for row in rows] == sorted([REPORT_C.name, REPORT_B.name])


def test_the_csv_has_one_row_per_figure(tmp_path):
    out = tmp_path / "figures.csv"
    result = run(str(REPORT_C), "--csv", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert result.exit_code == 0
    assert list(rows[0]) == ["source", "generation", "year", "agency", "key", "value", "unit"]
    fees = next(row for row in rows if row["key"] == "s2.fees.amount")
    assert (fees["generation"], fees["year"], fees["unit"]) == ("C", "2021", "万元")


def test_an_unreadable_file_is_reported_and_the_others_continue(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    result = CliRunner().invoke(main, ["parse", str(broken), str(REPORT_C)])
    assert result.exit_code == 1
    assert "broken.pdf" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert json.loads(result.stdout)["generation"] == "C"
