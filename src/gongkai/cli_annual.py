"""`gongkai annual …`: the annual report from the platform's records, and the import of
reports published before (a thin shell over gongkai.web.annualreports, which the staff
pages use too)."""

import sys
from pathlib import Path
from typing import NoReturn

import click

from gongkai.report import Severity

SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "备注"}


@click.group()
def annual() -> None:
    """Annual reports (政府信息公开工作年度报告) from the platform's records."""


@annual.command("compile")
@click.option("--agency", "code", required=True, help="The agency's USCC or organisation code.")
@click.option("--year", type=int, required=True, help="The year reported on (2019 or later).")
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False), default=None,
              help="Write the report JSON here instead of printing it.")  # fmt: skip
def annual_compile(code: str, year: int, output_path: str | None) -> None:
    """Compile an agency's report of YEAR from its records; prints gongkai.report/1 JSON.

    The rulebook's findings (with last year's report for the cross-year rules) are in the
    JSON and summed up on standard error. Exit status: 0 compiled, 2 refused.
    """
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.web.agencies.models import Agency
    from gongkai.web.annualreports.compiler import CompileError, compile_report

    agency = Agency.objects.filter(code=code.strip().upper()).first()
    if agency is None:
        click.echo(f"gongkai annual compile: 没有代码为 {code} 的机关", err=True)
        sys.exit(2)
    try:
        compiled = compile_report(agency, year)
    except CompileError as error:
        click.echo(f"gongkai annual compile: {error}", err=True)
        sys.exit(2)
    text = compiled.report.to_json()
    if output_path:
        with open(output_path, "w", encoding="utf-8") as output:
            output.write(text + "\n")
    else:
        click.echo(text)
    findings = compiled.result.findings
    errors = sum(f.severity == "error" for f in findings)
    click.echo(
        f"{compiled.report.agency}{year}年度：{len(findings)}条提示，其中错误{errors}条", err=True
    )


@annual.command("import")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--agency", "code", required=True, help="The agency's USCC or organisation code.")
@click.option(
    "--year",
    type=int,
    default=None,
    help="The year reported on, when the document does not say it (or says it wrong).",
)
@click.option(
    "--published-on",
    "published_on",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The day the report was published (YYYY-MM-DD), when the document lacks it.",
)
def annual_import(path: str, code: str, year: int | None, published_on) -> None:
    """Import a report the agency published before it used the platform (txt, html, docx,
    pdf): prints what was read and the rulebook's findings, then stores it as the agency's
    published report of its year, for the cross-year rules and comparisons.

    Exit status: 0 stored, or already stored (nothing changed); 1 refused, with the reason
    (unknown agency, a report compiled on the platform for that year, a year or publication
    date to state); 2 the file cannot be read as a report.
    """
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.web.agencies.models import Agency
    from gongkai.web.annualreports import imports

    agency = Agency.objects.filter(code=code.strip().upper()).first()
    if agency is None:
        refuse_import(f"没有代码为 {code} 的机关")
    file, day = Path(path), published_on.date() if published_on else None
    try:
        draft = imports.draft_from_document(agency, file.read_bytes(), file.name, year, day)
    except imports.UnreadableDocument as error:
        click.echo(f"gongkai annual import: {error}", err=True)
        sys.exit(2)
    echo_draft(draft)
    try:
        stored = imports.store(draft)
    except imports.ImportRefused as error:
        refuse_import(f"{error}{option_hints(draft)}")
    done = "已导入" if stored.created else "平台上已有这份报告，未作更改"
    click.echo(f"{done}：{agency.name}{stored.report.year}年度报告第{stored.version.number}版")


OPTIONS_FOR_PROBLEMS = {"year": "--year", "published_on": "--published-on"}


def refuse_import(reason: str) -> NoReturn:
    click.echo(f"gongkai annual import: 未导入 / not imported: {reason}", err=True)
    sys.exit(1)


def option_hints(draft) -> str:
    options = [OPTIONS_FOR_PROBLEMS[field] for field in draft.problems()]
    return f"（请用 {'、'.join(options)} 说明）" if options else ""


def echo_draft(draft) -> None:
    """What was read, then each finding, worst first (one line each)."""
    read, document = draft.read, draft.document
    click.echo(
        f"{draft.source_name}：{read.agency or '未署机关名称'} {document.year}年度，"
        f"{document.generation}代格式，读取数字{len(document.cells)}个，"
        f"发布日期{document.published_on or '未知'}"
    )
    order = list(Severity)
    for finding in sorted(document.findings, key=lambda f: order.index(f.severity)):
        click.echo(f"  {SEVERITY_NAMES[finding.severity]} {finding.rule}：{finding.message_zh}")
