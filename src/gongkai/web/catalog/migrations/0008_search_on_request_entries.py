"""Search finds what the 目录 lists: entries published for disclosure on application
(依申请公开) join the index with their metadata only — 名称, 文号, 关键词, 内容概述, never
their text or attachments (search.readable_fields). The triggers of 0003, which drop an entry
from the index when it stops being public, now keep such entries, and drop any entry whose
公开方式 changes: what may be read of it changed, and only search.index_entry() (which
saving an entry runs) knows what to put back.
"""

from django.db import migrations

KEPT = "NEW.state = 'published' AND NEW.disclosure_mode <> 'withheld'"
SAME_MODE = "NEW.disclosure_mode = OLD.disclosure_mode"


def sqlite_trigger(public: str, same_mode: str | None) -> list[str]:
    keep = f"{public} AND {same_mode}" if same_mode else public
    return [
        "DROP TRIGGER IF EXISTS catalog_search_unpublished",
        f"""CREATE TRIGGER catalog_search_unpublished AFTER UPDATE ON catalog_entry
            WHEN NOT ({keep})
            BEGIN DELETE FROM catalog_search WHERE rowid = NEW.id; END""",
    ]


def postgresql_function(public: str, same_mode: str | None) -> list[str]:
    keep = f"{public} AND {same_mode}" if same_mode else public
    return [
        f"""CREATE OR REPLACE FUNCTION catalog_search_forget() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'TRUNCATE' THEN
                    TRUNCATE catalog_search;
                ELSIF TG_OP = 'DELETE' THEN
                    DELETE FROM catalog_search WHERE entry_id = OLD.id;
                ELSIF NOT ({keep}) THEN
                    DELETE FROM catalog_search WHERE entry_id = NEW.id;
                END IF;
                RETURN NULL;
            END $$"""
    ]


PROACTIVE_ONLY = "NEW.state = 'published' AND NEW.disclosure_mode = 'proactive'"
STATEMENTS = {
    "sqlite": (sqlite_trigger(KEPT, SAME_MODE), sqlite_trigger(PROACTIVE_ONLY, None)),
    "postgresql": (postgresql_function(KEPT, SAME_MODE), postgresql_function(PROACTIVE_ONLY, None)),
}


def run(forward: bool):
    def apply(apps, schema_editor) -> None:
        for statement in STATEMENTS[schema_editor.connection.vendor][0 if forward else 1]:
            schema_editor.execute(statement, params=None)

    return apply


def index_on_request_entries(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        return  # 0012 indexes every public entry afresh
    from gongkai.web.catalog.search import rebuild_index

    Entry = apps.get_model("catalog", "Entry")
    on_request = Entry.objects.filter(state="published", disclosure_mode="on_request")
    if on_request.exists():
        from gongkai.web.catalog.models.entries import Entry as LiveEntry

        rebuild_index(LiveEntry.objects.filter(pk__in=on_request.values("pk")))


def unindex_on_request_entries(apps, schema_editor) -> None:
    Entry = apps.get_model("catalog", "Entry")
    table = "catalog_search"
    column = "rowid" if schema_editor.connection.vendor == "sqlite" else "entry_id"
    pks = list(Entry.objects.filter(disclosure_mode="on_request").values_list("pk", flat=True))
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {table} WHERE {column} = %s", [[pk] for pk in pks])


class Migration(migrations.Migration):
    dependencies = [("catalog", "0007_entry_indexes_skip_unread")]

    operations = [
        migrations.RunPython(run(True), run(False)),
        migrations.RunPython(index_on_request_entries, unindex_on_request_entries),
    ]
