"""The `gongkai` command: one entry point for the library and the web platform.

Commands are thin shells over library functions. Commands that need the database set up
Django first; the report and statute commands never touch it.
"""

import os
import sys
from contextlib import nullcontext

import click

from gongkai import __version__
from gongkai.cli_annual import annual
from gongkai.cli_ops import backup, restore
from gongkai.cli_reports import reports
from gongkai.report.render import FORMATS as REPORT_FORMATS
from gongkai.statute.clock import FIRST_IN_FORCE, REGIMES
from gongkai.statute.receipt import Channel


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
    import django

    django.setup()


def call_django(*args: str) -> None:
    setup_django()
    from django.core.management import call_command

    call_command(*args)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gongkai")
def main() -> None:
    """Gongkai (公开) — 政府信息公开平台 / open government information platform."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, envvar="PORT")
@click.option(
    "--threads", type=click.IntRange(1), help="Threads (waitress: 8; --production: 4 per worker)."
)
@click.option(
    "--production", is_flag=True,
    help="gunicorn with several worker processes, static files collected and compressed, "
    "JSON logs; refuses to start while an account has the demo password.",
)  # fmt: skip
@click.option(
    "--workers", type=click.IntRange(1), help="--production: processes (default: 2 per core)."
)
def serve(host: str, port: int, threads: int | None, production: bool, workers: int | None) -> None:
    """Serve the web platform: waitress for one machine, or gunicorn with --production.

    Refuses an address other machines can reach while an active account has the demo's
    published password."""
    if production:
        serve_production(host, port, workers, threads)
        return
    setup_django()
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    from gongkai.web.ops.demo_guard import DemoPasswordInUse, refuse_demo_password
    from gongkai.web.wsgi import application

    call_command("check", databases=["default"])
    try:
        refuse_demo_password([host], production=False)
    except DemoPasswordInUse as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Gongkai 正在运行 / serving on http://{host}:{port}/  (Ctrl-C 停止)")
    waitress_serve(application, host=host, port=port, threads=threads or 8, ident="gongkai")


def serve_production(host: str, port: int, workers: int | None, threads: int | None) -> None:
    """gunicorn in this process, configured by gongkai.web.ops.gunicorn_conf (which checks,
    guards and collects the static files before listening)."""
    from gunicorn.app.wsgiapp import WSGIApplication

    bound = f"[{host}]" if ":" in host and not host.startswith("[") else host
    argv = ["-c", "python:gongkai.web.ops.gunicorn_conf", "--bind", f"{bound}:{port}"]
    argv += ["--workers", str(workers)] if workers else []
    argv += ["--threads", str(threads)] if threads else []
    sys.argv = ["gongkai serve --production", *argv]
    WSGIApplication("%(prog)s [OPTIONS]").run()


@main.command()
def migrate() -> None:
    """Create or update the database tables, and say which migrations that applied."""
    setup_django()
    from gongkai.web.ops.migrate import migrate as apply_migrations
    from gongkai.web.ops.migrate import report

    for line in report(apply_migrations()):
        click.echo(line)


@main.command()
def demo() -> None:
    """Load the demo county (idempotent) and print the demo logins."""
    setup_django()
    from gongkai.web.agencies.demo import DEMO_PASSWORD, load_demo
    from gongkai.web.annualreports.demo import load_demo_reports
    from gongkai.web.appeals.demo import load_demo_appeals
    from gongkai.web.applications.demo import ANSWERED_QUERY_CODE, load_demo_applications
    from gongkai.web.catalog.demo import load_demo_catalog
    from gongkai.web.catalog.demo_registry import load_demo_registry
    from gongkai.web.intelligence.demo import load_demo_published_reports
    from gongkai.web.interpretations.demo import load_demo_interpretations
    from gongkai.web.kiosk.demo import load_demo_reading_points
    from gongkai.web.mailbox.demo import load_demo_questions

    accounts = load_demo()
    cases = load_demo_applications()
    entries = load_demo_catalog()
    documents = load_demo_registry()
    appeals = load_demo_appeals()
    interpretations = load_demo_interpretations()
    questions = load_demo_questions()
    points = load_demo_reading_points()
    reports = load_demo_reports()
    published = load_demo_published_reports()
    click.echo(
        "演示数据已就绪 / demo data loaded. 登录 / logins (password: " + DEMO_PASSWORD + "):"
    )
    for account in accounts:
        click.echo(f"  {account.username:<14} {account.description}")
    click.echo(f"演示依申请公开案件 / demo applications: {cases}")
    click.echo(
        f"  已办结案件的查询码 / query code of an answered case: {ANSWERED_QUERY_CODE}"
        "（查看文书输入 1234 / letters open with 1234）"
    )
    click.echo(f"演示目录条目 / demo catalogue entries: {entries}")
    click.echo(f"演示规范性文件 / demo normative documents: {documents}")
    click.echo(f"演示复议诉讼案件 / demo appeals: {appeals}")
    click.echo(f"演示政策解读和回应关切 / demo interpretations and responses: {interpretations}")
    click.echo(f"演示年度报告（2025年度，已发布）/ demo annual reports published: {reports}")
    click.echo(f"演示导入的已发布报告 / demo imported published reports: {published}")
    click.echo(f"演示政府信息查阅点 / demo reading points (/kiosk/qingshan-archives/): {points}")
    click.echo(f"演示政民互动留言 / demo mailbox questions: {questions}")


@main.command()
@click.option(
    "--interval", default=1.0, show_default=True, type=click.FloatRange(min=0.1),
    help="Seconds between looks at an empty queue.",
)  # fmt: skip
@click.option(
    "--no-scheduler", is_flag=True,
    help="Run queued tasks only; another worker enqueues the periodic jobs.",
)  # fmt: skip
def worker(interval: float, no_scheduler: bool) -> None:
    """Run the background work: queued tasks and the periodic jobs (reminders, nightly
    counts). SIGTERM or Ctrl-C stops it once the running task is done."""
    setup_django()
    import logging

    from gongkai.web.jobs.schedule import PERIODIC
    from gongkai.web.jobs.worker import run_worker

    for name in ("django_tasks_db", "django.tasks", "gongkai.web.jobs"):
        logging.getLogger(name).setLevel(logging.INFO)
    click.echo("后台任务已启动 / worker started (Ctrl-C 停止)")
    for job in [] if no_scheduler else PERIODIC.values():
        click.echo(f"  {job.name}: {job.when}")
    try:
        run_worker(interval=interval, schedule=not no_scheduler)
    finally:
        click.echo("后台任务已停止 / worker stopped")


@main.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command (createsuperuser, shell, …)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai manage", *args])


@main.command()
@click.argument("report_path", metavar="REPORT.json")
@click.option("--previous", "previous_path", metavar="PREV.json", help="Last year's report.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def check(report_path: str, previous_path: str | None, as_json: bool, lang: str) -> None:
    """Check an annual report against the rulebook (勾稽关系).

    Exit status: 0 no error, 1 error-level findings, 2 unreadable input.
    """
    from gongkai.report import ReportError, load_report, run_rulebook
    from gongkai.report.jsonio import dumps
    from gongkai.report.rulebook.text import findings_table, result_to_json

    try:
        report = load_report(report_path)
        previous = load_report(previous_path) if previous_path else None
    except ReportError as error:
        click.echo(f"gongkai check: {error}", err=True)
        sys.exit(2)
    result = run_rulebook(report, previous)
    click.echo(dumps(result_to_json(result)) if as_json else findings_table(result, lang))
    sys.exit(1 if result.has_errors else 0)


@main.command()
@click.option(
    "--received",
    "received_on",
    required=True,
    type=click.DateTime(["%Y-%m-%d"]),
    help="收到申请之日 (YYYY-MM-DD), as fixed by 条例第三十一条.",
)
@click.option(
    "--channel",
    type=click.Choice([c.value for c in Channel]),
    default=None,
    help="How the application arrived; explains what the receipt date means.",
)
@click.option(
    "--pause",
    "pauses",
    multiple=True,
    metavar="START:END",
    help="Days not counted, both included (consultation, fee window). Repeatable.",
)
@click.option(
    "--extend", "extension", default=0, type=int, help="Approved extension, working days."
)
@click.option(
    "--regime",
    type=click.Choice(list(REGIMES)),
    default="2019",
    help="2019: 20 + 20 working days; 2008: 15 + 15 (cases under the 2007 条例).",
)
@click.option("--explain", is_flag=True, help="Explain the count day by day, in Chinese.")
def deadline(received_on, channel, pauses, extension, regime, explain) -> None:
    """When the reply to a disclosure application is due (条例第三十三条).

    The first line is the due date (ISO), followed by " provisional" when a year without an
    official holiday schedule was involved.
    """
    from gongkai.statute.clock import answer_deadline
    from gongkai.statute.explain import explain as explain_deadline
    from gongkai.statute.receipt import receipt_line

    if received_on.date() < FIRST_IN_FORCE:
        raise click.BadParameter(
            "收到申请之日不能早于2008年5月1日（《政府信息公开条例》施行之日）",
            param_hint="--received",
        )
    try:
        parsed = [parse_pause(text) for text in pauses]
        result = answer_deadline(
            received_on.date(), parsed, extension, REGIMES[regime], platform_calendar()
        )
    except OverflowError:
        raise click.BadParameter(
            "日期太远，答复期限超出了日历的范围（公元9999年）", param_hint="--received"
        ) from None
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    click.echo(result.due.isoformat() + (" provisional" if result.provisional else ""))
    if explain:
        if channel:
            click.echo(receipt_line(Channel(channel)))
        for line in explain_deadline(result):
            click.echo(line)


def platform_calendar():
    """The calendar with the years entered on this platform, or the seeded one without a
    database (the command also works on a machine that only has the library)."""
    from django.db import DatabaseError

    from gongkai.statute.calendar import official_calendar

    try:
        setup_django()
        from gongkai.web.workcalendar.calendar import current_calendar

        return current_calendar()
    except DatabaseError:
        return official_calendar()


def parse_pause(text: str):
    from datetime import date

    from gongkai.statute.clock import Pause

    first, _, last = text.partition(":")
    try:
        return Pause(date.fromisoformat(first), date.fromisoformat(last or first))
    except ValueError as error:
        raise ValueError(f"--pause {text!r}: {error}（格式 YYYY-MM-DD:YYYY-MM-DD）") from None


@main.group()
def calendar() -> None:
    """The official working-day calendar (holidays and 调休 make-up days)."""


@calendar.command("add-year")
@click.argument("year", type=int)
@click.option(
    "--holiday",
    "holidays",
    multiple=True,
    metavar="FIRST..LAST=NAME",
    help="A holiday period, e.g. 2027-02-05..2027-02-11=春节. Repeatable.",
)
@click.option(
    "--workday",
    "makeup",
    multiple=True,
    metavar="DATE=NAME",
    help="A Saturday or Sunday that is worked, e.g. 2027-02-14=春节调休. Repeatable.",
)
@click.option(
    "--source", required=True, help="The State Council notice, e.g. 国办发明电〔2026〕7号."
)
def calendar_add_year(year, holidays, makeup, source) -> None:
    """Enter a year's 部分节假日安排; the worker recounts open cases' deadlines."""
    setup_django()
    from gongkai.web.workcalendar.entry import enter_year

    try:
        schedule = enter_year(year, list(holidays), list(makeup), source)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    click.echo(
        f"{year}年：{len(schedule.holidays)}天节假日，{len(schedule.makeup_workdays)}天调休上班"
        f"（{source}）。未办结申请的答复期限已排队由后台任务（gongkai worker）重新计算。"
    )


@calendar.command("show")
@click.argument("year", type=int)
def calendar_show(year) -> None:
    """List a year's holidays and make-up workdays, and say where they come from."""
    setup_django()
    from gongkai.web.workcalendar.calendar import current_calendar

    calendar = current_calendar()
    if not calendar.has_schedule(year):
        click.echo(f"{year}年尚无节假日安排：按周六、周日休息推算（暂定）。")
        return
    schedule = calendar.schedules[year]
    click.echo(f"{year}年（{schedule.source}）")
    for day, name in sorted(schedule.holidays.items()):
        click.echo(f"  {day.isoformat()}  休  {name}")
    for day, name in sorted(schedule.makeup_workdays.items()):
        click.echo(f"  {day.isoformat()}  班  {name}")


