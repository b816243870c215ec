"""The audit of a year's reports for a supervising office: 青山县人民政府 (carol supervises it)
audits 2025 below it — 财政局 published on the platform after 1月31日 (late), 自然资源局's
imported report with an arithmetic error, a break against its imported 2024 report and blank
cells, 国库股's imported report in the wrong generation, 青山镇 with none (missing). Read
back: the table, the XLSX, the 审查意见 (DOCX and PDF), a correction reaching the audit."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

from gongkai.report.formats import GENERATIONS
from gongkai.web.intelligence.audit import Kind, Source, audit, audit_one
from gongkai.web.intelligence.models import Figure, Match, PublishedReport
from gongkai.web.intelligence.review import correct

YEAR = 2025


def imported(agency, year, generation="C", changes=None, blank=(), published_on=None):
    """A report imported for `agency`: every cell of its format 0, then `changes`."""
    cells = dict.fromkeys(GENERATIONS[generation].cells, 0) | (changes or {})
    cells |= dict.fromkeys(blank)
    report = PublishedReport.objects.create(
        sha256=f"{agency.pk:08d}{year}{generation}".ljust(64, "0"), source_name="r.txt",
        document={"format": "gongkai.report/1", "generation": generation, "year": year,
                  "cells": cells}, generation=generation, year=year, agency_name=agency.name,
        agency=agency, match=Match.TREE, published_on=published_on)  # fmt: skip
    Figure.objects.bulk_create(
        Figure(report=report, agency=agency, year=year, generation=generation, key=key,
               value=None if value is None else Decimal(value))
        for key, value in cells.items()
    )  # fmt: skip
    return report


@pytest.fixture
def year_of_reports(county, finance, land, town, treasury):
    imported(land, YEAR - 1, changes={"s3.carry_forward.total": 2,
                                      "s3.carry_forward.natural": 2})  # fmt: skip
    imported(land, YEAR, published_on=date(2026, 1, 20), blank=("s2.fees.amount",),
             changes={"s3.new.total": 3, "s3.new.natural": 1, "s3.new.commercial": 1})  # fmt: skip
    imported(treasury, YEAR, generation="B", published_on=date(2026, 1, 10))
    return county


@pytest.fixture
def late_finance(year_of_reports, finance, frank, publish_report):
    publish_report(finance, YEAR, frank, frank)  # today: after its due date
    return year_of_reports


def findings_of(row, kind):
    return [f.message for f in row.findings if f.kind is kind]


def test_every_agency_below_the_office_with_what_is_wrong(late_finance, finance, land, town,
                                                          treasury):  # fmt: skip
    imported(finance, YEAR, changes={"s3.new.total": 9})  # another document than it published
    rows = {row.agency: row for row in audit(late_finance, YEAR)}
    assert set(rows) == {finance, land, town, treasury}
    assert rows[town].findings[0].kind is Kind.MISSING and rows[town].found is None
    assert (
        "青山镇" in rows[town].findings[0].message
        and "2026年1月31日" in rows[town].findings[0].message
    )
    late = findings_of(rows[finance], Kind.LATE)
    assert rows[finance].found.source is Source.COMPILED  # the platform's own publication
    assert rows[finance].count(Kind.ARITHMETIC) == 0
    assert len(late) == 1 and "晚于《条例》第四十九条规定的2026年1月31日" in late[0]
    assert rows[treasury].found.source is Source.IMPORTED
    assert any(
        "2025年度报告应使用C代格式" in m for m in findings_of(rows[treasury], Kind.GENERATION)
    )
    assert rows[land].count(Kind.LATE) == 0


def test_arithmetic_cross_year_and_blank_findings_say_the_numbers(year_of_reports, land):
    row = audit_one(land, YEAR)
    arithmetic = findings_of(row, Kind.ARITHMETIC)
    assert arithmetic and any("3" in m and "2" in m for m in arithmetic)
    # 2024 carried 2 forward; 2025's 上年结转 is 0.
    assert any("2" in m and "0" in m for m in findings_of(row, Kind.CROSS_YEAR))
    assert findings_of(row, Kind.BLANK)
    assert all(f.rule for f in row.findings if f.kind is not Kind.LATE)


def test_a_corrected_figure_changes_the_audit(year_of_reports, land, frank):
    before = audit_one(land, YEAR).count(Kind.ARITHMETIC)
    figure = Figure.objects.get(agency=land, year=YEAR, key="s3.new.total")
    correct(figure, Decimal(2), frank)
    assert audit_one(land, YEAR).count(Kind.ARITHMETIC) < before


def test_the_supervisor_reads_the_table_and_downloads_it(late_finance, carol, client, password):
    client.login(username="carol", password=password)
    page = client.get(f"/work/audits/{late_finance.code}/{YEAR}/").content.decode()
    assert "青山县青山镇人民政府" in page and "青山县财政局国库股" in page
    assert (
        client.get("/work/audits/").content.decode().count(f"/work/audits/{late_finance.code}/")
        == 3
    )
    response = client.get(f"/work/audits/{late_finance.code}/{YEAR}/audit.xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"青山县财政局", "青山县自然资源局", "青山县青山镇人民政府",
                         "青山县财政局国库股"}  # fmt: skip
    assert rows["青山县青山镇人民政府"][5] == 1  # 未发布年度报告
    assert sheet.cell(1, 6).value == "未发布年度报告"
    assert "未发布2025年度" in rows["青山县青山镇人民政府"][-1]
    assert rows["青山县财政局"][2] == "平台发布的年度报告" and rows["青山县财政局"][6] == 1


def test_the_opinion_is_an_official_letter_in_docx_and_pdf(year_of_reports, carol, client,
                                                           password, land):  # fmt: skip
    client.login(username="carol", password=password)
    base = f"/work/audits/{year_of_reports.code}/{YEAR}/{land.code}/"
    page = client.get(base).content.decode()
    assert "数字勾稽错误" in page and "与上年报告不衔接" in page
    docx = client.get(base + "opinion.docx")
    text = "\n".join(p.text for p in Document(BytesIO(docx.content)).paragraphs)
    assert "关于青山县自然资源局2025年度政府信息公开工作年度报告的审查意见" in text
    assert "青山县自然资源局：" in text and "青山县人民政府" in text
    assert "数字勾稽错误" in text and "与上年报告不衔接" in text
    pdf = client.get(base + "opinion.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_an_agency_outside_the_subtree_or_a_clerk_gets_nothing(year_of_reports, alice, carol,
                                                               client, password, neighbour,
                                                               finance):  # fmt: skip
    client.login(username="carol", password=password)
    assert client.get(f"/work/audits/{neighbour.code}/{YEAR}/").status_code == 404
    office = year_of_reports.code
    assert client.get(f"/work/audits/{office}/{YEAR}/{neighbour.code}/").status_code == 404
    assert client.get(f"/work/audits/{office}/{YEAR}/{office}/").status_code == 404
    assert client.get(f"/work/audits/{office}/1999/").status_code == 404
    client.login(username="alice", password=password)
    assert client.get(f"/work/audits/{office}/{YEAR}/").status_code == 404
    assert client.get("/work/audits/").status_code == 403
