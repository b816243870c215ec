"""`gongkai reports …`: published annual reports in bulk — import files, folders and zip
archives into the platform, export every figure as open data, write the data dictionary (a
thin shell over gongkai.web.intelligence, which the staff pages use too)."""

import sys

import click


@click.group()
def reports() -> None:
    """Published annual reports: bulk import, open-data export, data dictionary."""


@reports.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Read the files in this many processes.")  # fmt: skip
def reports_import(paths: tuple[str, ...], jobs: int) -> None:
    """Import published reports (txt, html, docx, pdf; folders; zip archives).

    Each file is stored once (by its hash: importing it again changes nothing), with what
    the parser read and its agency matched to the platform's agencies or recorded as an
    external agency; a doubtful match waits for staff. Exit status: 0 every file imported
    or already there, 1 some files could not be read (listed on standard error).
    """
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.web.intelligence.runs import count_files, import_paths

    total = count_files(paths)
    with click.progressbar(length=total, label="导入 / importing", file=sys.stderr,
                           show_pos=True) as bar:  # fmt: skip
        tally = import_paths(paths, jobs, progress=lambda _item: bar.update(1))
    for name, why in tally.failed:
        click.echo(f"  未导入 / not imported: {name}: {why}", err=True)
    click.echo(
        f"新导入 {tally.stored} 份，已有未变 {tally.unchanged} 份，无法读取 {len(tally.failed)} 份"
        f" / {tally.stored} imported, {tally.unchanged} already there, "
        f"{len(tally.failed)} unreadable"
    )
    pending = pending_matches()
    if pending:
        click.echo(f"待确认机关 / agencies to confirm: {pending}（工作人员在“已发布报告”页面确认）")
    sys.exit(1 if tally.failed else 0)


def pending_matches() -> int:
    from gongkai.web.intelligence.models import Match, PublishedReport

    return PublishedReport.objects.filter(match=Match.PENDING).count()


@reports.command("export")
@click.option("--to", "fmt", type=click.Choice(["csv", "xlsx", "jsonl", "parquet"]),
              required=True, help="The file format.")  # fmt: skip
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False), required=True,
              help="The file to write.")  # fmt: skip
@click.option("--agency", default=None, help="An agency's code or name.")
@click.option("--region", default=None, help="A region, or the beginning of its name.")
@click.option("--level", default=None, help="An agency level, e.g. county_department.")
@click.option("--year", type=int, default=None, help="The year reported on.")
@click.option("--generation", type=click.Choice(["A", "B", "C"]), default=None,
              help="The report format.")  # fmt: skip
def reports_export(fmt, output_path, agency, region, level, year, generation) -> None:
    """Write every figure of the imported reports, one row per figure (long format: source,
    agency, region, level, year, generation, key, label, unit, value, confidence); corrected
    figures with their corrected value."""
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.web.intelligence.export import write
    from gongkai.web.intelligence.selection import Selection

    selection = Selection(agency, region, level, year, generation)
    with open(output_path, "wb") as output:
        count = write(selection, fmt, output)
    click.echo(f"已写出 {count} 行 / {count} rows written to {output_path}")


@reports.command("dictionary")
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False), default=None,
              help="Write the CSV here instead of printing it.")  # fmt: skip
def reports_dictionary(output_path: str | None) -> None:
    """The data dictionary of the export (CSV): each column, then every cell key of the
    three formats with its label, unit and kind."""
    from gongkai.web.intelligence.dictionary import dictionary_csv

    text = dictionary_csv()
    if output_path:
        with open(output_path, "w", encoding="utf-8-sig", newline="") as output:
            output.write(text)
    else:
        click.echo(text, nl=False)
