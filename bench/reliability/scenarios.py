"""The runs: load (all three kinds of user for a while, nothing killed) and crash (the
same users while the server, the task worker and, on PostgreSQL, the database are killed
in turn, with a bulk import on the task runner), each followed by verify.problems()."""

import asyncio
import csv
import io
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from reliability import verify
from reliability.stack import GONGKAI, Stack
from reliability.users import Run, applicant, public_user, staff_user


@dataclass(frozen=True)
class Users:
    public: int = 50
    applicants: int = 20
    staff: int = 10


async def drive(run: Run, users: Users, seconds: float, choreography=None) -> None:
    """Run the users for `seconds` (and `choreography(run)` beside them, if given)."""
    tasks = [asyncio.create_task(public_user(run, n)) for n in range(users.public)]
    tasks += [asyncio.create_task(applicant(run, n)) for n in range(users.applicants)]
    tasks += [asyncio.create_task(staff_user(run, n)) for n in range(users.staff)]
    if choreography is not None:
        await choreography(run)
    await asyncio.sleep(max(0.0, seconds - run.stats.seconds))
    run.stop.set()
    await asyncio.gather(*tasks)
    run.stats.stop()


def run_clients(coroutine) -> None:
    """Run the simulated users on an event loop of their own thread: the calling thread may
    already run one (Playwright's, when the browser tests ran earlier in the same session)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def wait_for_tasks(stack: Stack, timeout: float = 300) -> None:
    """Until the task runner has nothing queued or running."""
    db = verify.Database(stack)
    try:
        deadline = time.monotonic() + timeout
        query = ("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult"
                 " WHERE status IN ('READY', 'RUNNING')")  # fmt: skip
        while db.rows(query)[0][0] and time.monotonic() < deadline:
            time.sleep(0.3)
    finally:
        db.close()


def finish(stack: Stack, run: Run, seed: dict, extra: list[str] = ()) -> dict:
    stack.kill("server")
    wait_for_tasks(stack)
    stack.kill("worker")
    ways = {way: sum(r.via == way for r in run.receipts) for way in ("api", "form")}
    found = verify.problems(stack, run.receipts, seed["counters"])
    return {"stats": run.stats.summary(), "receipts": len(run.receipts),
            "receipts_by_way": ways, "problems": [*found, *extra]}  # fmt: skip


def load(stack: Stack, seed: dict, seconds: float, users: Users, pace: float = 1.0) -> dict:
    stack.start_server()
    stack.start_worker()
    run = Run(stack.base_url, seed, pace=pace)
    run_clients(drive(run, users, seconds))
    return finish(stack, run, seed)


# -- crash ---------------------------------------------------------------------------------


def legacy_rows(code: str, first: int, count: int) -> bytes:
    """An old 目录 of `count` entries from 2019 (their 索引号 move only 2019's counter)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["索引号", "名称", "发布日期", "主题分类", "体裁分类"])
    for serial in range(first, first + count):
        writer.writerow([f"{code}/2019-{serial:05d}", f"二〇一九年第{serial}号通知（旧网站）",
                         "2019-06-01", "其他", "其他"])  # fmt: skip
    return out.getvalue().encode("utf-8")


def queue_import(stack: Stack, code: str, first: int, count: int) -> None:
    path = stack.scratch / f"legacy-{first}.csv"
    path.write_bytes(legacy_rows(code, first, count))
    stack.run(GONGKAI, "catalog", "import", str(path), "--agency", code, "--queue",
              "--default-subject", "其他", "--default-form", "其他")  # fmt: skip


def task_status(stack: Stack, first: int) -> str | None:
    db = verify.Database(stack)
    try:
        rows = db.rows("SELECT status, args_kwargs FROM django_tasks_database_dbtaskresult"
                       " WHERE task_path LIKE '%import_legacy_catalogue'")  # fmt: skip
    finally:
        db.close()
    for status, arguments in rows:
        if f"legacy-{first}.csv" in str(arguments):
            return status
    return None


async def wait_for(predicate, timeout: float = 120, every: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await asyncio.to_thread(predicate):
            return True
        await asyncio.sleep(every)
    return False


@dataclass
class Crash:
    """The crash choreography; `log` says what was done, `problems` what went wrong."""

    stack: Stack
    code: str  # the agency whose old 目录 is imported
    rows: int
    pause: float
    log: list[str]
    problems: list[str]

    async def outage(self, run: Run, what: str, kill, restart) -> None:
        run.stats.outage = True
        started = time.monotonic()
        await asyncio.to_thread(kill)
        await asyncio.to_thread(restart)
        await asyncio.to_thread(self.stack.wait_until_serving)
        run.stats.outage = False
        self.log.append(f"{what}: serving again after {time.monotonic() - started:.1f} s")

    async def import_interrupted(self, run: Run, first: int, interrupt) -> None:
        """Queue a bulk import, interrupt it while it runs, and see it finish afterwards."""
        await asyncio.to_thread(queue_import, self.stack, self.code, first, self.rows)
        if not await wait_for(lambda: self.status(first) == "RUNNING", 180):
            tail = self.stack.log_tail("worker")
            self.problems.append(f"import {first} never started ({self.status(first)}); "
                                 f"the worker's log ends: {tail}")  # fmt: skip
            return
        await asyncio.sleep(self.pause)
        await interrupt()
        if not await wait_for(lambda: self.finished(first), 300):
            status = task_status(self.stack, first)
            self.problems.append(f"import {first} did not finish after the crash ({status})")

    async def __call__(self, run: Run) -> None:
        await asyncio.sleep(self.pause * 4)
        await self.import_interrupted(run, 1, self.kill_worker)
        await self.import_interrupted(run, 1 + self.rows, lambda: self.outage(
            run, "kill -9 of the web server", lambda: self.stack.kill("server"),
            self.stack.start_server))  # fmt: skip
        if self.stack.vendor == "postgresql":
            await self.import_interrupted(run, 1 + 2 * self.rows, lambda: self.outage(
                run, "PostgreSQL restarted (immediate)", self.stack.restart_database,
                lambda: None))  # fmt: skip
        await asyncio.sleep(self.pause * 4)

    def status(self, first: int) -> str | None:
        """The import's status; a worker that stopped by itself is started again first."""
        if self.stack.revive_worker():
            self.log.append("the task worker had stopped by itself: started again")
        return task_status(self.stack, first)

    def finished(self, first: int) -> bool:
        return self.status(first) == "SUCCESSFUL"

    async def kill_worker(self) -> None:
        await asyncio.to_thread(self.stack.kill, "worker")
        stored = await asyncio.to_thread(imported_count, self.stack, self.code)
        self.log.append(f"kill -9 of the task worker while the import ran ({stored} of its "
                        f"{self.rows} rows in the database right after: all or none)")  # fmt: skip
        await asyncio.to_thread(self.stack.start_worker)


def imported_count(stack: Stack, code: str) -> int:
    db = verify.Database(stack)
    try:
        query = "SELECT COUNT(*) FROM catalog_entry WHERE index_no LIKE ?"
        return db.rows(query, f"{code}/2019-%")[0][0]
    finally:
        db.close()


def imported_once(stack: Stack, code: str, batches: int, rows: int) -> list[str]:
    db = verify.Database(stack)
    try:
        found = db.rows("SELECT COUNT(*), COUNT(DISTINCT index_no) FROM catalog_entry"
                        " WHERE index_no LIKE ?", f"{code}/2019-%")  # fmt: skip
    finally:
        db.close()
    if found[0] != (batches * rows, batches * rows):
        return [f"imported entries: {found[0]}, expected {batches * rows} each once"]
    return []


def crash(stack: Stack, seed: dict, users: Users, rows: int, pause: float) -> dict:
    """Load while each kind of crash happens once; then verify."""
    stack.start_server()
    stack.start_worker()
    code = seed["agencies"][1]
    choreography = Crash(stack, code, rows, pause, [], [])
    run = Run(stack.base_url, seed)
    run_clients(drive(run, users, 0, choreography))
    batches = 3 if stack.vendor == "postgresql" else 2
    result = finish(stack, run, seed, choreography.problems
                    + imported_once(stack, code, batches, rows))  # fmt: skip
    return result | {"crashes": choreography.log}
