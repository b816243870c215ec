"""On SQLite, a published report's two large columns — the document as the parser read it and
the source's lines, ~60 KB a report together — move to the end of its row.

SQLite stores a row's columns in order, and what does not fit on the row's page in a chain of
overflow pages that it can only follow one page after the other: a column written after 60 KB
costs ~16 page reads. The columns that lists, charts and the audit read (year, agency, match,
the kept measures and failures) came after `document`, so a chart over 10,000 reports read
~650 MB (docs/PERFORMANCE.md). PostgreSQL keeps large values out of the row: nothing to do.

The two fields move last in the migrations' state too: Django's SQLite schema editor rebuilds
a table with its columns in the state's order, so a later rebuild keeps them last
(tests/web/test_intelligence_storage_layout.py checks that the table has them last).
"""

from django.db import migrations, models

import gongkai.web.core.exact_json

LARGE = ("source_lines", "document")


def large_fields() -> list[tuple[str, models.Field]]:
    return [
        ("source_lines", models.JSONField(default=list)),
        ("document", models.JSONField(decoder=gongkai.web.core.exact_json.ExactDecoder,
                                      encoder=gongkai.web.core.exact_json.ExactEncoder)),
    ]  # fmt: skip


def rebuild_on_sqlite(apps, schema_editor):
    """Rewrite the table with its columns in the state's order (the large ones now last)."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor._remake_table(apps.get_model("intelligence", "PublishedReport"))


class Migration(migrations.Migration):
    dependencies = [("intelligence", "0006_chart_measures")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                *(migrations.RemoveField("publishedreport", name) for name in LARGE),
                *(
                    migrations.AddField("publishedreport", name, field, preserve_default=True)
                    for name, field in large_fields()
                ),
            ]
        ),
        migrations.RunPython(rebuild_on_sqlite, migrations.RunPython.noop),
    ]
