"""Importing yearly section-二 figures from CSV and XLSX: every row checked, precise errors in
Chinese with row numbers, and nothing imported unless every row is right."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from gongkai.web.catalog.imports import import_yearly_figures
from gongkai.web.catalog.models import FigureSource, YearlyFigure, YearlyFigureRevision
from gongkai.web.catalog.registry import section_two_figures

HEADER = ["机关代码", "年度", "指标", "数值"]


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def csv_file(rows, name="figures.csv", encoding="utf-8") -> SimpleUploadedFile:
    text = "\n".join(",".join(str(cell) for cell in row) for row in rows) + "\n"
    return SimpleUploadedFile(name, text.encode(encoding))


def xlsx_file(rows, name="figures.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def figures_of(agency) -> dict:
    return {(f.year, f.key): f.typed_value for f in YearlyFigure.objects.filter(agency=agency)}


def messages(result) -> list[str]:
    return [str(error) for error in result.errors]


def test_a_csv_of_canonical_keys_is_imported_with_its_provenance(finance, dave):
    result = import_yearly_figures(
        csv_file(
            [
                HEADER,
                [finance.code, 2023, "s2.licensing.decisions", 128],
                [finance.code, 2023, "s2.fees.amount", "26.0480"],
            ]
        ),
        dave,
    )

    assert result.ok, messages(result)
    assert (result.rows, result.created) == (2, 2)
    assert figures_of(finance) == {
        (2023, "s2.licensing.decisions"): 128,
        (2023, "s2.fees.amount"): Decimal("26.048"),
    }
    figure = YearlyFigure.objects.get(key="s2.fees.amount")
    assert (figure.source, figure.provenance, figure.entered_by) == (
        FigureSource.IMPORTED,
        "figures.csv:3",
        dave,
    )


def test_an_xlsx_with_the_chinese_labels_of_cells_csv_is_imported(finance, dave):
    result = import_yearly_figures(
        xlsx_file(
            [
                ["机关名称", "年度", "指标", "数值"],
                ["青山县财政局", 2022, "第二十条第（六）项 行政处罚 本年处理决定数量", 31],
                ["青山县财政局", "2022年", "第二十条第（八）项 行政事业性收费 本年收费金额", 12.5],
                ["青山县财政局", 2022, "行政强制 本年处理决定数量", 0],
            ]
        ),
        dave,
    )

    assert result.ok, messages(result)
    assert figures_of(finance) == {
        (2022, "s2.penalty.decisions"): 31,
        (2022, "s2.fees.amount"): Decimal("12.5"),
        (2022, "s2.coercion.decisions"): 0,
    }
    assert section_two_figures(finance, 2022, "C")["s2.penalty.decisions"] == 31


def test_generation_b_labels_and_amounts_in_yuan_are_understood(finance, dave):
    result = import_yearly_figures(
        csv_file(
            [
                HEADER,
                [finance.code, 2019, "第二十条第（六）项 行政处罚 本年增/减", -8],
                [finance.code, 2019, "第二十条第（九）项 政府集中采购 采购总金额", "251000元"],
            ]
        ),
        dave,
    )

    assert result.ok, messages(result)
    assert figures_of(finance) == {
        (2019, "s2.penalty.change"): -8,
        (2019, "s2.procurement.amount"): Decimal("25.1"),
    }


def test_one_bad_row_imports_nothing_and_every_error_names_its_row(finance, dave):
    result = import_yearly_figures(
        csv_file(
            [
                HEADER,
                [finance.code, 2023, "s2.licensing.decisions", 5],
                ["913500000000000000", 2023, "s2.penalty.decisions", 1],
                [finance.code, 2023, "行政许可的数量", 3],
                [finance.code, 2023, "s2.coercion.decisions", -2],
                [finance.code, 2023, "s2.penalty.decisions", "十二"],
            ]
        ),
        dave,
    )

    assert not result.ok
    assert [error.row for error in result.errors] == [3, 4, 5, 6]
    assert messages(result)[0].startswith("第3行：未知机关913500000000000000")
    assert messages(result)[1] == "第4行：未知指标“行政许可的数量”。"
    assert messages(result)[2] == "第5行：该指标不能为负数。"
    assert messages(result)[3] == "第6行：数值“十二”不是数字。"
    assert not YearlyFigure.objects.exists()
    assert not YearlyFigureRevision.objects.exists()


def test_a_figure_of_the_other_format_is_refused_for_that_year(finance, dave):
    result = import_yearly_figures(
        csv_file([HEADER, [finance.code, 2020, "s2.fees.amount", 3]]), dave
    )

    assert [error.row for error in result.errors] == [2]
    assert "国办公开办函〔2019〕60号" in messages(result)[0]


def test_registry_counts_cannot_be_imported(finance, dave):
    result = import_yearly_figures(
        csv_file([HEADER, [finance.code, 2023, "第二十条第（一）项 规章 本年制发件数", 1]]), dave
    )

    assert messages(result) == [
        "第2行：s2.regulations.issued由规章和行政规范性文件登记自动统计，不能录入。"
    ]


def test_the_same_figure_twice_in_a_file_is_refused(finance, dave):
    result = import_yearly_figures(
        csv_file(
            [
                HEADER,
                [finance.code, 2023, "s2.licensing.decisions", 5],
                [finance.code, 2023, "第二十条第（五）项 行政许可 本年处理决定数量", 6],
            ]
        ),
        dave,
    )

    assert messages(result) == ["第3行：与第2行重复。"]
    assert not YearlyFigure.objects.exists()


def test_a_file_without_the_required_columns_is_refused_as_a_whole(finance, dave):
    result = import_yearly_figures(csv_file([["机关代码", "年份", "指标"], [finance.code]]), dave)

    assert messages(result) == ["缺少列：年度、数值。"]


def test_a_file_that_is_not_a_spreadsheet_is_refused(dave):
    result = import_yearly_figures(SimpleUploadedFile("x.xlsx", b"PK\x03\x04broken"), dave)

    assert messages(result) == ["文件不是可读取的 XLSX 工作簿。"]


def test_a_csv_saved_by_chinese_excel_is_read(finance, dave):
    rows = [["机关名称", "年度", "指标", "数值"], ["青山县财政局", 2023, "s2.penalty.decisions", 9]]

    result = import_yearly_figures(csv_file(rows, encoding="gb18030"), dave)

    assert result.ok, messages(result)
    assert figures_of(finance) == {(2023, "s2.penalty.decisions"): 9}


def test_importing_again_changes_only_what_differs_and_keeps_the_history(finance, dave):
    rows = [HEADER, [finance.code, 2023, "s2.penalty.decisions", 9]]
    import_yearly_figures(csv_file(rows), dave)

    again = import_yearly_figures(csv_file(rows), dave)
    corrected = import_yearly_figures(
        csv_file([HEADER, [finance.code, 2023, "s2.penalty.decisions", 11]], name="fix.csv"),
        dave,
    )

    assert (again.unchanged, again.created, again.updated) == (1, 0, 0)
    assert (corrected.updated, corrected.created) == (1, 0)
    revisions = YearlyFigureRevision.objects.values_list("value", "provenance")
    assert list(revisions) == [(9, "figures.csv:2"), (11, "fix.csv:2")]


def test_a_clerk_of_another_agency_cannot_import_figures_for_it(finance, bob):
    result = import_yearly_figures(
        csv_file([HEADER, [finance.code, 2023, "s2.penalty.decisions", 9]]), bob
    )

    assert [error.row for error in result.errors] == [2]
    assert not YearlyFigure.objects.exists()


def test_an_administrator_imports_only_for_the_agencies_they_manage(finance, land, dave):
    result = import_yearly_figures(
        csv_file(
            [
                HEADER,
                [finance.code, 2023, "s2.penalty.decisions", 9],
                [land.code, 2023, "s2.penalty.decisions", 4],
            ]
        ),
        dave,
    )

    assert [error.row for error in result.errors] == [3]
    assert not YearlyFigure.objects.exists()


def test_an_administrator_imports_figures_from_the_page(client, dave, finance):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(dave)
    csv = f"机关代码,年度,指标,数值\n{finance.code},2024,s2.licensing.decisions,12\n"
    upload = SimpleUploadedFile("figures.csv", csv.encode())
    html = client.post("/work/catalog/figures/import/", {"file": upload}).content.decode()
    assert "共读取 1 行：新增 1 项" in html


def test_a_clerk_cannot_open_the_import_page(client, alice):
    client.force_login(alice)
    assert client.get("/work/catalog/figures/import/").status_code == 403
