"""The shared cache is a database table by default (Redis with REDIS_URL): counters keep their
expiry when incremented, and are counted once under concurrent increments. That the limit
holds across server processes is shown with real servers in test_production_serving.py."""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.core.cache import cache, caches
from django.db import connection, connections
from django.test import RequestFactory
from django.utils import timezone
from tests.web.ops_processes import free_port

from gongkai.web.applications.ratelimit import allow_submission
from gongkai.web.ops.cache import DatabaseCache, expires_at

GONGKAI = str(Path(sys.executable).with_name("gongkai"))


def expiry(key: str):
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM gongkai_cache WHERE cache_key = %s",
                       [cache.make_key(key)])  # fmt: skip
        return expires_at(cursor.fetchone()[0], connection)


def test_the_default_cache_is_the_database_table(db):
    assert isinstance(caches["default"], DatabaseCache)
    cache.set("gongkai:test", {"年": 2026})
    assert cache.get("gongkai:test") == {"年": 2026}
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM gongkai_cache")
        assert cursor.fetchone()[0] == 1


def test_an_increment_keeps_the_counters_hour(db):
    cache.add("gongkai:count", 1, timeout=3600)
    before = expiry("gongkai:count")
    assert cache.incr("gongkai:count") == 2
    assert cache.incr("gongkai:count", 3) == 5
    assert expiry("gongkai:count") == before
    assert before > timezone.now() + timedelta(minutes=59)


def test_an_expired_or_missing_counter_cannot_be_incremented(db):
    with pytest.raises(ValueError):
        cache.incr("gongkai:never")
    cache.add("gongkai:old", 1, timeout=3600)
    yesterday = connection.ops.adapt_datetimefield_value(timezone.now() - timedelta(days=1))
    with connection.cursor() as cursor:
        cursor.execute("UPDATE gongkai_cache SET expires = %s", [yesterday])
    with pytest.raises(ValueError):
        cache.incr("gongkai:old")


@pytest.mark.django_db(transaction=True)
def test_concurrent_increments_are_each_counted():
    cache.add("gongkai:busy", 0, timeout=3600)

    def increment() -> None:
        try:
            for _ in range(10):
                cache.incr("gongkai:busy")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=increment) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.get("gongkai:busy") == 40


def test_redis_url_selects_the_redis_cache(monkeypatch):
    import importlib

    import gongkai.web.settings as settings_module

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    try:
        caches = importlib.reload(settings_module).CACHES
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(settings_module)
    assert caches["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/3",
    }


@pytest.fixture
def redis_url(tmp_path):
    """A Redis server of our own on a free port, for this test only."""
    server = shutil.which("redis-server") or pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen([server, "--port", str(port), "--save", "", "--dir", str(tmp_path)],
                               stdout=subprocess.DEVNULL)  # fmt: skip
    try:
        for _ in range(100):
            with suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait()


def submission_from(address: str):
    return RequestFactory().post("/api/v1/applications", REMOTE_ADDR=address)


ANOTHER_PROCESS = """
from django.test import RequestFactory
from gongkai.web.applications.ratelimit import allow_submission
request = RequestFactory().post("/api/v1/applications", REMOTE_ADDR="198.51.100.7")
print(allow_submission(request), allow_submission(request))
"""


def test_with_redis_url_the_limit_is_shared_by_separate_processes(redis_url, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": redis_url}}  # fmt: skip
    settings.GONGKAI_SUBMISSIONS_PER_HOUR = 3
    assert allow_submission(submission_from("198.51.100.7"))
    other = subprocess.run(
        [GONGKAI, "manage", "shell", "-v", "0", "-c", ANOTHER_PROCESS], text=True,
        env=os.environ | {"REDIS_URL": redis_url, "GONGKAI_SUBMISSIONS_PER_HOUR": "3"},
        capture_output=True, check=True,
    )  # fmt: skip
    assert other.stdout.split() == ["True", "True"]
    assert not allow_submission(submission_from("198.51.100.7"))  # the 4th, counted elsewhere
    assert allow_submission(submission_from("198.51.100.8"))  # another address has its own
    server = redis.Redis.from_url(redis_url)  # the counter keeps its hour
    assert 3590 < server.ttl(cache.make_key("gongkai:submissions:198.51.100.7")) <= 3600
