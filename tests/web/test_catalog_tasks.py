"""The catalogue's bulk work on the task runner: an old 目录 imported, the search index
rebuilt — each safe to run again after a worker died in the middle of it."""

import pytest
from click.testing import CliRunner
from django_tasks_db.models import DBTaskResult

from gongkai.cli import main
from gongkai.web.catalog.models.entries import Entry
from gongkai.web.catalog.search import search
from gongkai.web.catalog.tasks import import_legacy_catalogue
from gongkai.web.jobs.worker import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = "索引号,名称,发布日期\n" + "".join(
    f"QX-CZJ-2019-{n:03d},青山县财政局2019年第{n}号通知,2019-03-05\n" for n in range(1, 31)
)


@pytest.fixture
def queued(finance, tmp_path, settings):
    """The command checks the file and leaves the import to the worker."""
    settings.MEDIA_ROOT = tmp_path / "media"
    path = tmp_path / "old.csv"
    path.write_text(ROWS, encoding="utf-8")
    answer = CliRunner().invoke(main, ["catalog", "import", str(path), "--agency", finance.code,
                                       "--queue"])  # fmt: skip
    assert answer.exit_code == 0, answer.output
    assert "已排队" in answer.output and not Entry.objects.exists()
    return DBTaskResult.objects.get()


def test_the_worker_imports_a_queued_file(queued):
    assert run_queued_tasks() == 1
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL" and queued.return_value["created"] == 30
    assert Entry.objects.filter(index_imported=True, state="published").count() == 30


def test_an_import_run_again_after_its_commit_imports_nothing_twice(queued):
    """A worker that died after the commit, before marking the task done: the task runs
    again and finds its rows in."""
    run_queued_tasks()
    again = import_legacy_catalogue.call(*queued.args_kwargs["args"])
    assert again["created"] == 0 and again["already_imported"] == 30
    assert Entry.objects.count() == 30


def test_a_queued_reindex_finds_what_the_catalogue_holds(queued):
    run_queued_tasks()
    answer = CliRunner().invoke(main, ["catalog", "reindex", "--queue"])
    assert "已排队" in answer.output
    assert run_queued_tasks() == 1
    task = DBTaskResult.objects.filter(task_path__endswith="reindex_catalogue").get()
    assert task.return_value == 30
    assert search("第7号通知").total == 1
