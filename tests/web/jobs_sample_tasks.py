"""A task for the worker tests, importable by a `gongkai worker` subprocess (PYTHONPATH)."""

import time
from pathlib import Path

from django.tasks import task


@task
def note_each_run(log: str, first_run_seconds: float = 0) -> int:
    """Append "started" to `log`, sleep on the first run only, append "done"; returns the run's
    number. Idempotent enough for a retry: a second run finishes at once."""
    path = Path(log)
    runs = path.read_text().count("started") if path.exists() else 0
    with path.open("a") as file:
        file.write("started\n")
    if runs == 0:
        time.sleep(first_run_seconds)
    with path.open("a") as file:
        file.write("done\n")
    return runs + 1


@task
def fail_on_the_database_first(log: str) -> int:
    """Raise the database's OperationalError (a deadlock victim, a restarted server) on the
    first run; succeed on the next."""
    from django.db import OperationalError

    path = Path(log)
    runs = path.read_text().count("started") if path.exists() else 0
    with path.open("a") as file:
        file.write("started\n")
    if runs == 0:
        raise OperationalError("deadlock detected")
    return runs + 1
