"""A large open-data file on the web is written on the task runner (export_jobs.py): the
request is sent to a page that shows its progress, the worker writes it, the page then offers
it, and the file holds what the command-line export writes. A second request for the same
file is sent to the same page; a new import makes a new file. Small files come at once."""

import csv
import io

import pyarrow.parquet as pq
import pytest
from tests.web.intelligence_world import published_report

from gongkai.web.intelligence import export_jobs
from gongkai.web.intelligence.models import OpenDataExport, RunState
from gongkai.web.jobs.worker import run_queued_tasks


@pytest.fixture
def large(monkeypatch):
    """Two reports of three figures each, and a web that writes at most four at once."""
    monkeypatch.setattr(export_jobs, "DIRECT_ROWS", 4)
    monkeypatch.setattr(export_jobs, "PROGRESS_EVERY", 2)
    published_report(None, name="白水县教育局", sha="a" * 64)
    published_report(None, name="白水县民政局", sha="b" * 64)


def rows_of(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.django_db(transaction=True)
def test_a_large_file_is_written_on_the_task_runner_and_offered_on_its_page(large, client):
    answer = client.get("/published-reports/data.csv")
    assert answer.status_code == 302
    job = OpenDataExport.objects.get()
    assert answer["Location"] == f"/published-reports/exports/{job.token}/"
    page = client.get(answer["Location"]).content.decode()
    assert "正在后台生成" in page and f"/exports/{job.token}/file" not in page
    assert client.get(f"/published-reports/exports/{job.token}/file").status_code == 404
    assert run_queued_tasks() == 1
    job.refresh_from_db()
    assert job.state == RunState.DONE and job.rows_total == job.rows_done == 6
    page = client.get(answer["Location"]).content.decode()
    assert "文件已生成，共6个数字" in page and f"/exports/{job.token}/file" in page
    download = client.get(f"/published-reports/exports/{job.token}/file")
    rows = rows_of(b"".join(download.streaming_content))
    assert len(rows) == 6 and {row["agency"] for row in rows} == {"白水县教育局", "白水县民政局"}
    assert 'filename="published-reports.csv"' in download["Content-Disposition"]


@pytest.mark.django_db(transaction=True)
def test_the_same_file_is_written_once_until_the_data_changes(large, client):
    first = client.get("/published-reports/data.parquet?generation=C")["Location"]
    assert client.get("/published-reports/data.parquet?generation=C")["Location"] == first
    assert client.get("/published-reports/data.csv?generation=C")["Location"] != first
    assert run_queued_tasks() == 2
    assert client.get("/published-reports/data.parquet?generation=C")["Location"] == first
    job = OpenDataExport.objects.get(fmt="parquet")
    with job.file.open("rb") as stored:
        assert pq.read_table(stored).num_rows == 6
    published_report(None, name="白水县财政局", sha="c" * 64)  # imported since
    assert client.get("/published-reports/data.parquet?generation=C")["Location"] != first


@pytest.mark.django_db(transaction=True)
def test_a_worker_stopped_half_way_writes_the_file_again(large):
    from gongkai.web.intelligence.selection import Selection

    job = export_jobs.requested(Selection(), "jsonl")
    OpenDataExport.objects.filter(pk=job.pk).update(state=RunState.RUNNING, rows_done=2)
    assert export_jobs.write_file(job.pk) == 6
    job.refresh_from_db()
    assert job.state == RunState.DONE and job.rows_done == 6
    with job.file.open("rb") as stored:
        assert len(stored.read().splitlines()) == 6
    assert export_jobs.write_file(job.pk) == 6  # written: nothing to do


@pytest.mark.django_db
def test_a_small_file_comes_at_once(client):
    published_report(None, name="白水县教育局", sha="a" * 64)
    answer = client.get("/published-reports/data.csv")
    assert answer.status_code == 200 and len(rows_of(b"".join(answer.streaming_content))) == 3
    assert not OpenDataExport.objects.exists()
