import importlib
import re

import pytest


def pytest_configure(config):
    # The report and statute tests run without Django (-p no:django); only touch settings
    # when pytest-django is active.
    if config.pluginmanager.hasplugin("django"):
        from django.conf import settings

        # PBKDF2 is deliberately slow; the tests log people in hundreds of times.
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return (
        "transactional_db" in request.fixturenames
        or "live_server" in request.fixturenames
        or bool(marker and marker.kwargs.get("transaction"))
    )


# The migrations that make a history table append-only; each lists its SQLite triggers.
APPEND_ONLY_HISTORIES = (
    "gongkai.web.applications.migrations.0002_append_only_history",
    "gongkai.web.appeals.migrations.0002_append_only_history",
    "gongkai.web.annualreports.migrations.0002_append_only_history",
    "gongkai.web.interpretations.migrations.0002_append_only_history",
    "gongkai.web.intelligence.migrations.0003_append_only_corrections",
    "gongkai.web.mailbox.migrations.0002_append_only_history",
)


def sqlite_delete_triggers() -> dict[str, str]:
    """name -> CREATE statement of every SQLite trigger that refuses DELETE on a history."""
    triggers = {}
    for module in APPEND_ONLY_HISTORIES:
        for statement in importlib.import_module(module).SQLITE:
            if "BEFORE DELETE" in statement:
                name = re.search(r"CREATE TRIGGER (\w+)", statement).group(1)
                triggers[name] = statement
    return triggers


@pytest.fixture(autouse=True)
def history_can_be_emptied_between_transactional_tests(request):
    """Transactional tests end by emptying every table. PostgreSQL does that with TRUNCATE,
    which the append-only triggers on the histories do not see; SQLite deletes row by row,
    so its DELETE triggers are lifted for the emptying only (they are in place during every
    test)."""
    if not is_transactional(request):
        yield
        return
    request.getfixturevalue("transactional_db")  # set up first, so emptied after our teardown
    from django.db import connection

    triggers = sqlite_delete_triggers() if connection.vendor == "sqlite" else {}
    with connection.cursor() as cursor:
        for statement in triggers.values():
            cursor.execute(statement.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS"))
    yield
    with connection.cursor() as cursor:
        for name in triggers:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def uses_database(request) -> bool:
    return "_django_db_helper" in request.fixturenames or bool(
        request.node.get_closest_marker("django_db")
    )


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Rate limits live in the cache, a table of the test database: each test that uses the
    database starts with none used (the others cannot reach the cache)."""
    if request.config.pluginmanager.hasplugin("django") and uses_database(request):
        from django.core.cache import cache

        request.getfixturevalue("_django_db_helper")
        cache.clear()
    yield
