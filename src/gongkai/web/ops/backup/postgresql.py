"""PostgreSQL through pg_dump and pg_restore (Debian's postgresql-client-NN), of the same major
version as the server: an older pg_dump refuses a newer server, and a pg_restore older than
the pg_dump that wrote an archive cannot read it."""

import os
import subprocess
from pathlib import Path

from gongkai.web.ops.backup.manifest import BackupError

DEBIAN_CLIENTS = Path("/usr/lib/postgresql")


def server_major(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def client_tool(name: str, major: int) -> str:
    """The path of `name` (pg_dump, pg_restore) for a server of version `major`: Debian's of
    the same version, else the oldest newer one installed."""
    versions = sorted(int(p.name) for p in DEBIAN_CLIENTS.glob("*") if p.name.isdigit())
    for version in [v for v in versions if v >= major]:
        tool = DEBIAN_CLIENTS / str(version) / "bin" / name
        if tool.exists():
            return str(tool)
    raise BackupError(
        f"没有 PostgreSQL {major} 的 {name}：请安装 postgresql-client-{major} / "
        f"{name} for PostgreSQL {major} not found: install postgresql-client-{major}"
    )


def client_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's environment for the database Django uses: no password on a command line."""
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSSLMODE": settings_dict.get("OPTIONS", {}).get("sslmode"),
    }
    return os.environ | {name: str(value) for name, value in values.items() if value}


def run(command: list[str], settings_dict: dict) -> None:
    done = subprocess.run(command, env=client_environment(settings_dict), capture_output=True,
                          text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} 失败 / failed:\n{done.stderr.strip()}")


def dump(connection, target: Path) -> None:
    """The whole database in pg_dump's custom format (one consistent snapshot)."""
    tool = client_tool("pg_dump", server_major(connection))
    command = [tool, "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"]
    run(command, connection.settings_dict)


def user_tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT schemaname || '.' || tablename FROM pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        )
        return [row[0] for row in cursor.fetchall()]


def restore(connection, source: Path) -> None:
    """Load a dump into the (empty) database, all or nothing."""
    tool = client_tool("pg_restore", server_major(connection))
    command = [tool, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
               f"--dbname={connection.settings_dict['NAME']}", str(source)]  # fmt: skip
    run(command, connection.settings_dict)
