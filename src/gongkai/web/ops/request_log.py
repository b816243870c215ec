"""One log line per request: method, path (no query string: searches may hold names, links
may hold tokens; a query code in the path masked), status, duration, user id and the
client's address as the trusted proxies tell it. Never a body, a header or a name."""

import logging
import time

from gongkai.web.core.client_address import client_address
from gongkai.web.ops.health import PATHS as HEALTH_PATHS
from gongkai.web.ops.logs import masked_path

logger = logging.getLogger("gongkai.requests")


def user_id(request) -> int | None:
    user = getattr(request, "user", None)  # absent when a middleware answered first
    return user.pk if user is not None and user.is_authenticated else None


def request_fields(request, status: int, started: float) -> dict:
    return {
        "method": request.method,
        "path": masked_path(request),
        "status": status,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        "user_id": user_id(request),
        "remote_addr": client_address(request),
    }


class RequestLogMiddleware:
    """Outermost middleware, so the duration covers every other one. A load balancer's
    successful health probes are not logged (one every few seconds would bury the rest)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if response.status_code == 200 and request.path_info in HEALTH_PATHS:
            return response
        fields = request_fields(request, response.status_code, started)
        logger.info(
            "%(method)s %(path)s %(status)s %(duration_ms)sms user=%(user_id)s from "
            "%(remote_addr)s",
            fields,
            extra=fields,
        )
        return response
