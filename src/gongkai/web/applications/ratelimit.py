"""A per-address limit on public submissions, in the cache: enough to stop a script, not a
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
    if cache.add(key, 1, timeout=3600):
        return True
    try:
        return cache.incr(key) <= settings.GONGKAI_SUBMISSIONS_PER_HOUR
    except ValueError:  # the counter expired between add and incr: a new hour begins
        cache.set(key, 1, timeout=3600)
        return True
