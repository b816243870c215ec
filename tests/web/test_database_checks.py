from django.db import connection

from gongkai.web.core.checks import ctype_error, postgresql_ctype_is_utf8


def test_a_non_utf8_ctype_is_an_error():
    error = ctype_error("gongkai", "C")
    assert error is not None and error.id == "gongkai.E001"
    assert "C.UTF-8" in error.hint


def test_utf8_ctypes_pass():
    assert ctype_error("gongkai", "C.UTF-8") is None
    assert ctype_error("gongkai", "zh_CN.utf8") is None


def test_the_test_database_passes_its_own_check(db):
    assert postgresql_ctype_is_utf8(None, databases=["default"]) == []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('lc_ctype')")
            assert ctype_error("test", cursor.fetchone()[0]) is None


def test_the_suite_runs_on_the_database_it_was_asked_for(db):
    import os

    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
