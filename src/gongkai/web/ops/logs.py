"""Log records as text for a terminal or as one JSON object per line for a log collector
(LOG_FORMAT=json), and the filter that keeps secrets out of both.

Nothing here imports Django, so gunicorn's own logs can use the same formatter before the
platform is loaded. What reaches a record is chosen by its writers: the request log
(request_log.py) writes no query string, no body and no personal data; Django's request
errors name the path, in which a query code is masked.
"""

import json
import logging
from datetime import UTC, datetime

# URL parameters that work like a password: a query code lets anyone follow a case.
SECRET_URL_PARAMETERS = ("query_code",)
MASK = "***"
# Attributes every LogRecord has; anything else was passed with `extra=` and is a field.
STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message"}
FIELD_TYPES = (str, int, float, bool, type(None))


def masked_path(request) -> str:
    """The request's path with the values of secret URL parameters replaced by ***."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    for name in SECRET_URL_PARAMETERS:
        value = match.kwargs.get(name) if match else None
        if value:
            path = path.replace(str(value), MASK)
    return path


class MaskSecrets(logging.Filter):
    """Django's request errors ("Internal Server Error: /track/ABCD…/") name the path."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if isinstance(path, str) and path:
            masked = masked_path(request)
            if masked != path:
                record.msg, record.args = record.getMessage().replace(path, masked), ()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, the fields passed with
    `extra=` that are plain values (a request object or a user is never written), and the
    traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name not in STANDARD_ATTRIBUTES and isinstance(value, FIELD_TYPES):
                entry.setdefault(name, value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def logging_config(log_format: str, level: str, requests: bool) -> dict:
    """settings.LOGGING: everything to standard error in the chosen format."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"mask_secrets": {"()": MaskSecrets}},
        "formatters": {
            "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
            "json": {"()": JsonFormatter},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["mask_secrets"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # One line per request comes from the request log; Django's own 4xx warnings
            # would repeat it. Its 5xx errors (with the traceback) stay.
            "django.request": {"level": "ERROR"},
            "gongkai.requests": {"level": "INFO" if requests else "WARNING"},
        },
    }
