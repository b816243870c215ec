"""PostgreSQL's catalogue index becomes a table of leading n-grams (search_backends/
postgresql.py) instead of pg_trgm over the text: exact and fast for common two-, three- and
four-character words at a million entries, where the trigram and bigram indexes had to
recheck every hit (docs/PERFORMANCE.md). SQLite's FTS5 index is unchanged.

The table keeps its name and its entry_id column, so 0003's triggers (which delete an entry's
rows when it stops being public) serve it unchanged.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    "DROP TABLE catalog_search",
    "DROP FUNCTION IF EXISTS gongkai_bigrams(text)",
    """CREATE TABLE catalog_search (
        entry_id integer NOT NULL,
        part smallint NOT NULL DEFAULT 0,
        chunked boolean NOT NULL DEFAULT false,
        published_on date,
        grams tsvector NOT NULL,
        doc text,
        PRIMARY KEY (entry_id, part)
    ) WITH (toast_tuple_target = 128)""",
    """CREATE INDEX catalog_search_grams ON catalog_search USING gin (grams)
        WITH (fastupdate = off)""",
    """CREATE INDEX catalog_search_newest ON catalog_search
        (published_on DESC NULLS LAST, entry_id DESC)""",
    # Large counts are kept until the index changes (postgresql.count): any statement that
    # changes a row moves the generation on and forgets them.
    "CREATE TABLE catalog_search_generation (n bigint NOT NULL)",
    "INSERT INTO catalog_search_generation VALUES (0)",
    """CREATE TABLE catalog_search_counts (
        query text PRIMARY KEY, generation bigint NOT NULL, total integer NOT NULL)""",
    """CREATE FUNCTION catalog_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- Separate IFs: a TRUNCATE trigger has no transition table to look at.
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
    """CREATE TRIGGER catalog_search_truncate AFTER TRUNCATE ON catalog_search
        FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_changed()""",
]
POSTGRESQL_BACKWARD = [
    "DROP TABLE catalog_search",
    "DROP FUNCTION catalog_search_changed()",
    "DROP TABLE catalog_search_counts",
    "DROP TABLE catalog_search_generation",
    "CREATE TABLE catalog_search (entry_id integer PRIMARY KEY, doc text NOT NULL)",
    r"""CREATE FUNCTION gongkai_bigrams(doc text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT coalesce(array_agg(DISTINCT pair), '{}')
            FROM (SELECT substr(doc, i, 2) AS pair
                  FROM generate_series(1, length(doc) - 1) AS i) AS pairs
            WHERE pair ~ '^[\u2e80-\U0010ffff]{2}$'
        $$""",
    "CREATE INDEX catalog_search_trgm ON catalog_search USING gin (doc gin_trgm_ops)",
    "CREATE INDEX catalog_search_bigrams ON catalog_search USING gin (gongkai_bigrams(doc))",
]


def run(statements):
    def apply(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return apply


def reindex(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        from gongkai.web.catalog.search import rebuild_index

        rebuild_index()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_search_index")]

    operations = [
        migrations.RunPython(run(POSTGRESQL_FORWARD), run(POSTGRESQL_BACKWARD)),
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
