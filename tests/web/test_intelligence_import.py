"""Importing published reports in bulk: every hand-checked figure of the real seeds stored in
the long table, the same files again change nothing, agencies matched to the tree (which
then holds the report as its history), recorded as external agencies, or put to a person;
zip archives and folders; a run on the task runner that goes on after an interruption."""

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from tests.shared_copies import SEEDS
from tests.web.conftest import make_agency

from gongkai.cli import main
from gongkai.report import load_report
from gongkai.report.render import render
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.annualreports.compiler import comparable_version
from gongkai.web.intelligence.figures import as_number
from gongkai.web.intelligence.matching import AgencyIndex
from gongkai.web.intelligence.models import (
    ExternalAgency,
    Figure,
    ImportItem,
    ItemState,
    Match,
    PublishedReport,
    RunState,
)
from gongkai.web.intelligence.runs import process_item, process_run, start_run
from gongkai.web.jobs.worker import run_queued_tasks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_B = SEEDS / "002_d041f4bcca68913a.txt"  # 2020, published 2021-01-25
CENTRE = "濉溪县公共资源交易中心"  # the agency of SEED_B


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def run_cli(*args):
    return CliRunner().invoke(main, ["reports", *map(str, args)])


def stored_cells(report: PublishedReport) -> dict:
    figures = report.figures.filter(from_prose=False)
    return {figure.key: as_number(figure.value) for figure in figures}


@pytest.mark.django_db
def test_every_seed_is_stored_with_its_hand_checked_figures_and_once_only():
    answer = run_cli("import", SEEDS)
    assert answer.exit_code == 0, answer.output
    assert "新导入 5 份" in answer.output
    for seed in sorted(SEEDS.glob("*.txt")):
        truth = load_report(seed.with_name(seed.stem + ".expected.json")).cells
        report = PublishedReport.objects.get(source_name=str(seed))
        assert stored_cells(report) == truth, seed.name
        assert report.source_file.read() == seed.read_bytes()
        assert report.source_lines and report.document["provenance"]
    figures = Figure.objects.count()
    again = run_cli("import", SEEDS)
    assert again.exit_code == 0 and "已有未变 5 份" in again.output
    assert (PublishedReport.objects.count(), Figure.objects.count()) == (5, figures)


@pytest.mark.django_db
def test_an_agency_outside_the_tree_is_recorded_with_its_region_and_level():
    run_cli("import", SEED_B)
    report = PublishedReport.objects.get()
    assert report.match == Match.EXTERNAL and report.agency is None
    external = ExternalAgency.objects.get()
    assert (external.name, external.region, external.level) == (
        "濉溪县公共资源交易中心", "濉溪县", "county_department")  # fmt: skip
    assert set(Figure.objects.values_list("external", flat=True)) == {external.pk}


@pytest.mark.django_db
def test_a_report_of_an_agency_of_the_tree_becomes_its_history(county):
    centre = make_agency(CENTRE, "01523711", AgencyLevel.COUNTY_DEPARTMENT, county)
    run_cli("import", SEED_B)
    report = PublishedReport.objects.get()
    assert report.match == Match.TREE and report.agency == centre
    version = comparable_version(centre, 2020)  # what next year's compiled report compares with
    assert version is not None and report.history_version == version
    assert version.source_sha256 == report.sha256
    assert version.published_on.isoformat() == "2021-01-25"
    assert version.as_report().cells == stored_cells(report)


@pytest.mark.django_db
def test_the_history_version_keeps_the_file_once_and_renders_its_page_when_shown(county, client):
    centre = make_agency(CENTRE, "01523711", AgencyLevel.COUNTY_DEPARTMENT, county)
    run_cli("import", SEED_B)
    version = PublishedReport.objects.get().history_version
    assert version.source_file.name == PublishedReport.objects.get().source_file.name
    assert version.source_file.read() == SEED_B.read_bytes()
    assert version.html == "" and "provenance" not in version.document  # as published
    page = client.get(reverse("annual-report-public", args=[centre.code, 2020]))
    assert page.status_code == 200
    shown = page.content.decode()
    assert f"<title>{CENTRE}2020年政府信息公开工作年度报告</title>" in shown
    page_alone = render(version.as_report(), "html").decode()
    assert page_alone.split("<body>\n", 1)[1] in shown  # the page, after the versions line
    again = client.get(reverse("annual-report-public", args=[centre.code, 2020]))
    assert again.content.decode() == shown


