"""The history table refuses UPDATE and DELETE in the database itself, exactly as the
applications' history does (applications/migrations/0002): not even a bulk query, the admin
or a shell session can rewrite what happened to a case.

(Emptying a test database between transactional tests lifts the SQLite DELETE trigger for
that moment only: tests/conftest.py.)"""

from django.db import migrations

from gongkai.web.core.append_only import AppendOnly

HISTORY = AppendOnly("appeals_appealevent")
SQLITE = HISTORY.sqlite  # read by tests/conftest.py


class Migration(migrations.Migration):
    dependencies = [("appeals", "0001_initial")]
    operations = [HISTORY.operation()]
