"""Defect 10: the database, its journal files, the secret key and the uploads hold identity
numbers and are created readable by their owner only (0600 files in 0700 directories), not
0644 as SQLite and Django create them by default."""

import os
import sqlite3
import stat
from contextlib import closing
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from tests.web.ops_processes import site

from gongkai.web.applications import workflow
from gongkai.web.core import checks


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_data_directory_keeps_the_database_and_the_key_private(tmp_path):
    with site(tmp_path) as made:
        made.run("manage", "check")  # the settings create the directory, key and database
        data = made.data_dir
        assert mode(data) == 0o700
        assert mode(data / "secret_key") == 0o600
        if "DATABASE_URL" in made.env:  # PostgreSQL keeps its own files
            return
        assert mode(data / "gongkai.sqlite3") == 0o600
        with closing(sqlite3.connect(data / "gongkai.sqlite3")) as db:  # as the platform does:
            db.execute("PRAGMA journal_mode=WAL")  # WAL, which adds the -wal and -shm files
            db.execute("CREATE TABLE written (n)")
            assert mode(data / "gongkai.sqlite3-wal") == 0o600
            assert mode(data / "gongkai.sqlite3-shm") == 0o600


def test_an_uploaded_file_and_its_folders_are_private(finance, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    proof = SimpleUploadedFile("身份证.pdf", b"%PDF-1.4 id card", "application/pdf")
    fields = {"applicant_type": "natural", "name": "王建国", "identity_type": "resident_id",
              "identity_number": "11010519491231002X", "phone": "13907951234",
              "description": "2025年度县本级预算", "form_requested": "paper", "delivery": "post",
              "channel": "letter", "received_on": date(2026, 11, 30)}  # fmt: skip
    case = workflow.submit(finance, fields, files=[proof])
    stored = tmp_path / "media" / case.attachments.get().file.name
    assert stored.read_bytes() == b"%PDF-1.4 id card"
    assert mode(stored) == 0o600
    folder = stored.parent
    while folder != tmp_path:
        assert mode(folder) == 0o700, folder
        folder = folder.parent


def test_start_up_warns_of_data_files_others_can_read(settings, tmp_path):
    data = tmp_path / "var"
    (data / "media").mkdir(parents=True)
    (data / "secret_key").write_text("made by hand")
    os.chmod(data, 0o755)
    os.chmod(data / "secret_key", 0o644)
    settings.DATA_DIR, settings.MEDIA_ROOT = data, data / "media"
    warned = {w.msg.split(" can be")[0] for w in checks.data_files_are_private(None)}
    assert {str(data), str(data / "secret_key")} <= warned
    for path in [data, data / "media", data / "secret_key"]:
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
    assert str(data) not in {w.msg.split(" can be")[0] for w in checks.data_files_are_private(None)}
