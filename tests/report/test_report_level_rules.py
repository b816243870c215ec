"""X-1…X-4, V-1, V-2: the format for the year, townships and 规章, blank tables, missing
carry-over rows, and problems found when the JSON was read."""

from gongkai.report import RuleStatus, Severity, load_report, run_rulebook


def test_a_report_in_the_format_of_its_year_passes(environment_bureau_2022):
    assert run_rulebook(environment_bureau_2022).result("X-1").status is RuleStatus.PASSED


def test_it_warns_about_a_2022_report_in_the_2019_format(county_office_2020):
    county_office_2020.year = 2022

    (finding,) = run_rulebook(county_office_2020).result("X-1").findings

    assert finding.severity is Severity.WARNING
    assert finding.message_zh == (
        "2022年度报告应使用C代格式（国办公开办函〔2021〕30号），"
        "但本报告使用B代格式（国办公开办函〔2019〕60号）"
    )


def test_it_warns_about_a_2019_report_in_the_old_statistics_format(education_bureau_2016):
    education_bureau_2016.year = 2019

    (finding,) = run_rulebook(education_bureau_2016).result("X-1").findings

    assert "应使用B代格式" in finding.message_zh


def test_a_township_with_no_regulations_passes(stone_gate_town_2022):
    assert run_rulebook(stone_gate_town_2022).result("X-2").status is RuleStatus.PASSED


def test_it_flags_a_township_that_reports_regulations_it_cannot_make(stone_gate_town_2022):
    stone_gate_town_2022.cells["s2.regulations.issued"] = 1
    stone_gate_town_2022.cells["s2.regulations.in_force"] = 1

    findings = run_rulebook(stone_gate_town_2022).result("X-2").findings

    assert [(f.cells, f.severity) for f in findings] == [
        (("s2.regulations.issued",), Severity.ERROR),
        (("s2.regulations.in_force",), Severity.ERROR),
    ]
    assert (
        findings[0].message_zh
        == "石门镇人民政府是乡镇（街道），无权制定规章，但规章（本年制发件数）=1"
    )


def test_a_street_office_publishing_regulations_in_the_2019_format_is_a_warning(
    county_office_2020,
):
    county_office_2020.agency = "城关街道办事处"
    county_office_2020.cells["s2.regulations.public_total"] = 2

    (finding,) = run_rulebook(county_office_2020).result("X-2").findings

    assert finding.severity is Severity.WARNING


def test_a_city_government_may_report_regulations(environment_bureau_2022):
    environment_bureau_2022.agency = "镇江市人民政府"
    environment_bureau_2022.cells["s2.regulations.issued"] = 2
    environment_bureau_2022.cells["s2.regulations.in_force"] = 2

    result = run_rulebook(environment_bureau_2022).result("X-2")

    assert result.status is RuleStatus.NOT_APPLICABLE
    assert result.findings == ()


def test_tables_with_figures_pass(environment_bureau_2022):
    assert run_rulebook(environment_bureau_2022).result("X-3").status is RuleStatus.PASSED


def test_it_warns_about_a_table_left_entirely_blank(environment_bureau_2022):
    for key in ("s2.penalty.decisions", "s2.coercion.decisions"):
        environment_bureau_2022.cells[key] = None

    (finding,) = run_rulebook(environment_bureau_2022).result("X-3").findings

    assert finding.severity is Severity.WARNING
    assert finding.message_zh == "“第二十条第（六）项”表格的2个单元格全部空白，该表无法核对"


def test_a_heading_row_left_blank_does_not_make_a_table_blank(education_bureau_2016):
    for key in list(education_bureau_2016.cells):
        if key.startswith("proactive.") and key != "proactive.channels":
            del education_bureau_2016.cells[key]

    assert run_rulebook(education_bureau_2016).result("X-3").findings == ()


def test_carry_over_rows_present_pass(environment_bureau_2022):
    assert run_rulebook(environment_bureau_2022).result("X-4").status is RuleStatus.PASSED


def test_it_warns_when_the_carry_over_rows_are_missing(environment_bureau_2022):
    for key in list(environment_bureau_2022.cells):
        if key.startswith("s3.carried."):
            del environment_bureau_2022.cells[key]

    result = run_rulebook(environment_bureau_2022)

    (finding,) = result.result("X-4").findings
    assert finding.severity is Severity.WARNING
    assert len(finding.cells) == 7
    assert finding.message_zh.startswith("结转数据缺失（未列出或空白）：二（自然人）")
    assert result.result("B3-1").status is RuleStatus.NOT_APPLICABLE


def _saved(report, **changes):
    data = report.to_dict()
    data.update(changes)
    return load_report(data)


def test_a_clean_json_document_passes_the_validation_rules(environment_bureau_2022):
    result = run_rulebook(_saved(environment_bureau_2022))
    assert result.result("V-1").status is RuleStatus.PASSED
    assert result.result("V-2").status is RuleStatus.PASSED


def test_it_warns_about_a_cell_key_of_another_generation(environment_bureau_2022):
    data = environment_bureau_2022.to_dict()
    data["cells"]["s2.procurement.amount"] = 3

    (finding,) = run_rulebook(load_report(data)).result("V-1").findings

    assert finding.severity is Severity.WARNING
    assert finding.cells == ("s2.procurement.amount",)
    assert "它属于 B 代格式" in finding.message_zh


def test_it_flags_a_value_that_is_not_a_number_as_an_error(environment_bureau_2022):
    data = environment_bureau_2022.to_dict()
    data["cells"]["s3.new.natural"] = "十二"

    result = run_rulebook(load_report(data))

    (finding,) = result.result("V-2").findings
    assert finding.severity is Severity.ERROR
    assert finding.cells == ("s3.new.natural",)
    assert result.result("B3-1").status is RuleStatus.NOT_ASSESSABLE
