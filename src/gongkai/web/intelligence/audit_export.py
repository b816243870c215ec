"""The audit table as an XLSX workbook: one row per agency, a column per kind of finding,
and every finding's message in the last column (the 审查意见 say the same per agency)."""

from io import BytesIO

from gongkai.web.intelligence.audit import KIND_LABELS, AuditRow, Kind

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADINGS = ("单位", "统一社会信用代码", "报告来源", "发布日期", "应发布日期",
            *(KIND_LABELS[kind] for kind in Kind), "审查发现")  # fmt: skip


def sheet_row(row: AuditRow) -> list:
    found = row.found
    published = found.published_on.isoformat() if found and found.published_on else ""
    messages = "\n".join(f"{f.label}：{f.message}" for f in row.findings)
    return [row.agency.name, row.agency.code, row.source_label, published,
            row.due_on.isoformat(), *row.counts, messages]  # fmt: skip


def audit_xlsx(rows: list[AuditRow], title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(list(HEADINGS))
    for row in rows:
        sheet.append(sheet_row(row))
    output = BytesIO()
    book.save(output)
    return output.getvalue()
