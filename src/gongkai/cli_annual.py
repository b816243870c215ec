"""`gongkai annual …`: the annual report from the platform's records (a thin shell over
gongkai.web.annualreports, which the staff pages use too)."""

import sys

import click


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
