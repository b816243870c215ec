"""The address of the person at the other end of a request, behind trusted proxies.

Behind the recommended HTTPS proxy every request comes from the proxy's address, so keying a
rate limit or a login lockout on REMOTE_ADDR would make all citizens share one quota. The
proxy appends the address it saw to X-Forwarded-For; only the hops added by proxies we trust
can be believed, so the client is the last hop, read from the right, that is not one of them.
Everything to the left of it was written by the client and may be forged.
"""

import ipaddress
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

type Network = ipaddress.IPv4Network | ipaddress.IPv6Network
UNKNOWN_ADDRESS = "unknown"  # the server was given no address (a test client, a socket file)


@cache
def trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"GONGKAI_TRUSTED_PROXIES: {entry!r} is not an address or a network"
            ) from None
    return tuple(networks)


def parsed(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def is_trusted(address) -> bool:
    networks = trusted_networks(tuple(settings.GONGKAI_TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def client_address(request) -> str:
    """The client's address as text (UNKNOWN_ADDRESS when the server was given none)."""
    remote = parsed(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return UNKNOWN_ADDRESS
    if not is_trusted(remote):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    nearest = remote
    for hop in reversed([hop for hop in forwarded.split(",") if hop.strip()]):
        address = parsed(hop)
        if address is None:  # not written by a proxy of ours: stop at the last one we trust
            return str(nearest)
        if not is_trusted(address):
            return str(address)
        nearest = address
    return str(nearest)
