"""The history table refuses UPDATE and DELETE in the database itself, so that not even a
bulk query, the admin or a shell session can rewrite what happened to a case.

(Emptying a test database between browser tests uses TRUNCATE on PostgreSQL, which row
triggers do not see; SQLite has no TRUNCATE, so the test harness lifts its DELETE trigger
for that moment only: tests/web/conftest.py.)"""

from django.db import migrations

from gongkai.web.core.append_only import AppendOnly

HISTORY = AppendOnly("applications_event")
SQLITE = HISTORY.sqlite  # read by tests/conftest.py


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial")]
    operations = [HISTORY.operation()]
