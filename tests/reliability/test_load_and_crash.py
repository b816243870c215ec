"""The platform as deployed — gunicorn workers, `gongkai worker`, the database — under load
and through crashes, in a reduced form of `make bench-reliability` (bench/reliability/):
seconds of load with fewer users, and one kill of each kind. On SQLite in a scratch
directory; in the PostgreSQL run of the suite, in a new database on that cluster (and there
the database is restarted as in a crash too).

After each run the database is read with plain SQL: every acknowledged submission is stored
once with its submit event, every case's state is its history's last, every letter has its
step, case numbers and 索引号 have no repeats or gaps, no task is left unfinished."""

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from reliability.stack import drop_postgresql_database, make_stack
from reliability.users import Receipt

from reliability import scenarios, verify

USERS = scenarios.Users(public=10, applicants=4, staff=5)


def new_stack(scratch: Path):
    return make_stack(scratch, web_workers=2)


def tear_down(stack) -> None:
    stack.stop()
    if stack.database_url:
        drop_postgresql_database(stack.database_url)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """One stack for the module (migrating and seeding cost more than the runs): load,
    then crashes, then the checks' own test, in that order."""
    stack = new_stack(tmp_path_factory.mktemp("reliability") / "stack")
    try:
        yield stack, stack.prepare(entries=60, applications=10, staff=5)
    finally:
        tear_down(stack)


def test_under_load_no_request_fails_and_every_receipt_is_stored_once(prepared):
    stack, seed = prepared
    result = scenarios.load(stack, seed, seconds=10, users=USERS, pace=0.3)
    stats = result["stats"]
    assert stats["errors"] == 0, stats["error_samples"]
    assert result["problems"] == []
    assert result["receipts_by_way"]["api"] > 0 and result["receipts_by_way"]["form"] > 0
    assert {"search common word", "entry", "inbox", "case page"} <= set(stats["kinds"])
    assert sum(row["count"] for kind, row in stats["kinds"].items() if kind.startswith("step"))


def test_after_each_kind_of_crash_nothing_acknowledged_is_lost_and_the_import_finishes_once(
    prepared,
):
    stack, seed = prepared
    result = scenarios.crash(stack, seed, USERS, rows=400, pause=0.3)
    assert result["problems"] == []
    assert result["stats"]["errors"] == 0, result["stats"]["error_samples"]
    assert result["receipts"] > 0
    kinds = 3 if stack.vendor == "postgresql" else 2
    crashes = [line for line in result["crashes"] if line.startswith(("kill -9", "PostgreSQL"))]
    assert len(crashes) == kinds, result["crashes"]


def test_the_checks_find_a_lost_receipt_and_a_half_changed_case(prepared):
    stack, seed = prepared
    lost = Receipt("LOST-LOST-LOST", "", "api")
    set_state_behind_the_historys_back(stack, "withdrawn-by-hand")
    found = verify.problems(stack, [lost], seed["counters"])
    assert any("LOST-LOST-LOST" in problem for problem in found)
    assert any("is withdrawn-by-hand, its history ends at" in problem for problem in found)


def set_state_behind_the_historys_back(stack, state: str) -> None:
    query = "UPDATE applications_application SET state = '%s' WHERE id = (SELECT MIN(id) FROM applications_application)"  # noqa: E501
    if stack.vendor == "sqlite":
        with sqlite3.connect(stack.scratch / "data" / "gongkai.sqlite3") as connection:
            connection.execute(query % state)
    else:
        import psycopg

        with psycopg.connect(stack.database_url, autocommit=True) as connection:
            connection.execute(query % state)
