"""Real processes for the operations tests: a site is a fresh data directory (and, when the
suite runs on PostgreSQL, a fresh database in the same cluster) in which `gongkai` commands
and servers run as separate processes, as they do when deployed."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

GONGKAI = str(Path(sys.executable).with_name("gongkai"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


def http(url: str, body: dict | None = None, headers: dict | None = None) -> Response:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return Response(answer.status, {k.lower(): v for k, v in answer.headers.items()},
                            answer.read())  # fmt: skip
    except urllib.error.HTTPError as error:
        return Response(error.code, {k.lower(): v for k, v in error.headers.items()},
                        error.read())  # fmt: skip


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def log_lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8", errors="replace").splitlines()


@dataclass
class Site:
    data_dir: Path
    env: dict[str, str]
    servers: list[Server] = field(default_factory=list)

    def run(self, *args: str, check: bool = True, **extra_env: str) -> subprocess.CompletedProcess:
        done = subprocess.run([GONGKAI, *args], env=self.env | extra_env, capture_output=True,
                              text=True, timeout=300, check=False)  # fmt: skip
        if check and done.returncode != 0:
            raise AssertionError(f"gongkai {' '.join(args)}: {done.returncode}\n{done.stderr}")
        return done

    def python(self, code: str) -> str:
        """Run `code` in a process of the site with Django set up; returns what it printed."""
        return self.run("manage", "shell", "-v", "0", "-c", code).stdout

    def start(self, *args: str, port: int | None = None, **extra_env: str | None) -> Server:
        """Start `gongkai serve …` and wait until it answers /healthz (None in `extra_env`
        removes a variable)."""
        port = port or free_port()
        log = self.data_dir.parent / f"server-{port}.log"
        env = {name: value for name, value in (self.env | extra_env).items() if value is not None}
        process = subprocess.Popen([GONGKAI, "serve", "--port", str(port), *args],
                                   env=env, stdout=log.open("w"),
                                   stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        server = Server(process, port, log)
        self.servers.append(server)
        wait_until_up(server)
        return server


def wait_until_up(server: Server, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the server exited {server.process.returncode}:\n"
                                 + "\n".join(server.log_lines()))  # fmt: skip
        try:
            if http(f"{server.url}/healthz").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    server.stop()
    raise AssertionError("the server did not answer:\n" + "\n".join(server.log_lines()))


def postgres_url(database: str) -> str:
    base = os.environ["DATABASE_URL"]
    return base.rsplit("/", 1)[0] + "/" + database


def admin_execute(statement: str) -> None:
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        connection.execute(statement)


@contextmanager
def site(root: Path, **env: str):
    """A fresh, empty site below `root`; on PostgreSQL with its own new database."""
    data_dir = root / "data"
    environment = os.environ | {"GONGKAI_DATA_DIR": str(data_dir), "LOG_FORMAT": "text"} | env
    database = None
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        database = f"gongkai_ops_{uuid.uuid4().hex[:12]}"
        admin_execute(f"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8' "
                      "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")  # fmt: skip
        environment["DATABASE_URL"] = postgres_url(database)
    made = Site(data_dir, environment)
    try:
        yield made
    finally:
        for server in made.servers:
            server.stop()
        if database:
            admin_execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


CREATE_AGENCY = """
from gongkai.statute.agency_codes import make_uscc
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
agency = Agency.objects.create(name="青山县财政局", code=make_uscc("1", "1", "360999", "01523629"),
                               level=AgencyLevel.COUNTY_DEPARTMENT, phone="0795-7220000")
print(agency.code)
"""


def application(agency_code: str, n: int) -> dict:
    return {
        "agency_code": agency_code, "applicant_type": "natural", "name": "王小明",
        "identity_type": "resident_id", "identity_number": "11010519491231002X",
        "phone": "13800000000", "email": "wang@example.cn",
        "description": f"第{n}份申请：2025年度部门预算执行情况", "form_requested": "email",
        "delivery": "email", "submission_token": f"ops-{uuid.uuid4().hex}",
    }  # fmt: skip
