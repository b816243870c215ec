"""A report's history and its published versions refuse UPDATE and DELETE in the database
itself, like the applications' history: what was published, and who did what, stays."""

from django.db import migrations

from gongkai.web.core.append_only import AppendOnly

HISTORY = AppendOnly("annualreports_reportevent")
VERSIONS = AppendOnly("annualreports_reportversion")
SQLITE = HISTORY.sqlite + VERSIONS.sqlite  # read by tests/conftest.py


class Migration(migrations.Migration):
    dependencies = [("annualreports", "0001_initial")]
    operations = [HISTORY.operation(), VERSIONS.operation()]
