"""What the gunicorn master does once before it listens (ops/gunicorn_conf.py's on_starting):
check the platform, refuse the demo's password, collect the static files.

Failures are raised as RuntimeError, which gunicorn prints as "Error: …" before exiting 1.
"""

import logging
import os
from io import StringIO


def prepare(hosts: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError
    from django.db import connections

    from gongkai.web.ops.demo_guard import DemoPasswordInUse, refuse_demo_password
    from gongkai.web.ops.static import collect_static

    report = StringIO()
    try:
        call_command("check", databases=["default"], stdout=report)
        refuse_demo_password(hosts, production=True)
        collect_static()
    except (SystemCheckError, DemoPasswordInUse) as error:
        raise RuntimeError(str(error)) from None
    finally:
        connections.close_all()  # the workers are forked from here: each opens its own
    if "no issues" not in report.getvalue():  # warnings: into the log, in its format
        logging.getLogger("gongkai.ops").warning(report.getvalue().strip())