@pytest.mark.django_db
def test_a_name_like_an_agency_of_the_tree_waits_for_a_person(county):
    make_agency("濉溪县公共资源交易中心（县政府采购中心）", "01523711",
                AgencyLevel.COUNTY_DEPARTMENT, county)  # fmt: skip
    run_cli("import", SEED_B)
    report = PublishedReport.objects.get()
    assert report.match == Match.PENDING and report.agency is None and report.external is None
    assert [c["why"] for c in report.candidates] == ["名称相近"]
    assert report.history_version is None


@pytest.mark.django_db
def test_a_printed_code_names_the_agency_whatever_the_printed_name(finance):
    text = SEED_B.read_text(encoding="utf-8") + f"\n统一社会信用代码：{finance.code}\n"
    matched = AgencyIndex().match("濉溪县公共资源交易中心", text)
    assert matched.match == Match.TREE and matched.agency == finance


@pytest.mark.django_db
def test_folders_and_zip_archives_are_read_and_unreadable_files_listed(tmp_path):
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(SEED_B, "2020/seed.txt")
        bundle.writestr("2020/notes.txt", "这不是年度报告。")
        bundle.writestr("__MACOSX/2020/._seed.txt", "x")
    answer = run_cli("import", archive, SEEDS / "000_b1ef3381ebc40fd9.txt", "--jobs", "2")
    assert answer.exit_code == 1
    assert "新导入 2 份" in answer.output and "notes.txt" in answer.output
    assert PublishedReport.objects.filter(source_name=f"{archive}/2020/seed.txt").exists()


def zipped(*paths: Path) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for path in paths:
            bundle.write(path, path.name)
    return SimpleUploadedFile("seeds.zip", buffer.getvalue(), content_type="application/zip")


@pytest.mark.django_db(transaction=True)
def test_a_run_on_the_task_runner_imports_every_file_of_an_upload(alice):
    from gongkai.web.intelligence.tasks import import_run

    run = start_run([zipped(*sorted(SEEDS.glob("*.txt")))], alice)
    import_run.enqueue(run.pk)
    assert run.items.count() == 5 and not PublishedReport.objects.exists()
    assert run_queued_tasks() == 1
    run.refresh_from_db()
    assert run.state == RunState.DONE
    assert set(run.items.values_list("state", flat=True)) == {ItemState.STORED}
    assert PublishedReport.objects.count() == 5


@pytest.mark.django_db(transaction=True)
def test_a_run_cut_off_goes_on_with_the_files_not_yet_done(alice):
    run = start_run([zipped(*sorted(SEEDS.glob("*.txt")))], alice)
    first, second = run.items.order_by("id")[:2]
    process_item(first, AgencyIndex(), alice)  # the worker stopped after two files
    process_item(second, AgencyIndex(), alice)
    ImportItem.objects.filter(pk=second.pk).update(state=ItemState.PENDING)  # died before marking
    counts = process_run(run.pk)
    assert counts[ItemState.STORED] == 4 and counts[ItemState.UNCHANGED] == 1
    assert PublishedReport.objects.count() == 5
    assert Figure.objects.filter(value=Decimal("1603")).exists()


@pytest.mark.django_db
def test_the_demo_holds_its_reports_and_one_waits_for_review():
    from gongkai.web.intelligence.demo import load_demo_published_reports

    # three real reports, then 11 of 濉溪县's departments to compare (demo_series.py)
    assert load_demo_published_reports() == 14
    assert load_demo_published_reports() == 14  # again: recognised by their hash
    assert PublishedReport.objects.count() == 14
    assert PublishedReport.objects.filter(review_items__gt=0).count() == 1


@pytest.mark.django_db
def test_no_index_of_the_figures_repeats_the_head_of_another():
    """Each index costs every figure an import stores: one that another begins with serves no
    look-up the longer one does not (migration 0009 dropped three)."""
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Figure._meta.db_table)
    indexed = [tuple(c["columns"]) for c in found.values() if c["index"] or c["unique"]]
    assert ("agency_id", "year", "key") in indexed and ("report_id", "key") in indexed
    for columns in indexed:
        longer = [other for other in indexed if other[: len(columns)] == columns != other]
        assert not longer, (columns, longer)
