"""`gongkai render REPORT.json --to html|docx|pdf|xlsx [-o FILE]`."""

import json

import pytest
from click.testing import CliRunner

from gongkai.cli import main
from gongkai.report import save_report


@pytest.fixture
def report_json(tmp_path, environment_bureau_2022):
    path = tmp_path / "bureau.json"
    save_report(environment_bureau_2022, path)
    return path


def run(*args: str):
    return CliRunner().invoke(main, ["render", *args])


def test_it_writes_the_document_beside_the_report_by_default(report_json):
    result = run(str(report_json), "--to", "docx")
    assert result.exit_code == 0, result.output
    written = report_json.with_suffix(".docx")
    assert result.output.strip() == str(written)
    assert written.read_bytes().startswith(b"PK")


def test_it_writes_where_it_is_told(report_json, tmp_path):
    target = tmp_path / "out" / "年报.xlsx"
    target.parent.mkdir()
    assert run(str(report_json), "--to", "xlsx", "-o", str(target)).exit_code == 0
    assert target.read_bytes().startswith(b"PK")


def test_a_dash_writes_to_standard_output(report_json):
    result = run(str(report_json), "--to", "html", "-o", "-")
    assert result.exit_code == 0
    assert "<h1" in result.output and "青山县生态环境局" in result.output


def test_a_missing_report_is_a_clear_error(tmp_path):
    result = run(str(tmp_path / "nowhere.json"), "--to", "pdf")
    assert result.exit_code == 2
    assert "gongkai render: cannot read" in result.output and "nowhere.json" in result.output


def test_a_file_that_is_no_report_is_a_clear_error(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "gongkai.report/1", "generation": "Z"}))
    result = run(str(path), "--to", "html")
    assert result.exit_code == 2
    assert result.output.startswith("gongkai render: ") and "generation" in result.output
    assert not path.with_suffix(".html").exists()


def test_an_unknown_format_is_refused(report_json):
    result = run(str(report_json), "--to", "odt")
    assert result.exit_code == 2
    assert "'odt' is not one of 'html', 'docx', 'pdf', 'xlsx'" in result.output


def test_an_unwritable_output_is_a_clear_error(report_json, tmp_path):
    result = run(str(report_json), "--to", "html", "-o", str(tmp_path / "no" / "dir.html"))
    assert result.exit_code == 2
    assert "gongkai render: cannot write" in result.output
