"""The platform's processes for a run, started as in production and killed as in a crash.

A Stack owns a scratch directory (the SQLite database and uploads, or only the uploads and
logs with PostgreSQL, where it creates a database of its own on the cluster DATABASE_URL
names). The web server is `gongkai serve --production` (gunicorn with several worker
processes, as deployed); the task runner is
`gongkai worker`. Each runs in a session of its own, so that kill -9 of the session kills
the server's master and workers at once, with no chance to finish anything.
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
GONGKAI = str(BIN / "gongkai")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Stack:
    scratch: Path
    database_url: str = ""  # empty: SQLite in the scratch directory
    web_workers: int = 3
    port: int = field(default_factory=free_port)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def vendor(self) -> str:
        return "postgresql" if self.database_url else "sqlite"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict:
        env = os.environ.copy() | {
            "GONGKAI_DATA_DIR": str(self.scratch / "data"),
            "DJANGO_SETTINGS_MODULE": "gongkai.web.settings",
            # The per-address submission limit would stop the test's one address; production
            # keeps its default (README). Everything else is as deployed.
            "GONGKAI_SUBMISSIONS_PER_HOUR": "1000000",
            "PYTHONPATH": str(ROOT / "bench"),
        }
        env.pop("DATABASE_URL", None)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def run(self, *command: str) -> str:
        done = subprocess.run(command, env=self.env, cwd=self.scratch, capture_output=True,
                              text=True, timeout=900)  # fmt: skip
        if done.returncode:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def prepare(self, entries: int, applications: int, staff: int) -> dict:
        """A new database, migrated and seeded; returns the seed's context."""
        (self.scratch / "data").mkdir(parents=True, exist_ok=True)
        self.run(GONGKAI, "migrate")
        out = self.run(sys.executable, str(ROOT / "bench/reliability/seed.py"),
                       str(entries), str(applications), str(staff))  # fmt: skip
        return json.loads(out.strip().splitlines()[-1])

    def spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        log = open(self.scratch / f"{name}.log", "ab")  # noqa: SIM115 (the process keeps it)
        process = subprocess.Popen(command, env=self.env, cwd=self.scratch, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        self.processes[name] = process
        return process

    def start_server(self) -> None:
        # As deployed (docs/OPERATIONS.md): gunicorn with its production configuration.
        self.spawn("server", [GONGKAI, "serve", "--production", "--port", str(self.port),
                              "--workers", str(self.web_workers)])  # fmt: skip
        self.wait_until_serving()

    def wait_until_serving(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base_url + "/", timeout=10) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the server did not start: see {self.scratch / 'server.log'}")

    def start_worker(self) -> None:
        self.spawn("worker", [GONGKAI, "worker", "--interval", "0.2"])

    def log_tail(self, name: str, lines: int = 15) -> str:
        path = self.scratch / f"{name}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def revive_worker(self) -> bool:
        """Start the worker again if it stopped by itself (it exits when the database goes
        away under it); what systemd's Restart=always does in production. True if it did."""
        worker = self.processes.get("worker")
        if worker is None or worker.poll() is None:
            return False
        self.processes.pop("worker")
        self.start_worker()
        return True

    def kill(self, name: str) -> None:
        """kill -9 the process and everything in its session (gunicorn's workers too)."""
        process = self.processes.pop(name, None)
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop(self) -> None:
        for name in list(self.processes):
            self.kill(name)

    def restart_database(self) -> None:
        """pg_ctl restart -m immediate: the server stops as in a crash (no checkpoint, open
        transactions lost) and starts again with recovery from its write-ahead log."""
        data_dir = self.sql_value("SHOW data_directory")
        pg_ctl = max(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        log = Path(data_dir).parent / "restart.log"
        subprocess.run([*owner, str(pg_ctl), "-D", data_dir, "-m", "immediate", "-w", "-l",
                        str(log), "restart"], check=True, capture_output=True,
                       timeout=120)  # fmt: skip

    def sql_value(self, query: str):
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as connection:
            return connection.execute(query).fetchone()[0]


def postgresql_database(cluster_url: str) -> str:
    """A database of its own on the cluster, with synchronous commits: the throwaway test
    cluster turns them off (scripts/with-postgres.sh), and an acknowledged commit that is
    not yet in the log is exactly what a restart must not lose."""
    import psycopg

    name = f"reliability_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(cluster_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
        connection.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = on')
    parts = urlsplit(cluster_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def drop_postgresql_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_stack(scratch: Path, web_workers: int = 3) -> Stack:
    """SQLite in `scratch`, or, when DATABASE_URL names a PostgreSQL cluster, a new database
    on it."""
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    cluster = os.environ.get("DATABASE_URL", "")
    database = postgresql_database(cluster) if cluster.startswith("postgres") else ""
    return Stack(scratch, database, web_workers)
