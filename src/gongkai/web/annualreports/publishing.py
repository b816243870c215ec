"""Publishing an approved report: a frozen version, its page, and its catalogue entry.

条例第四十九条 requires the report to be made public; the platform publishes it as a catalogue
entry of the national form 政府信息公开工作年度报告, so the 年报 column and the 目录 list it,
with the DOCX, PDF and XLSX renderings as attachments and the HTML rendering as its page. A
correction is a new version whose entry supersedes the last one; both stay public.
"""

from datetime import date

from django.utils import timezone

from gongkai.report import Report, run_rulebook
from gongkai.report.render import render
from gongkai.statute.vocabularies import ANNUAL_REPORT_FORM
from gongkai.web.annualreports.history import report_of_year, version_of_year
from gongkai.web.annualreports.models import AnnualReport, ReportVersion
from gongkai.web.catalog import services
from gongkai.web.catalog.models.entries import FormCategory, SubjectCategory

ATTACHMENTS = (
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("pdf", "application/pdf"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
)
SUBJECT = "综合政务"  # 主题分类 of the national scheme for an agency's work in general


def publication_document(report: AnnualReport, on: date | None = None) -> Report:
    """The report as published today (or `on`), checked against last year's."""
    document = report.as_report()
    document.published_on = on or timezone.localdate()
    previous = report_of_year(report.agency, report.year - 1)
    document.findings = list(run_rulebook(document, previous).findings)
    return document


def publish(report: AnnualReport, actor, on: date | None = None) -> ReportVersion:
    document = publication_document(report, on)
    earlier = version_of_year(report.agency, report.year)
    number = earlier.number + 1 if earlier else 1
    entry = services.publish_approved(
        report.agency,
        actor,
        files=[
            (f"{report.title}.{fmt}", render(document, fmt), media) for fmt, media in ATTACHMENTS
        ],
        replaces=earlier.entry if earlier else None,
        on=document.published_on,
        title=report.title,
        summary=entry_summary(report, number),
        body=entry_body(document),
        generated_on=document.published_on,
        form=FormCategory.objects.filter(name=ANNUAL_REPORT_FORM, agency=None).first(),
        subject=SubjectCategory.objects.filter(name=SUBJECT, agency=None).first(),
    )
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        document=document.to_dict(),
        html=render(document, "html").decode("utf-8"),
        published_on=document.published_on,
        published_by=actor,
        reason=report.correction_reason if earlier else "",
        entry=entry,
    )
    if report.correction_reason:
        AnnualReport.objects.filter(pk=report.pk).update(correction_reason="")
        report.correction_reason = ""
    return version


def entry_summary(report: AnnualReport, number: int) -> str:
    if number == 1:
        return f"{report.title}（依据《中华人民共和国政府信息公开条例》第四十九条、第五十条）"
    return f"{report.title}（更正版，第{number}版）：{report.correction_reason}"


def entry_body(document: Report) -> str:
    """The prose of the report, for the entry page and search; the tables are attached."""
    parts = [
        f"{section.heading}\n{document.sections[section.numeral]}"
        for section in document.format.sections
        if document.sections.get(section.numeral)
    ]
    return "\n\n".join(parts)