@main.group()
def catalog() -> None:
    """The catalogue of government information (政府信息公开目录)."""


@catalog.command("import")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--agency", "code", required=True, help="Code (统一社会信用代码) of the agency.")
@click.option("--default-subject", metavar="NAME", help="主题分类 for names not in the list.")
@click.option("--default-form", metavar="NAME", help="体裁分类 for names not in the list.")
@click.option("--check", "check_only", is_flag=True, help="Check every row; import nothing.")
@click.option("--queue", is_flag=True, help="Check, then leave the import to `gongkai worker`.")
def catalog_import(path, code, default_subject, default_form, check_only, queue) -> None:
    """Import an agency's previous 目录 (CSV or XLSX), keeping its 索引号: every row or none.

    Rows may name an agency below --agency in a 发布机构 column. Exit status: 0 imported
    (or, with --check, all rows correct), 1 rows with errors, 2 unknown agency or term.
    """
    setup_django()
    from pathlib import Path

    from gongkai.web.agencies.models import Agency
    from gongkai.web.catalog import legacy_import
    from gongkai.web.catalog.models.entries import FormCategory, SubjectCategory

    agency = Agency.objects.filter(code=code.strip().upper()).first()
    if agency is None:
        raise click.BadParameter(f"没有代码为 {code} 的机关", param_hint="--agency")
    defaults = legacy_import.Defaults(
        national_term(SubjectCategory, default_subject, "--default-subject"),
        national_term(FormCategory, default_form, "--default-form"),
    )
    checking = check_only or queue
    run = legacy_import.check_legacy_catalog if checking else legacy_import.import_legacy_catalog
    result = run(Path(path).read_bytes(), Path(path).name, agency, None, defaults)
    for error in result.errors:
        click.echo(f"gongkai catalog import: {error}", err=True)
    if not result.ok:
        click.echo(f"未导入任何条目 / nothing imported ({len(result.errors)} 处错误)", err=True)
        sys.exit(1)
    if queue and not check_only:
        from gongkai.web.catalog.tasks import queue_legacy_import

        task_id = queue_legacy_import(Path(path).read_bytes(), Path(path).name, agency, defaults)
        click.echo(f"{result.file_name}: 检查通过，已排队由后台任务导入 {len(result.entries)} 条"
                   f" / queued for gongkai worker (task {task_id})")  # fmt: skip
        return
    done = "检查通过，可以导入" if check_only else "已导入"
    click.echo(f"{result.file_name}: {done} {len(result.entries)} 条 / entries")


