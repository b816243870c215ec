import importlib

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


@pytest.fixture(autouse=True)
def history_can_be_emptied_between_transactional_tests(request):
    """Transactional tests end by emptying every table. PostgreSQL does that with TRUNCATE,
    which the append-only trigger on the case history does not see; SQLite deletes row by
    row, so its DELETE trigger is lifted for the emptying only (it is in place during every
    test)."""
    if not is_transactional(request):
        yield
        return
    request.getfixturevalue("transactional_db")  # set up first, so emptied after our teardown
    from django.db import connection

    history = importlib.import_module(
        "gongkai.web.applications.migrations.0002_append_only_history"
    )
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        with connection.cursor() as cursor:
            cursor.execute(
                history.SQLITE[1].replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS")
            )
    yield
    if sqlite:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS applications_event_no_delete")


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Rate limits live in the cache: each test starts with none used."""
    if request.config.pluginmanager.hasplugin("django"):
        from django.core.cache import cache

        cache.clear()
    yield
