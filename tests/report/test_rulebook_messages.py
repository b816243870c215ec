"""The exact words of findings, pinned: the rulebook may get faster, its messages may not move.

Each test breaks the fixtures the way a real report goes wrong and compares both languages
byte for byte, one test per way the engine names cells.
"""

from gongkai.report import Report, run_rulebook
from gongkai.report.findings import Finding


def messages(report: Report, rule: str, previous: Report | None = None) -> list[tuple[str, str]]:
    findings: tuple[Finding, ...] = run_rulebook(report, previous).result(rule).findings
    return [(finding.message_zh, finding.message_en) for finding in findings]


def test_cells_of_one_column_are_named_by_their_rows(environment_bureau_2022):
    environment_bureau_2022.cells["s3.new.natural"] += 2

    assert messages(environment_bureau_2022, "B3-1") == [
        (
            "自然人列：一+二=11，但（七）总计+四=9，相差2",
            "column natural persons: new + carried = 11, but total + carried forward = 9 "
            "(difference 2)",
        )
    ]


def test_cells_of_one_row_are_named_by_their_columns(environment_bureau_2022):
    environment_bureau_2022.cells["s4.review.upheld"] = 0

    assert messages(environment_bureau_2022, "B4-1") == [
        (
            "行政复议行：总计=2，但结果维持+结果纠正+其他结果+尚未审结=1，相差1",
            "row administrative reconsideration: total = 2, but upheld + corrected + "
            "other outcome + pending = 1 (difference 1)",
        )
    ]


def test_a_sum_with_its_own_name_keeps_the_row_as_subject(environment_bureau_2022):
    environment_bureau_2022.cells["s3.new.natural"] += 2

    assert messages(environment_bureau_2022, "B3-3") == [
        (
            "一行：总计=12，但各类申请人之和=14，相差2",
            "row new: total = 12, but the sum of the applicant columns = 14 (difference 2)",
        )
    ]


def test_last_years_cells_and_subtracted_cells_say_so(
    environment_bureau_2022, environment_bureau_2021
):
    environment_bureau_2022.cells["s2.normative.in_force"] = 11

    assert messages(environment_bureau_2022, "C2-1", environment_bureau_2021) == [
        (
            "行政规范性文件行：现行有效件数=11，但上年现行有效件数+本年制发件数−本年废止件数=10，"
            "相差1",
            "row normative documents: in force = 11, but last year's in force + issued this "
            "year − repealed this year = 10 (difference 1)",
        )
    ]


def test_a_previous_report_of_the_wrong_year_is_explained(
    county_office_2020, environment_bureau_2021
):
    assert messages(county_office_2020, "B2-1", environment_bureau_2021) == [
        (
            "所给上一年度报告是2021年度的，不是2019年度的，无法跨年核对",
            "the previous report given is for 2021, not 2019: cannot compare the years",
        )
    ]


def test_cells_without_a_shared_row_or_column_get_their_full_names(education_bureau_2016):
    education_bureau_2016.cells["proactive.via_website"] = 130

    assert messages(education_bureau_2016, "A-7") == [
        (
            "主动公开政府信息数=120，少于政府网站公开政府信息数=130",
            "proactive total = 120 is less than proactive via website = 130",
        )
    ]


def test_a_value_of_the_wrong_kind_is_named_with_its_row_and_column(environment_bureau_2022):
    environment_bureau_2022.cells["s4.review.upheld"] = -1

    assert messages(environment_bureau_2022, "B4-4") == [
        (
            "行政复议（结果维持）=-1：不能为负数",
            "administrative reconsideration (upheld) = -1 must not be negative",
        )
    ]


def test_more_than_six_blank_cells_are_counted_not_listed(environment_bureau_2022):
    for column in ("research", "legal", "other"):
        environment_bureau_2022.cells[f"s3.granted.{column}"] = None
        environment_bureau_2022.cells[f"s3.partial.{column}"] = None
    environment_bureau_2022.cells["s3.granted.nonprofit"] = None

    assert messages(environment_bureau_2022, "B3-2") == [
        (
            "无法核对：（一）（科研机构）、（二）（科研机构）、（一）（社会公益组织）、"
            "（一）（法律服务机构）、（二）（法律服务机构）、（一）（其他）等7个单元格空白或无法识别",
            "not assessable: granted (research bodies); partly granted (research bodies); "
            "granted (non-profits); granted (legal services); partly granted (legal services); "
            "granted (other organisations) and 1 more cells blank or unreadable",
        )
    ]


def test_a_blank_table_is_named_by_its_title(environment_bureau_2022):
    environment_bureau_2022.cells["s2.fees.amount"] = None

    assert messages(environment_bureau_2022, "X-3") == [
        (
            "“第二十条第（八）项”表格的1个单元格全部空白，该表无法核对",
            "all 1 cells of the table “第二十条第（八）项” are blank: nothing can be checked",
        )
    ]
