"""An interpretation's history refuses UPDATE and DELETE in the database itself, as the
other histories do (applications/migrations/0002).

(Emptying a test database between transactional tests lifts the SQLite DELETE trigger for
that moment only: tests/conftest.py.)"""

from django.db import migrations

from gongkai.web.core.append_only import AppendOnly

HISTORY = AppendOnly("interpretations_interpretationevent")
SQLITE = HISTORY.sqlite  # read by tests/conftest.py


class Migration(migrations.Migration):
    dependencies = [("interpretations", "0001_initial")]
    operations = [HISTORY.operation()]
