"""Files that hold applicants' data (the database, uploads, backups) and the secret key are
created readable by their owner only: 0600 files in 0700 directories, whatever the umask.

SQLite creates a new database 0644 and gives its -wal and -shm files the database's mode, so
the database file is created here first, empty (SQLite takes an empty file for a new
database). No Django here: settings.py uses these before Django is set up.
"""

import os
from contextlib import suppress
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIRECTORY = 0o700


def private_directory(path: Path) -> Path:
    """Create `path` (and missing parents) 0700; an existing directory is left as it is."""
    if not path.is_dir():
        for missing in reversed([path, *path.parents]):
            if not missing.exists():
                missing.mkdir(mode=PRIVATE_DIRECTORY, exist_ok=True)
                os.chmod(missing, PRIVATE_DIRECTORY)  # mkdir's mode is cut by the umask
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty with mode 0600 unless it exists (then it is left as it is)."""
    private_directory(path.parent)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    return path


def readable_by_others(paths: list[Path]) -> list[Path]:
    """Those of `paths` that exist and that users other than the owner may read or enter."""
    return [path for path in paths if path.exists() and path.stat().st_mode & 0o077]
