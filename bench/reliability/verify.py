"""After a run, read the database with plain SQL (not the platform's own code) and list
everything that is wrong: an acknowledged submission missing, stored twice or without its
history; a case whose state and history disagree (a step half-committed); a letter without
its step, or a step without its letter; case numbers or 索引号 repeated or skipped; a task
lost. An empty list is a pass."""

import itertools
import json
import re
import sqlite3
from collections import defaultdict
from contextlib import closing

from reliability.stack import Stack
from reliability.users import Receipt

CANONICAL = re.compile(r"^(?P<org>[0-9A-Z]{9,18})/(?P<year>\d{4})-(?P<serial>\d{5})$")


class Database:
    def __init__(self, stack: Stack):
        self.vendor = stack.vendor
        if self.vendor == "sqlite":
            self.connection = sqlite3.connect(stack.scratch / "data" / "gongkai.sqlite3")
        else:
            import psycopg

            self.connection = psycopg.connect(stack.database_url, autocommit=True)

    def rows(self, query: str, *params) -> list[tuple]:
        if self.vendor != "sqlite":
            query = query.replace("%", "%%").replace("?", "%s")
        with closing(self.connection.cursor()) as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()

    def close(self) -> None:
        self.connection.close()


def problems(stack: Stack, receipts: list[Receipt], counters: dict) -> list[str]:
    db = Database(stack)
    try:
        return (
            acknowledged_submissions(db, receipts)
            + states_follow_history(db)
            + letters_with_their_steps(db)
            + case_numbers(db)
            + index_numbers(db, counters)
            + unfinished_tasks(db)
        )
    finally:
        db.close()


def acknowledged_submissions(db: Database, receipts: list[Receipt]) -> list[str]:
    found = defaultdict(list)
    for code, token, submits in db.rows(
        "SELECT a.query_code, a.submission_token, (SELECT COUNT(*) FROM applications_event e"
        " WHERE e.application_id = a.id AND e.action = 'submit') FROM applications_application a"
    ):
        found[code].append((token, submits))
    wrong = []
    for receipt in receipts:
        stored = found.get(receipt.query_code, [])
        if len(stored) != 1:
            wrong.append(f"receipt {receipt.query_code} ({receipt.via}) stored {len(stored)}×")
        elif stored[0][1] != 1:
            wrong.append(f"receipt {receipt.query_code} has {stored[0][1]} submit events")
        elif receipt.token and stored[0][0] != receipt.token:
            wrong.append(f"receipt {receipt.query_code} belongs to another submission token")
    return wrong


def states_follow_history(db: Database) -> list[str]:
    """Each step is one transaction: the case's state is the last event's, and each event
    starts from the state the one before it left."""
    states = dict(db.rows("SELECT id, state FROM applications_application"))
    events = defaultdict(list)
    for case, action, before, after in db.rows(
        "SELECT application_id, action, from_state, to_state FROM applications_event"
        " WHERE to_state <> '' ORDER BY application_id, at, id"
    ):
        events[case].append((action, before, after))
    wrong = []
    for case, state in states.items():
        history = events.get(case, [])
        if not history or history[0][0] != "submit":
            wrong.append(f"application {case} has no submit event first")
            continue
        if history[-1][2] != state:
            wrong.append(f"application {case} is {state}, its history ends at {history[-1][2]}")
        for (_, _, left), (action, began, _) in itertools.pairwise(history):
            if began and began != left:
                wrong.append(f"application {case}: {action} starts at {began}, not {left}")
    return wrong


def letters_with_their_steps(db: Database) -> list[str]:
    issued = {(case, number) for case, number in db.rows(
        "SELECT application_id, number FROM applications_letter")}  # fmt: skip
    recorded = set()
    for case, changes in db.rows("SELECT application_id, changes FROM applications_event"):
        changes = json.loads(changes) if isinstance(changes, str) else changes
        if "letter" in changes:
            recorded.add((case, changes["letter"][1]))
    return [f"letter {number} of application {case} has no step in the history"
            for case, number in issued - recorded] + [
        f"the history of application {case} names letter {number}, which does not exist"
        for case, number in recorded - issued]  # fmt: skip


def case_numbers(db: Database) -> list[str]:
    """Per agency and year: 1 … the counter's last number, each once."""
    numbers = defaultdict(list)
    for agency, number in db.rows("SELECT agency_id, number FROM applications_application"):
        year, serial = number.split("-")
        numbers[(agency, int(year))].append(int(serial))
    last = {(a, y): n for a, y, n in db.rows(
        "SELECT agency_id, year, last FROM applications_numbercounter")}  # fmt: skip
    wrong = []
    for key, serials in numbers.items():
        if sorted(serials) != list(range(1, last.get(key, 0) + 1)):
            wrong.append(f"case numbers of agency {key[0]} in {key[1]}: {len(serials)} cases, "
                         f"counter at {last.get(key)}, repeats or gaps")  # fmt: skip
    return wrong


def index_numbers(db: Database, seeded: dict) -> list[str]:
    """Per agency and year, the numbers the platform issued since seeding run from the
    seeded counter to the counter's last, each once, leaving out only numbers imported
    entries already held."""
    codes = dict(db.rows("SELECT id, code FROM agencies_agency"))
    issued, held, wrong = defaultdict(list), defaultdict(set), []
    for agency, number, imported in db.rows(
        "SELECT agency_id, index_no, index_imported FROM catalog_entry WHERE index_no <> ''"
    ):
        match = CANONICAL.match(number or "")
        if match and match["org"] == codes[agency].replace("-", ""):
            key = f"{agency}:{int(match['year'])}"
            (held[key].add if imported else issued[key].append)(int(match["serial"]))
    repeated = (
        "SELECT index_no, COUNT(*) FROM catalog_entry WHERE index_no <> ''"
        " GROUP BY index_no HAVING COUNT(*) > 1"
    )
    for number, count in db.rows(repeated):
        wrong.append(f"索引号 {number} is held by {count} entries")
    for agency, year, last in db.rows("SELECT agency_id, year, last FROM catalog_indexcounter"):
        key = f"{agency}:{year}"
        expected = set(range(seeded.get(key, 0) + 1, last + 1)) - held[key]
        mine = [serial for serial in issued[key] if serial > seeded.get(key, 0)]
        if sorted(mine) != sorted(expected):
            wrong.append(f"索引号 of agency {agency} in {year}: issued {sorted(mine)[:20]}, "
                         f"expected {sorted(expected)[:20]} (counter {last})")  # fmt: skip
    return wrong


def unfinished_tasks(db: Database) -> list[str]:
    return [f"task {path} is {status}" for path, status in db.rows(
        "SELECT task_path, status FROM django_tasks_database_dbtaskresult"
        " WHERE status IN ('READY', 'RUNNING', 'FAILED')")]  # fmt: skip
