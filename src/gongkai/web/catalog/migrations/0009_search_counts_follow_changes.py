"""PostgreSQL keeps large search counts across changes to the index instead of forgetting
them all at each one (0004): every statement that changes a few rows of catalog_search logs
them, under a new generation, in catalog_search_changes, and a kept count is brought up to
date from the log when it is next read (search_backends/postgresql.count). A statement that
changes many rows (a rebuild, a bulk import) logs nothing and forgets every count instead,
and the log is kept for the last MAX_LAG generations only: `floor` is the oldest generation
a kept count may carry forward from.

This also ends a quadratic cost: 0004's trigger updated the generation row once per
statement, and the index was filled one row per statement, so a rebuild of a million
entries in one transaction walked a chain of up to a million dead versions of that row for
every insert. The backend now inserts a batch in one statement.
"""

from django.db import migrations

LOG_LIMIT = 200  # rows one statement may change and still be logged
MAX_LAG = 2000  # generations of the log that are kept
PRUNE_EVERY = 100  # generations between prunings of the log

FUNCTION = f"""
CREATE OR REPLACE FUNCTION catalog_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        changed integer := {LOG_LIMIT} + 1;  -- TRUNCATE: always too many
        current bigint;
        oldest bigint;
    BEGIN
        -- The transition tables exist only for their own events, hence the separate IFs.
        IF TG_OP = 'INSERT' THEN
            SELECT count(*) INTO changed FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
            SELECT count(*) INTO changed FROM old_rows;
        ELSIF TG_OP = 'UPDATE' THEN
            SELECT 2 * count(*) INTO changed FROM new_rows;
        END IF;
        IF changed = 0 THEN
            RETURN NULL;
        END IF;
        -- One update of the generation row per statement (it is locked until commit, so
        -- writers of the index take generations in commit order).
        UPDATE catalog_search_generation SET n = n + 1, floor = CASE
                WHEN changed > {LOG_LIMIT} THEN n + 1
                WHEN (n + 1) % {PRUNE_EVERY} = 0 THEN greatest(floor, n + 1 - {MAX_LAG})
                ELSE floor END
            RETURNING n, floor INTO current, oldest;
        IF changed > {LOG_LIMIT} THEN
            DELETE FROM catalog_search_changes;
            DELETE FROM catalog_search_counts;
            RETURN NULL;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            INSERT INTO catalog_search_changes
                SELECT current, entry_id, part, -1, grams, doc FROM old_rows;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO catalog_search_changes
                SELECT current, entry_id, part, 1, grams, doc FROM new_rows;
        END IF;
        IF current % {PRUNE_EVERY} = 0 THEN
            DELETE FROM catalog_search_changes WHERE generation <= oldest;
            DELETE FROM catalog_search_counts WHERE generation < oldest;
        END IF;
        RETURN NULL;
    END $$"""

TRIGGERS = [("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows")]  # fmt: skip

FORWARD = [
    "ALTER TABLE catalog_search_generation ADD COLUMN floor bigint NOT NULL DEFAULT 0",
    "UPDATE catalog_search_generation SET floor = n",
    """CREATE TABLE catalog_search_changes (
        generation bigint NOT NULL,
        entry_id integer NOT NULL,
        part smallint NOT NULL,
        sign smallint NOT NULL,
        grams tsvector NOT NULL,
        doc text)""",
    "CREATE INDEX catalog_search_changes_generation ON catalog_search_changes (generation)",
    "DELETE FROM catalog_search_counts",
    *[f"DROP TRIGGER catalog_search_{event.lower()} ON catalog_search" for event, _ in TRIGGERS],
    FUNCTION,
    *[
        f"""CREATE TRIGGER catalog_search_{event.lower()} AFTER {event} ON catalog_search
            REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_changed()"""
        for event, tables in TRIGGERS
    ],
]

BACKWARD = [
    *[f"DROP TRIGGER catalog_search_{event.lower()} ON catalog_search" for event, _ in TRIGGERS],
    "DROP TABLE catalog_search_changes",
    "ALTER TABLE catalog_search_generation DROP COLUMN floor",
    "DELETE FROM catalog_search_counts",
    """CREATE OR REPLACE FUNCTION catalog_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'TRUNCATE' THEN
                IF NOT EXISTS (SELECT 1 FROM changed) THEN
                    RETURN NULL;
                END IF;
            END IF;
            UPDATE catalog_search_generation SET n = n + 1;
            DELETE FROM catalog_search_counts;
            RETURN NULL;
        END $$""",
    *[
        f"""CREATE TRIGGER catalog_search_{event.lower()} AFTER {event} ON catalog_search
            REFERENCING {rows} TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_changed()"""
        for event, rows in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")]
    ],
]


def run(statements):
    def apply(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_search_on_request_entries")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
