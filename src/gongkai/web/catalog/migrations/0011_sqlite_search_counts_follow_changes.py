"""SQLite keeps search counts too, and brings them up to date from a log of changes, as
PostgreSQL has since 0009 (search_backends/sqlite_counts.py): counting a common word in FTS5
reads its whole position list (10–50 ms at a million entries, 150 ms for an agency's full
name), reading a kept count and the changes since costs under a millisecond.

- catalog_search_generation moves on with every change to the index; `floor` is the oldest
  generation a kept count may be carried forward from.
- catalog_search_changes is an FTS5 table of the same columns as catalog_search, plus the
  generation and the sign (+1 added, −1 removed) of each logged row: the changes a query
  matches are found by the same MATCH expression as its hits.
- The backend logs what it stores and removes; the triggers of 0003/0008, which drop an entry
  from the index when it stops being public, log the row they drop. A change of more rows
  or text than the backend's limits (a rebuild, a book-length attachment) logs nothing and
  moves the floor past every count.
- Every PRUNE_EVERY generations the floor follows MAX_LAG generations behind, and a trigger
  on the floor prunes the log and the counts below it.

Earlier migrations indexed existing entries with the code of their day (0003, 0008); that
code now writes tables that only exist from 0012, which indexes them on SQLite instead.
"""

from django.db import migrations

MAX_LAG = 2000  # generations of the log that are kept (as in 0009)
PRUNE_EVERY = 100  # generations between prunings of the log
COLUMNS = "title, doc_no, keywords, summary, body, attachments, facets"
KEPT = "NEW.state = 'published' AND NEW.disclosure_mode <> 'withheld'"
SAME_MODE = "NEW.disclosure_mode = OLD.disclosure_mode"


def dropping(row: str) -> str:
    """A trigger's body: log the index row of entry `row` as removed, then remove it."""
    return f"""BEGIN
        UPDATE catalog_search_generation SET n = n + 1
            WHERE EXISTS (SELECT 1 FROM catalog_search WHERE rowid = {row});
        INSERT INTO catalog_search_changes (generation, sign, {COLUMNS})
            SELECT (SELECT n FROM catalog_search_generation), -1, {COLUMNS}
            FROM catalog_search WHERE rowid = {row};
        DELETE FROM catalog_search WHERE rowid = {row};
    END"""


ENTRY_TRIGGERS = [
    "DROP TRIGGER IF EXISTS catalog_search_unpublished",
    "DROP TRIGGER IF EXISTS catalog_search_deleted",
    f"""CREATE TRIGGER catalog_search_unpublished AFTER UPDATE ON catalog_entry
        WHEN NOT ({KEPT} AND {SAME_MODE}) {dropping("NEW.id")}""",
    f"CREATE TRIGGER catalog_search_deleted AFTER DELETE ON catalog_entry {dropping('OLD.id')}",
]

FORWARD = [
    """CREATE TABLE catalog_search_generation (
        n integer NOT NULL, floor integer NOT NULL)""",
    "INSERT INTO catalog_search_generation VALUES (0, 0)",
    """CREATE TABLE catalog_search_counts (
        query text PRIMARY KEY, generation integer NOT NULL, total integer NOT NULL
    ) WITHOUT ROWID""",
    f"""CREATE VIRTUAL TABLE catalog_search_changes USING fts5(
        {COLUMNS}, generation UNINDEXED, sign UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 0', prefix = '1')""",
    f"""CREATE TRIGGER catalog_search_generation_advanced
        AFTER UPDATE OF n ON catalog_search_generation
        WHEN NEW.n % {PRUNE_EVERY} = 0 AND NEW.floor < NEW.n - {MAX_LAG}
        BEGIN UPDATE catalog_search_generation SET floor = NEW.n - {MAX_LAG}; END""",
    """CREATE TRIGGER catalog_search_generation_pruned
        AFTER UPDATE OF floor ON catalog_search_generation WHEN NEW.floor > OLD.floor
        BEGIN
            DELETE FROM catalog_search_changes WHERE generation <= NEW.floor;
            DELETE FROM catalog_search_counts WHERE generation < NEW.floor;
        END""",
    *ENTRY_TRIGGERS,
]

BACKWARD = [
    "DROP TRIGGER IF EXISTS catalog_search_unpublished",
    "DROP TRIGGER IF EXISTS catalog_search_deleted",
    f"""CREATE TRIGGER catalog_search_unpublished AFTER UPDATE ON catalog_entry
        WHEN NOT ({KEPT} AND {SAME_MODE})
        BEGIN DELETE FROM catalog_search WHERE rowid = NEW.id; END""",
    """CREATE TRIGGER catalog_search_deleted AFTER DELETE ON catalog_entry
        BEGIN DELETE FROM catalog_search WHERE rowid = OLD.id; END""",
    "DROP TRIGGER catalog_search_generation_pruned",
    "DROP TRIGGER catalog_search_generation_advanced",
    "DROP TABLE catalog_search_changes",
    "DROP TABLE catalog_search_counts",
    "DROP TABLE catalog_search_generation",
]


def run(statements):
    def apply(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("catalog", "0010_search_without_date_index")]

    operations = [
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
