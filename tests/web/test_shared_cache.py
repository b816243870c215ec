"""The shared cache is a database table by default (Redis with REDIS_URL): counters keep their
expiry when incremented, and are counted once under concurrent increments. That the limit
holds across server processes is shown with real servers in test_production_serving.py."""

import threading
from datetime import timedelta

import pytest
from django.core.cache import cache, caches
from django.db import connection, connections
from django.utils import timezone

from gongkai.web.ops.cache import DatabaseCache, expires_at


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
