"""PostgreSQL's search no longer reads catalog_search in date order: a page is walked off the
目录's own indexes of catalog_entry, or collected and sorted (search_backends/
postgresql_pages.py), so the date index of 0004 only cost every insert its upkeep."""

from django.db import migrations

FORWARD = ["DROP INDEX IF EXISTS catalog_search_newest"]
BACKWARD = [
    """CREATE INDEX IF NOT EXISTS catalog_search_newest ON catalog_search
        (published_on DESC NULLS LAST, entry_id DESC)"""
]


def run(statements):
    def apply(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("catalog", "0009_search_counts_follow_changes")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