@catalog.command("recount")
def catalog_recount() -> None:
    """Recount the 目录's totals from the entries (triggers keep them; this is a repair)."""
    setup_django()
    from gongkai.web.catalog.tally import recount

    click.echo(f"公开目录共 {recount()} 条 / public entries counted")


@catalog.command("reindex")
@click.option("--queue", is_flag=True, help="Leave the rebuild to `gongkai worker`.")
def catalog_reindex(queue: bool) -> None:
    """Rebuild the full-text search index from the entries, then count the common words."""
    setup_django()
    from django.db import transaction

    if queue:
        from gongkai.web.catalog.tasks import reindex_catalogue

        task_id = reindex_catalogue.enqueue().id
        click.echo(f"已排队由后台任务重建索引 / queued for gongkai worker (task {task_id})")
        return

    from gongkai.web.catalog.search import rebuild_index, warm_counts

    with transaction.atomic():
        indexed = rebuild_index()
    click.echo(f"全文检索索引已重建：{indexed} 条 / entries indexed")
    click.echo(f"已预先统计 {warm_counts()} 个常用词 / common words counted")


@catalog.command("warm-search")
def catalog_warm_search() -> None:
    """Count the catalogue's most common words ahead of their first search (run after a
    reindex and nightly)."""
    setup_django()
    from gongkai.web.catalog.search import warm_counts

    click.echo(f"已预先统计 {warm_counts()} 个常用词 / common words counted")


