"""`gongkai check REPORT.json [--previous PREV.json] [--json] [--lang en]`."""

import json

import pytest
from click.testing import CliRunner

from gongkai.cli import main
from gongkai.report import RULEBOOK_VERSION, save_report


@pytest.fixture
def saved(tmp_path):
    def save(report, name="report.json"):
        path = tmp_path / name
        save_report(report, path)
        return str(path)

    return save


def run(*args):
    return CliRunner().invoke(main, ["check", *args])


def test_a_consistent_report_exits_zero_with_a_summary(saved, environment_bureau_2022):
    result = run(saved(environment_bureau_2022))

    assert result.exit_code == 0
    assert "违反0" in result.output
    assert f"规则库 {RULEBOOK_VERSION}" in result.output


def test_an_error_level_finding_exits_one_and_is_shown_in_the_table(saved, environment_bureau_2022):
    environment_bureau_2022.cells["s4.review.total"] = 3

    result = run(saved(environment_bureau_2022))

    assert result.exit_code == 1
    header, row, summary = result.output.splitlines()
    assert header.split() == ["规则", "级别", "说明"]
    assert row.split()[:2] == ["B4-1", "错误"]
    assert row.endswith("行政复议行：总计=3，但结果维持+结果纠正+其他结果+尚未审结=2，相差1")
    assert "错误1" in summary


def test_warnings_alone_exit_zero(saved, environment_bureau_2022, environment_bureau_2021):
    environment_bureau_2022.cells["s2.normative.in_force"] = 12

    result = run(
        saved(environment_bureau_2022), "--previous", saved(environment_bureau_2021, "prev.json")
    )

    assert result.exit_code == 0
    assert "C2-1" in result.output and "警告" in result.output


def test_english_messages_are_available(saved, environment_bureau_2022):
    environment_bureau_2022.cells["s4.review.total"] = 3

    result = run(saved(environment_bureau_2022), "--lang", "en")

    assert "B4-1  error" in result.output
    assert "row administrative reconsideration: total = 3" in result.output
    assert "1 errors" in result.output


def test_json_output_has_the_findings_the_rulebook_version_and_each_rules_status(
    saved, environment_bureau_2022
):
    environment_bureau_2022.cells["s3.carried.natural"] = None

    result = run(saved(environment_bureau_2022), "--json")

    data = json.loads(result.output)
    assert data["rulebook"] == RULEBOOK_VERSION
    finding = data["findings"][0]
    assert set(finding) >= {"rule", "severity", "cells", "message_zh", "message_en"}
    assert finding["outcome"] == "not_assessable"
    statuses = {r["rule"]: r["status"] for r in data["rules"]}
    assert statuses["B3-1"] == "not_assessable"
    assert statuses["B3-5"] == "not_applicable"


def test_unreadable_input_exits_two_with_a_one_line_reason(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")

    result = run(str(broken))

    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("gongkai check: not valid JSON")


def test_a_missing_previous_report_exits_two(saved, environment_bureau_2022, tmp_path):
    result = run(saved(environment_bureau_2022), "--previous", str(tmp_path / "none.json"))

    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_a_document_of_another_format_exits_two(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"format": "other"}', encoding="utf-8")

    result = run(str(path))

    assert result.exit_code == 2
    assert "format must be gongkai.report/1" in result.stderr
