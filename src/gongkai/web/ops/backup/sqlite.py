"""SQLite through its online backup API: a consistent copy of the database as of one moment,
taken while the server keeps writing (in WAL mode readers do not block writers)."""

import sqlite3
from contextlib import closing
from pathlib import Path

from gongkai.web.ops.backup.manifest import BackupError
from gongkai.web.ops.files import private_file


def copy_database(source: Path, target: Path) -> None:
    """Copy the database at `source` into `target` (a new or empty file, made 0600) in one
    step of the backup API, then check the copy."""
    private_file(target)
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)
        check_integrity(copy, target)


def check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"{path}: SQLite 完整性检查未通过 / integrity check failed: {result}")


def is_empty(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0
