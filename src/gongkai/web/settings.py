"""Settings for the Gongkai web platform, read from the environment with safe defaults.

DATABASE_URL   default: SQLite file var/gongkai.sqlite3 (WAL, busy timeout)
SECRET_KEY     default: generated once and kept in var/secret_key
DEBUG          default: off
ALLOWED_HOSTS  default: localhost, 127.0.0.1, [::1] (comma-separated)
GONGKAI_DATA_DIR  where the SQLite file, secret key and uploads live (default: ./var)
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from gongkai.web.env import (
    envbool,
    envchoice,
    envint,
    envlist,
    envstr,
    persistent_secret_key,
)
from gongkai.web.ops.files import private_directory, private_file
from gongkai.web.ops.logs import logging_config

SOURCE_ROOT = Path(__file__).resolve().parents[3]


def default_data_dir() -> Path:
    # In a checkout (the usual case) data lives in the repo's var/; installed elsewhere, in ./var.
    if (SOURCE_ROOT / "pyproject.toml").exists():
        return SOURCE_ROOT / "var"
    return Path.cwd() / "var"


# The data directory holds applicants' data: created readable by its owner only.
DATA_DIR = private_directory(Path(envstr("GONGKAI_DATA_DIR", str(default_data_dir()))))
DEBUG = envbool("DEBUG", False)
SECRET_KEY = persistent_secret_key(DATA_DIR / "secret_key")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # First: its templates (the error pages, the admin's base_site.html) override Django's.
    "gongkai.web.core",
    "gongkai.web.core.admin_apps.GongkaiAdminConfig",  # django.contrib.admin, Gongkai's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ninja",
    "django_tasks_db",
    "axes",
    "gongkai.web.agencies",
    "gongkai.web.workcalendar",
    "gongkai.web.applications",
    "gongkai.web.catalog",
    "gongkai.web.appeals",
    "gongkai.web.annualreports",
    "gongkai.web.interpretations",
    "gongkai.web.intelligence",
    "gongkai.web.portal",
    "gongkai.web.jobs",
    "gongkai.web.privacy",
    "gongkai.web.supervision",
    "gongkai.web.kiosk",
    "gongkai.web.mailbox",
]

MIDDLEWARE = [
    "gongkai.web.ops.request_log.RequestLogMiddleware",  # first: its duration covers the rest
    "gongkai.web.ops.health.HealthCheckMiddleware",  # before host checks and HTTPS redirects
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gongkai.web.core.middleware.ChineseFirstLocaleMiddleware",
    "gongkai.web.core.input.InputCleaningMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gongkai.web.core.json_only.JsonOnlyApiMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a refused login into the login page
]

ROOT_URLCONF = "gongkai.web.urls"
WSGI_APPLICATION = "gongkai.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.web.core.context_processors.site",
                "gongkai.web.core.display.display_classes",
            ],
        },
    },
]


def sqlite_database(path: Path) -> dict:
    # WAL lets readers proceed during a write; IMMEDIATE transactions plus a busy timeout make
    # concurrent writers queue instead of failing with "database is locked". The test database
    # is a file too: an in-memory one locks whole tables and ignores the busy timeout, which
    # would make the concurrency tests test something else than production.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "TEST": {"NAME": path.with_name(f"test-{path.name}")},
        "OPTIONS": {
            # FULL: in WAL mode NORMAL syncs only at checkpoints, so a receipt already shown
            # to an applicant could vanish in a power cut (cost: docs/PERFORMANCE.md).
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": envint("SQLITE_BUSY_TIMEOUT", 20),
        },
    }


def database_from_env() -> dict:
    url = envstr("DATABASE_URL", "")
    if not url:
        return sqlite_database(private_file(DATA_DIR / "gongkai.sqlite3"))
    config = dj_database_url.parse(url, conn_max_age=envint("DB_CONN_MAX_AGE", 60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        return sqlite_database(private_file(Path(config["NAME"])))
    config["CONN_HEALTH_CHECKS"] = True
    # No JIT: a search count's estimated cost passes jit_above_cost, and compiling its plan
    # took ~120 ms of the 200 it ran at a million entries; short queries never gain from it.
    config.setdefault("OPTIONS", {})["options"] = "-c jit=off"
    return config


DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "agencies.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2 for new and changed passwords; an older hash is rewritten with Argon2 at its next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Failed logins are counted per account and per client address (agencies/login_throttle.py).
AUTHENTICATION_BACKENDS = ["gongkai.web.agencies.login_throttle.ThrottledLoginBackend"]
AXES_FAILURE_LIMIT = envint("GONGKAI_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=envint("GONGKAI_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the wait shown is the wait there is
AXES_LOCKOUT_CALLABLE = "gongkai.web.agencies.login_throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "gongkai.web.agencies.login_throttle.lockout_address"
# Password checks running at once across all server processes (each takes ~0.5 s of CPU).
GONGKAI_LOGIN_SLOTS = envint("GONGKAI_LOGIN_SLOTS", 2)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workbench"
LOGOUT_REDIRECT_URL = "home"

# 简体中文 is the language of the platform; English is available on request.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on a missing root
# Production (ops/gunicorn_conf.py sets this): static files collected once under hashed names,
# compressed ahead, cached by browsers for a year. Otherwise served from the apps' folders.
GONGKAI_COLLECTED_STATIC = envbool("GONGKAI_COLLECTED_STATIC", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "gongkai.web.ops.static.CollectedStaticStorage"
        if GONGKAI_COLLECTED_STATIC
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not GONGKAI_COLLECTED_STATIC
MEDIA_ROOT = DATA_DIR / "media"
# Uploads (identity documents, letters) readable by the platform's user only.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Cookies: never readable by scripts (no page script needs the CSRF token from its cookie),
# not sent on cross-site subrequests, and only over HTTPS once SECURE_COOKIES is on.
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Scripts, styles, images and fonts come from our own static files only: no inline script or
# style anywhere (a published report's frozen page has its own policy, core/csp.py).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The HTTPS proxies in front of the platform (addresses or networks, comma-separated): the
# client's address is then read from X-Forwarded-For (core/client_address.py), and a request
# they forwarded as HTTPS (X-Forwarded-Proto) counts as secure, for HSTS and secure cookies.
GONGKAI_TRUSTED_PROXIES = envlist("GONGKAI_TRUSTED_PROXIES", [])
if GONGKAI_TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind an HTTPS proxy, turn these on; the local two-command set-up serves plain HTTP.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SILENCED_SYSTEM_CHECKS = envlist("SILENCED_SYSTEM_CHECKS", [])

# The cache every server process shares (the submission rate limit, the 目录's filters): a
# table in the database, created by `gongkai migrate`, or Redis when REDIS_URL is set
# (pip install 'gongkai[redis]').
REDIS_URL = envstr("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "gongkai.web.ops.cache.DatabaseCache",
        "LOCATION": "gongkai_cache",
        # One rate-limit key per address and hour: Django's default of 300 keys would cull
        # live counters on a busy day.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

# Online applications accepted per network address per hour (a brake on scripts, not people).
GONGKAI_SUBMISSIONS_PER_HOUR = envint("GONGKAI_SUBMISSIONS_PER_HOUR", 20)
# A dotted path to a callable(uploaded_file) that raises ValidationError for an infected file,
# e.g. a wrapper around clamd; empty: no scanning.
GONGKAI_UPLOAD_SCANNER = envstr("GONGKAI_UPLOAD_SCANNER", "")

# How many days personal data is kept after the end of what it served (privacy/retention.py
# says why each default is what it is); the daily purge masks or deletes it afterwards.
GONGKAI_RETENTION_DAYS = {
    "applicant_details": envint("GONGKAI_RETAIN_APPLICANT_DETAILS_DAYS", 5 * 365),
    "applicant_attachments": envint("GONGKAI_RETAIN_APPLICANT_ATTACHMENTS_DAYS", 365),
    "appellant_names": envint("GONGKAI_RETAIN_APPELLANT_NAMES_DAYS", 5 * 365),
    "notification_recipients": envint("GONGKAI_RETAIN_NOTIFICATION_RECIPIENTS_DAYS", 365),
}

# Background work (reminders, nightly jobs, recounting) is queued in the database and run by
# `gongkai worker`; no broker to install. A large installation may point this at another
# backend of Django's Tasks framework.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# E-mail (reminders to staff) through Django's mailers. Without an SMTP host, messages are
# written as files into the data directory, so the platform runs offline and nothing is lost;
# EMAIL_BACKEND=console prints them instead.
MAILER_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}


def mailer_from_env() -> dict:
    host = envstr("EMAIL_HOST", "")
    backend = envchoice("EMAIL_BACKEND", MAILER_BACKENDS, "smtp" if host else "file")
    if backend == MAILER_BACKENDS["file"]:
        options = {"file_path": envstr("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))}
    elif backend == MAILER_BACKENDS["smtp"]:
        options = {
            "host": host or "localhost",
            "port": envint("EMAIL_PORT", 0) or None,  # None: 25, 465 with SSL, 587 with TLS
            "username": envstr("EMAIL_HOST_USER", ""),
            "password": envstr("EMAIL_HOST_PASSWORD", ""),
            "use_tls": envbool("EMAIL_USE_TLS", False),
            "use_ssl": envbool("EMAIL_USE_SSL", False),
            "timeout": envint("EMAIL_TIMEOUT", 30),  # a hung server must not hold the worker
        }
    else:
        options = {}
    return {"BACKEND": backend, "OPTIONS": options}


MAILERS = {"default": mailer_from_env()}
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "gongkai@localhost")
# Where staff reach the platform: links in e-mails are absolute.
GONGKAI_SITE_URL = envstr("GONGKAI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The address that public pages' QR codes carry (portal/qr_codes.py), e.g.
# https://xxgk.example.gov.cn; empty: the scheme and host the visitor's browser used.
GONGKAI_CANONICAL_URL = envstr("GONGKAI_CANONICAL_URL", "").rstrip("/")
# The footer of every page, as government websites carry it (portal/templatetags/
# portal_footer.py): 主办单位, contact, 网站标识码, ICP备案号, 公安机关备案号. The defaults are the
# demo county's; a line set to "" is not shown. `manage check --deploy` warns while they are.
DEMO_SITE_IDENTITY = {
    "GONGKAI_SITE_SPONSOR": "青山县人民政府办公室",
    "GONGKAI_SITE_PHONE": "0795-7221001",
    "GONGKAI_SITE_EMAIL": "xxgk@qingshan.gov.cn",
    "GONGKAI_SITE_IDENTIFIER": "3609990001",
    "GONGKAI_ICP_RECORD": "赣ICP备26000999号-1",
    "GONGKAI_PUBLIC_SECURITY_RECORD": "赣公网安备36099902000001号",
}
GONGKAI_SITE_SPONSOR = envstr("GONGKAI_SITE_SPONSOR", DEMO_SITE_IDENTITY["GONGKAI_SITE_SPONSOR"])
GONGKAI_SITE_PHONE = envstr("GONGKAI_SITE_PHONE", DEMO_SITE_IDENTITY["GONGKAI_SITE_PHONE"])
GONGKAI_SITE_EMAIL = envstr("GONGKAI_SITE_EMAIL", DEMO_SITE_IDENTITY["GONGKAI_SITE_EMAIL"])
GONGKAI_SITE_IDENTIFIER = envstr(
    "GONGKAI_SITE_IDENTIFIER", DEMO_SITE_IDENTITY["GONGKAI_SITE_IDENTIFIER"]
)
GONGKAI_ICP_RECORD = envstr("GONGKAI_ICP_RECORD", DEMO_SITE_IDENTITY["GONGKAI_ICP_RECORD"])
GONGKAI_PUBLIC_SECURITY_RECORD = envstr(
    "GONGKAI_PUBLIC_SECURITY_RECORD", DEMO_SITE_IDENTITY["GONGKAI_PUBLIC_SECURITY_RECORD"]
)

# Logs go to standard error: text for a terminal, or one JSON object per line for a log
# collector (LOG_FORMAT=json, the default of `serve --production`); one line per request
# unless LOG_REQUESTS is off (ops/logs.py, ops/request_log.py).
LOGGING = logging_config(
    envchoice("LOG_FORMAT", {"text": "text", "json": "json"}, "text"),
    envstr("LOG_LEVEL", "WARNING"),
    requests=envbool("LOG_REQUESTS", True),
)
