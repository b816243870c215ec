"""`gongkai backup DEST` and `gongkai restore SOURCE`.

A backup is a directory: the database (SQLite's online backup, or pg_dump's custom format),
the uploaded files and letters (MEDIA_ROOT, as media/), the secret key (signed links and
sessions stay valid), and manifest.json with the SHA-256 of every file. The database is
copied first, then the files: an upload finishes before the row that names it commits, so
every file the copied database names is in the backup (a later upload may be too, unnamed).
The directory is written as DEST.partial and renamed when complete, so a DEST that exists is
a whole backup. Everything is created readable by its owner only.

A restore goes only into an empty data directory (and an empty database), after checking
every checksum; the secret key is put in place before the settings are read (see cli_ops).
"""

import os
import shutil
from pathlib import Path

from gongkai.web.ops.backup import postgresql, sqlite
from gongkai.web.ops.backup.manifest import BackupError, Manifest, sha256_of
from gongkai.web.ops.files import PRIVATE_FILE, private_directory

DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA = "media"
SECRET_KEY = "secret_key"

__all__ = ["BackupError", "create_backup", "prepare_restore", "restore_backup"]


def copy_private(source: Path, target: Path) -> None:
    private_directory(target.parent)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with source.open("rb") as origin, os.fdopen(descriptor, "wb") as copy:
        shutil.copyfileobj(origin, copy, 1 << 20)
        copy.flush()
        os.fsync(copy.fileno())


def copy_tree(source: Path, target: Path) -> int:
    """Copy every file below `source` to the same place below `target`; returns how many."""
    count = 0
    for path in sorted(p for p in source.rglob("*") if p.is_file()) if source.exists() else []:
        copy_private(path, target / path.relative_to(source))
        count += 1
    return count


def is_empty_directory(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def create_backup(dest: Path) -> Manifest:
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from gongkai import __version__

    if not is_empty_directory(dest):
        raise BackupError(f"{dest} 已存在且不为空 / exists and is not empty")
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"不支持的数据库 / unsupported database: {connection.vendor}")
    partial = dest.with_name(dest.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)  # what an interrupted backup left
    private_directory(partial)
    manifest = Manifest(connection.vendor, DATABASE_FILES[connection.vendor], __version__,
                        timezone.now().isoformat(timespec="seconds"))  # fmt: skip
    backup_database(connection, partial / manifest.database_file)
    copy_tree(Path(settings.MEDIA_ROOT), partial / MEDIA)
    (partial / SECRET_KEY).write_text(settings.SECRET_KEY)
    os.chmod(partial / SECRET_KEY, PRIVATE_FILE)
    manifest.record_files(partial)
    manifest.write(partial)
    os.chmod(partial / "manifest.json", PRIVATE_FILE)
    if dest.exists():
        dest.rmdir()
    partial.rename(dest)
    return manifest


def backup_database(connection, target: Path) -> None:
    if connection.vendor == "sqlite":
        sqlite.copy_database(Path(connection.settings_dict["NAME"]), target)
    else:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        postgresql.dump(connection, target)


def prepare_restore(source: Path, data_dir: Path) -> Manifest:
    """Before Django is set up: the backup is whole, the data directory empty, and the
    secret key in place (else the settings would make a new one there)."""
    manifest = Manifest.read(source)
    manifest.verify(source)
    if not is_empty_directory(data_dir):
        raise BackupError(
            f"数据目录 {data_dir} 不为空：只能恢复到空目录 / the data directory is not empty: "
            "restore only into an empty one"
        )
    private_directory(data_dir)
    copy_private(source / SECRET_KEY, data_dir / SECRET_KEY)
    return manifest


def restore_backup(source: Path, manifest: Manifest) -> int:
    """Load the database and the files; returns the number of files restored."""
    from django.conf import settings
    from django.db import connection

    if connection.vendor != manifest.vendor:
        raise BackupError(
            f"备份来自 {manifest.vendor}，而 DATABASE_URL 指向 {connection.vendor} / the backup "
            f"is of a {manifest.vendor} database, DATABASE_URL names {connection.vendor}"
        )
    restore_database(connection, source / manifest.database_file)
    media = Path(settings.MEDIA_ROOT)
    count = copy_tree(source / MEDIA, media)
    for name, digest in manifest.files.items():
        restored = media / name.removeprefix(f"{MEDIA}/")
        if name.startswith(f"{MEDIA}/") and sha256_of(restored) != digest:
            raise BackupError(f"{name}: 恢复后校验和不符 / checksum differs after restore")
    return count


def restore_database(connection, database: Path) -> None:
    if connection.vendor == "sqlite":
        target = Path(connection.settings_dict["NAME"])
        if not sqlite.is_empty(target):
            raise BackupError(f"{target} 不是空数据库 / is not an empty database")
        connection.close()
        sqlite.copy_database(database, target)
        return
    if tables := postgresql.user_tables(connection):
        raise BackupError(
            f"数据库 {connection.settings_dict['NAME']} 不为空（{len(tables)} 个表）：请恢复到"
            f"新建的空数据库 / the database is not empty ({len(tables)} tables): use a new one"
        )
    connection.close()
    postgresql.restore(connection, database)
