"""`gongkai backup` and `gongkai restore`, as an operator runs them: a site with data and
uploads is backed up; the backup is restored into an empty data directory (and, on
PostgreSQL, an empty database); every table's rows and every file are then the same. A
non-empty target and a damaged backup are refused, changing nothing."""

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from tests.web.ops_processes import site

SEED = Path(__file__).with_name("ops_seed.py")


def sqlite_tables(path: Path) -> dict[str, tuple[int, str]]:
    """name -> (rows, SHA-256 of the rows in a stable order), every table of the file."""
    with closing(sqlite3.connect(path)) as db:
        names = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]  # fmt: skip
        tables = {}
        for name in names:
            rows = sorted(repr(row) for row in db.execute(f'SELECT * FROM "{name}"'))
            tables[name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return tables


def postgres_tables(url: str) -> dict[str, tuple[int, str]]:
    """name -> (rows, md5 of the rows' text in a stable order); sequences' last values too."""
    import psycopg

    with psycopg.connect(url) as db:
        names = [row[0] for row in db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]  # fmt: skip
        tables = {
            name: db.execute(f'SELECT count(*), md5(coalesce(string_agg(t::text, E\'\\n\' '
                             f'ORDER BY t::text), \'\')) FROM "{name}" t').fetchone()
            for name in names
        }  # fmt: skip
        for name, value in db.execute("SELECT sequencename, last_value FROM pg_sequences"):
            tables[f"sequence {name}"] = (value, "")
        return tables


def database_tables(made) -> dict:
    if made.env.get("DATABASE_URL", "").startswith("postgres"):
        return postgres_tables(made.env["DATABASE_URL"])
    return sqlite_tables(made.data_dir / "gongkai.sqlite3")


def files(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}  # fmt: skip


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory):
    """A seeded site and its backup."""
    root = tmp_path_factory.mktemp("backup")
    with site(root / "source") as source:
        source.run("migrate")
        subprocess.run([sys.executable, str(SEED)], env=source.env, check=True, timeout=300)
        source.run("backup", str(root / "backup"))
        yield source, root / "backup"


def test_a_restore_has_every_table_row_and_file_of_the_backed_up_site(backed_up, tmp_path):
    source, backup = backed_up
    assert {path.name for path in backup.iterdir()} >= {"manifest.json", "secret_key", "media"}
    with site(tmp_path / "target") as target:
        done = target.run("restore", str(backup))
        assert "恢复完成" in done.stdout
        restored, original = database_tables(target), database_tables(source)
        assert set(restored) == set(original) and len(original) > 40
        assert restored == original
        assert original["applications_attachment"][0] == 3  # the tables are not empty ones
        assert files(target.data_dir / "media") == files(source.data_dir / "media")
        assert len(files(source.data_dir / "media")) == 3
        key = (target.data_dir / "secret_key").read_text()
        assert key == (source.data_dir / "secret_key").read_text()
        assert "备份测试" in target.python(
            "from django.core.cache import cache; print(cache.get('gongkai:seeded'))"
        )


def test_the_backup_and_what_it_restores_are_readable_by_the_owner_only(backed_up, tmp_path):
    _source, backup = backed_up
    for path in [backup, *backup.rglob("*")]:
        assert stat.S_IMODE(os.stat(path).st_mode) == (0o700 if path.is_dir() else 0o600), path


def test_a_restore_into_a_data_directory_in_use_is_refused(backed_up):
    source, backup = backed_up
    before = database_tables(source)
    refused = source.run("restore", str(backup), check=False)
    assert refused.returncode == 1 and "不为空" in refused.stderr
    assert database_tables(source) == before


def test_a_damaged_backup_is_refused_before_anything_is_written(backed_up, tmp_path):
    _source, backup = backed_up
    damaged = tmp_path / "damaged"
    subprocess.run(["cp", "-a", str(backup), str(damaged)], check=True)
    proof = next((damaged / "media").rglob("*.pdf"))
    proof.write_bytes(b"%PDF-1.4 altered")
    with site(tmp_path / "target") as target:
        refused = target.run("restore", str(damaged), check=False)
        assert refused.returncode == 1 and "校验和不符" in refused.stderr
        assert str(proof.relative_to(damaged)) in refused.stderr
        assert not target.data_dir.exists()


def test_a_backup_will_not_overwrite_an_earlier_one(backed_up):
    source, backup = backed_up
    refused = source.run("backup", str(backup), check=False)
    assert refused.returncode == 1 and "不为空" in refused.stderr
