"""The history table refuses UPDATE and DELETE in the database itself, exactly as the
applications' history does (applications/migrations/0002): not even a bulk query, the admin
or a shell session can rewrite what happened to a case.

(Emptying a test database between transactional tests lifts the SQLite DELETE trigger for
that moment only: tests/conftest.py.)"""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER appeals_appealevent_no_update BEFORE UPDATE ON appeals_appealevent
       BEGIN SELECT RAISE(ABORT, 'appeals_appealevent is append-only'); END""",
    """CREATE TRIGGER appeals_appealevent_no_delete BEFORE DELETE ON appeals_appealevent
       BEGIN SELECT RAISE(ABORT, 'appeals_appealevent is append-only'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER appeals_appealevent_no_update",
    "DROP TRIGGER appeals_appealevent_no_delete",
]
POSTGRESQL = [
    """CREATE FUNCTION appeals_appealevent_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'appeals_appealevent is append-only'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER appeals_appealevent_append_only BEFORE UPDATE OR DELETE
       ON appeals_appealevent FOR EACH ROW EXECUTE FUNCTION appeals_appealevent_append_only()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER appeals_appealevent_append_only ON appeals_appealevent",
    "DROP FUNCTION appeals_appealevent_append_only()",
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
    dependencies = [("appeals", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
