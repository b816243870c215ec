"""A per-address limit on public submissions, in the cache: enough to stop a script, not a
person. With several server processes, configure a shared cache (database or Redis)."""

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def allow_submission(request) -> bool:
    key = f"gongkai:submissions:{client_address(request)}"
    if cache.add(key, 1, timeout=3600):
        return True
    try:
        return cache.incr(key) <= settings.GONGKAI_SUBMISSIONS_PER_HOUR
    except ValueError:  # the counter expired between add and incr: a new hour begins
        cache.set(key, 1, timeout=3600)
        return True
