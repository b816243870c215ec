"""A question's history refuses UPDATE and DELETE in the database itself, as an
application's does (applications/migrations/0002_append_only_history.py)."""

from django.db import migrations

from gongkai.web.core.append_only import AppendOnly

HISTORY = AppendOnly("mailbox_questionevent")
SQLITE = HISTORY.sqlite  # read by tests/conftest.py


class Migration(migrations.Migration):
    dependencies = [("mailbox", "0001_initial")]
    operations = [HISTORY.operation()]
