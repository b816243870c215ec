"""The full-text search index of the public catalogue (see catalog/search.py).

SQLite: an FTS5 table of overlapping character pairs plus filter tokens, rowid = entry id. PostgreSQL: a table of the
compact text with a pg_trgm GIN index and a GIN index of CJK bigrams (two-character words
have no trigram). On both, triggers drop an entry from the index as soon as it is no longer
published for proactive disclosure, or is deleted — whatever code changed the row; adding and
refreshing needs the Python normalisation and is done by search.index_entry(). Entries
published before are indexed once the tables today's code writes exist: 0004 (PostgreSQL),
0012 (SQLite).
"""

from django.db import migrations

PUBLIC = "NEW.state = 'published' AND NEW.disclosure_mode = 'proactive'"

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE catalog_search USING fts5(
        title, doc_no, keywords, summary, body, attachments, facets,
        tokenize = 'unicode61 remove_diacritics 0', prefix = '1')""",
    f"""CREATE TRIGGER catalog_search_unpublished AFTER UPDATE ON catalog_entry
        WHEN NOT ({PUBLIC})
        BEGIN DELETE FROM catalog_search WHERE rowid = NEW.id; END""",
    """CREATE TRIGGER catalog_search_deleted AFTER DELETE ON catalog_entry
        BEGIN DELETE FROM catalog_search WHERE rowid = OLD.id; END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS catalog_search_deleted",
    "DROP TRIGGER IF EXISTS catalog_search_unpublished",
    "DROP TABLE IF EXISTS catalog_search",
]

POSTGRESQL_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Not a foreign key: Django's test flush truncates catalog_entry without CASCADE.
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
    f"""CREATE FUNCTION catalog_search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                TRUNCATE catalog_search;
            ELSIF TG_OP = 'DELETE' THEN
                DELETE FROM catalog_search WHERE entry_id = OLD.id;
            ELSIF NOT ({PUBLIC}) THEN
                DELETE FROM catalog_search WHERE entry_id = NEW.id;
            END IF;
            RETURN NULL;
        END $$""",
    """CREATE TRIGGER catalog_search_forget AFTER UPDATE OR DELETE ON catalog_entry
        FOR EACH ROW EXECUTE FUNCTION catalog_search_forget()""",
    """CREATE TRIGGER catalog_search_truncated AFTER TRUNCATE ON catalog_entry
        FOR EACH STATEMENT EXECUTE FUNCTION catalog_search_forget()""",
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS catalog_search_truncated ON catalog_entry",
    "DROP TRIGGER IF EXISTS catalog_search_forget ON catalog_entry",
    "DROP FUNCTION IF EXISTS catalog_search_forget()",
    "DROP TABLE IF EXISTS catalog_search",
    "DROP FUNCTION IF EXISTS gongkai_bigrams(text)",
]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
}


def run(schema_editor, forward: bool) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise NotImplementedError(f"catalogue search needs SQLite or PostgreSQL, not {vendor}")
    for statement in STATEMENTS[vendor][0 if forward else 1]:
        schema_editor.execute(statement, params=None)


def create(apps, schema_editor) -> None:
    run(schema_editor, forward=True)


def drop(apps, schema_editor) -> None:
    run(schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_registry")]

    operations = [
        migrations.RunPython(create, drop),
    ]
