"""SQLite's search index is keyed by publication date: an entry's row in catalog_search has
rowid `发布日期 (proleptic ordinal) << 32 | entry id`, so that "newest first" — the order of a
query's hits beyond the ranked ones — is rowid descending, read straight off the FTS5 index,
and means what it means in the 目录 and on PostgreSQL: by 发布日期, not by when the entry
was created (an imported old catalogue was listed first). catalog_search_keys maps an entry
to its key; the triggers of 0011 find the row to drop through it.

Every entry is indexed afresh under its key (search.rebuild_index), which also indexes any
public entry the earlier migrations left out (0003, 0008).
"""

from django.db import migrations

COLUMNS = "title, doc_no, keywords, summary, body, attachments, facets"
KEPT = "NEW.state = 'published' AND NEW.disclosure_mode <> 'withheld'"
SAME_MODE = "NEW.disclosure_mode = OLD.disclosure_mode"


def keyed(entry: str) -> str:
    """A trigger's body: log the index row of the entry as removed, then remove it."""
    key = f"(SELECT key FROM catalog_search_keys WHERE entry_id = {entry})"
    return f"""BEGIN
        UPDATE catalog_search_generation SET n = n + 1
            WHERE EXISTS (SELECT 1 FROM catalog_search_keys WHERE entry_id = {entry});
        INSERT INTO catalog_search_changes (generation, sign, {COLUMNS})
            SELECT (SELECT n FROM catalog_search_generation), -1, {COLUMNS}
            FROM catalog_search WHERE rowid = {key};
        DELETE FROM catalog_search WHERE rowid = {key};
        DELETE FROM catalog_search_keys WHERE entry_id = {entry};
    END"""


def triggers(body) -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS catalog_search_unpublished",
        "DROP TRIGGER IF EXISTS catalog_search_deleted",
        f"""CREATE TRIGGER catalog_search_unpublished AFTER UPDATE ON catalog_entry
            WHEN NOT ({KEPT} AND {SAME_MODE}) {body("NEW.id")}""",
        f"CREATE TRIGGER catalog_search_deleted AFTER DELETE ON catalog_entry {body('OLD.id')}",
    ]


def by_id(entry: str) -> str:
    """0011's body: the rowid was the entry id."""
    return f"""BEGIN
        UPDATE catalog_search_generation SET n = n + 1
            WHERE EXISTS (SELECT 1 FROM catalog_search WHERE rowid = {entry});
        INSERT INTO catalog_search_changes (generation, sign, {COLUMNS})
            SELECT (SELECT n FROM catalog_search_generation), -1, {COLUMNS}
            FROM catalog_search WHERE rowid = {entry};
        DELETE FROM catalog_search WHERE rowid = {entry};
    END"""


FORWARD = [
    """CREATE TABLE catalog_search_keys (
        entry_id integer PRIMARY KEY, key integer NOT NULL)""",
    *triggers(keyed),
]
BACKWARD = [*triggers(by_id), "DROP TABLE catalog_search_keys"]


def run(statements):
    def apply(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return apply


def reindex(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    from gongkai.web.catalog.search import rebuild_index

    rebuild_index()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0011_sqlite_search_counts_follow_changes")]

    operations = [
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