def national_term(model, name: str | None, option: str):
    if name is None:
        return None
    term = model.objects.filter(agency=None, name=name.strip()).first()
    if term is None:
        raise click.BadParameter(f"“{name}”不在全国通用分类中", param_hint=option)
    return term


@main.command()
@click.argument("report_path", metavar="REPORT.json")
@click.option(
    "--to",
    "fmt",
    required=True,
    type=click.Choice(REPORT_FORMATS),
    help="html: web page; docx: Word; pdf: A4 PDF; xlsx: Excel with a flat data sheet.",
)
@click.option(
    "-o",
    "--output",
    "output_path",
    metavar="FILE",
    help="Where to write (default: REPORT.<format> beside the input; '-': standard output).",
)
def render(report_path: str, fmt: str, output_path: str | None) -> None:
    """Render an annual report as a document in the official layout (年度报告格式).

    Exit status: 0 written, 2 unreadable report or unwritable output.
    """
    from pathlib import Path

    from gongkai.report import ReportError, load_report
    from gongkai.report.render import render as render_report

    try:
        report = load_report(report_path)
    except ReportError as error:
        click.echo(f"gongkai render: {error}", err=True)
        sys.exit(2)
    document = render_report(report, fmt)
    if output_path == "-":
        sys.stdout.buffer.write(document)
        sys.stdout.flush()
        return
    target = Path(output_path) if output_path else Path(report_path).with_suffix(f".{fmt}")
    try:
        target.write_bytes(document)
    except OSError as error:
        click.echo(f"gongkai render: cannot write {target}: {error.strerror or error}", err=True)
        sys.exit(2)
    click.echo(str(target))


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--csv", "csv_path", metavar="OUT", help="Also write the figures as a flat CSV.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1), help="Processes.")
def parse(paths: tuple[str, ...], csv_path: str | None, jobs: int) -> None:
    """Parse published annual reports (txt, html, docx, pdf) into report JSON.

    One file: one JSON object. Several files or a directory: JSON Lines, one object per file
    with "source", in input order. Exit status 1 if any file could not be read (a damaged,
    binary or encrypted file; one beyond the limits of a real report, such as a zip bomb),
    or if a directory holds no report file.
    """
    from pathlib import Path

    from gongkai.report.jsonio import dumps
    from gongkai.report.parse.batch import csv_rows, csv_writer, parse_files, report_files

    files = report_files(paths)
    if not files:
        click.echo(
            "gongkai parse: 没有找到报告文件（.txt .md .html .htm .docx .pdf）/ no report files",
            err=True,
        )
        sys.exit(1)
    single = len(paths) == 1 and len(files) == 1 and not Path(paths[0]).is_dir()
    failed = False
    with open(csv_path, "w", newline="", encoding="utf-8") if csv_path else nullcontext() as out:
        writer = csv_writer(out) if out else None
        with (
            click.progressbar(
                parse_files(files, jobs), length=len(files), file=sys.stderr, label="解析 / parsing"
            )
            if len(files) >= 20
            else nullcontext(parse_files(files, jobs)) as outcomes
        ):
            for outcome in outcomes:
                if outcome.report is None:
                    failed = True
                    click.echo(f"gongkai parse: {outcome.source}: {outcome.error}", err=True)
                    continue
                click.echo(dumps(outcome.report, indent=2 if single else None))
                if writer:
                    writer.writerows(csv_rows(outcome.report))
    sys.exit(1 if failed else 0)


main.add_command(annual)
main.add_command(backup)
main.add_command(restore)
main.add_command(reports)

if __name__ == "__main__":
    sys.exit(main())
