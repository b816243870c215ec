"""The history table refuses UPDATE and DELETE in the database itself, so that not even a
bulk query, the admin or a shell session can rewrite what happened to a case.

(Emptying a test database between browser tests uses TRUNCATE on PostgreSQL, which row
triggers do not see; SQLite has no TRUNCATE, so the test harness lifts its DELETE trigger
for that moment only: tests/web/conftest.py.)"""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER applications_event_no_update BEFORE UPDATE ON applications_event
       BEGIN SELECT RAISE(ABORT, 'applications_event is append-only'); END""",
    """CREATE TRIGGER applications_event_no_delete BEFORE DELETE ON applications_event
       BEGIN SELECT RAISE(ABORT, 'applications_event is append-only'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER applications_event_no_update",
    "DROP TRIGGER applications_event_no_delete",
]
POSTGRESQL = [
    """CREATE FUNCTION applications_event_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'applications_event is append-only'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER applications_event_append_only BEFORE UPDATE OR DELETE
       ON applications_event FOR EACH ROW EXECUTE FUNCTION applications_event_append_only()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER applications_event_append_only ON applications_event",
    "DROP FUNCTION applications_event_append_only()",
]


def forwards(apps, schema_editor):
    run(schema_editor, SQLITE if schema_editor.connection.vendor == "sqlite" else POSTGRESQL)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    run(schema_editor, SQLITE_REVERSE if vendor == "sqlite" else POSTGRESQL_REVERSE)


def run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
