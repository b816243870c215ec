"""gunicorn's configuration for Gongkai: what `gongkai serve --production` runs, and what a
plain gunicorn command line uses to the same effect:

    gunicorn -c python:gongkai.web.ops.gunicorn_conf --bind 127.0.0.1:8000 gongkai.web.wsgi

Before it listens, the master process checks the platform (system checks, database), refuses
to start while an account has the demo's published password, and collects the static files
(once per release). Options given on the command line or in GUNICORN_CMD_ARGS override the
values here; WEB_CONCURRENCY sets the number of workers.
"""

import os

# Set before Django reads its settings, here in the master and, inherited, in the workers.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
os.environ["GONGKAI_COLLECTED_STATIC"] = "true"
os.environ["LOG_FORMAT"] = os.environ.get("LOG_FORMAT") or "json"

CORES = os.cpu_count() or 1

wsgi_app = "gongkai.web.wsgi:application"
bind = ["127.0.0.1:8000"]
# Threads keep a worker answering while one of its requests renders a PDF; two workers per
# core use the cores while another waits on the database. 2 cores: 4 × 4 = 16 requests.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * CORES))
threads = 4
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle a worker now and then: long-lived processes that render documents grow.
max_requests = 2000
max_requests_jitter = 200
proc_name = "gongkai"
# gunicornc's control socket is not used, and its default path ($HOME/.gunicorn) is shared by
# every gunicorn of the user (and read-only under systemd's ProtectHome).
control_socket_disable = True
accesslog = None  # one JSON (or text) line per request comes from the platform's request log
errorlog = "-"
# X-Forwarded-Proto from these addresses sets the scheme (nginx on this host, by default).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

if os.environ["LOG_FORMAT"] == "json":
    # gunicorn's own messages (workers booted, killed, timed out) as JSON lines too; its
    # access log stays off (a logging configuration would otherwise turn it on).
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "gongkai.web.ops.logs.JsonFormatter"}},
        "handlers": {
            "error_console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": "WARNING", "handlers": []},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
            "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
        },
    }


def host_of(address) -> str:
    """A listening address as the demo guard reads it: the host of (host, port), or the
    path of a Unix socket (never loopback: a proxy serves it to others)."""
    return address[0] if isinstance(address, tuple) else f"unix:{address}"


def on_starting(server) -> None:
    from gongkai.web.ops.production import prepare

    prepare([host_of(address) for address in server.cfg.address])
