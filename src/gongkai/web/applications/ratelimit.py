"""Limits on the public's use of the platform, in the cache: submissions per address, and
tries at a case's second factor (second_factor.py) — enough to stop a script, not a
person. The address is the client's, read through the trusted proxies
(core/client_address.py); the cache must be shared by every server process (settings
CACHES) for the limit to hold across them."""

import ipaddress

from django.conf import settings
from django.core.cache import cache

from gongkai.web.core.client_address import client_address

# An IPv6 subscriber is given a whole /64 and can pick any address in it at will.
IPV6_PREFIX = 64


def quota_key(address: str) -> str:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return str(parsed)


def allow_submission(request) -> bool:
    key = f"gongkai:submissions:{quota_key(client_address(request))}"
    return within_limit(key, settings.GONGKAI_SUBMISSIONS_PER_HOUR, 3600)


def within_limit(key: str, limit: int, seconds: int) -> bool:
    """Count one more use under `key`: False once more than `limit` fall in the window of
    `seconds` that the first use opened."""
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the counter expired between add and incr: a new window begins
        cache.set(key, 1, timeout=seconds)
        return True


def used(key: str) -> int:
    """How many uses the window under `key` holds so far (0 when none is open)."""
    return int(cache.get(key) or 0)
