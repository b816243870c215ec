"""The command line on bad input (issue 14, defect 11): a clear message and a non-zero exit,
never a traceback — dates the clock cannot count, receipt dates before the 条例 existed, and
reports holding control characters."""

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from gongkai.cli import main

CORPUS = Path(__file__).parents[1] / "report" / "parse" / "corpus"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.django_db
@pytest.mark.parametrize("received", ["9999-12-31", "9999-12-20"])
def test_a_receipt_date_beyond_the_calendar_gives_a_message(received):
    result = run("deadline", "--received", received)
    assert result.exit_code == 2
    assert "超出了日历的范围" in result.output and "Traceback" not in result.output
    assert not isinstance(result.exception, OverflowError)


@pytest.mark.django_db
@pytest.mark.parametrize("received", ["2008-04-30", "1990-01-01", "0001-01-01"])
def test_a_receipt_date_before_the_regulations_existed_is_refused(received):
    result = run("deadline", "--received", received, "--regime", "2008")
    assert result.exit_code == 2
    assert "不能早于2008年5月1日" in result.output


@pytest.mark.django_db
def test_the_first_day_of_the_regulations_is_counted():
    result = run("deadline", "--received", "2008-05-01", "--regime", "2008")
    assert result.exit_code == 0 and result.output.startswith("2008-05-")


@pytest.fixture
def report_with_control_characters(tmp_path) -> Path:
    report = json.loads((CORPUS / "r4C2021_cells.expected.json").read_text())
    report["agency"] = "青山县\x0b财政局\x01"  # pasted from Word, stored before cleaning
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report, ensure_ascii=False))
    return path


def test_render_writes_a_clean_word_file_from_a_report_with_control_characters(
    report_with_control_characters,
):
    result = CliRunner().invoke(
        main, ["render", str(report_with_control_characters), "--to", "docx", "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(io.BytesIO(result.stdout_bytes)).paragraphs)
    assert "青山县\n财政局" in text and "\x01" not in text


def test_render_writes_a_clean_excel_file_too(report_with_control_characters):
    result = CliRunner().invoke(
        main, ["render", str(report_with_control_characters), "--to", "xlsx", "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    book = load_workbook(io.BytesIO(result.stdout_bytes))
    values = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert not any("\x0b" in value or "\x01" in value for value in values)


def test_render_refuses_json_with_a_raw_control_character_with_a_message(tmp_path):
    broken = tmp_path / "report.json"
    text = (CORPUS / "r4C2021_cells.expected.json").read_text()
    broken.write_text(text.replace('"agency": "', '"agency": "\x0b', 1))
    result = run("render", str(broken), "--to", "html")
    assert result.exit_code == 2
    assert "not valid JSON" in result.output and "Traceback" not in result.output
