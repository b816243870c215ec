"""Published reports' background work: a bulk import uploaded on the staff page (runs.py),
and a large open-data file asked for on the web (export_jobs.py)."""

from django.tasks import task

from gongkai.web.intelligence.runs import process_run


@task
def import_run(run_id: int) -> dict:
    """Import the files of the run still waiting; returns how many files ended in each state.
    Idempotent: each file is stored in a transaction of its own and marked done in it, a file
    already stored is recognised by its hash, so a run cut off goes on where it stopped."""
    return process_run(run_id)


@task
def write_export(export_id: int) -> int:
    """Write a large open-data file; returns its rows. Run again, it writes the file anew
    (a worker stopped half way) or, once written, does nothing."""
    from gongkai.web.intelligence.export_jobs import write_file

    return write_file(export_id)
