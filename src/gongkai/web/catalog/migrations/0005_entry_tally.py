"""Counts of public catalogue entries (models/tally.py), kept by triggers on catalog_entry.

An entry counts while it is published and not withheld — what the 目录 lists. The triggers
add one to the row of its (agency, year, 主题分类, 第二十条 item, 有效性) when it becomes
public, take one away when it stops being public or is deleted, and move it when one of those
values changes; so the counts hold whatever code changed the entry, bulk inserts included.
Existing entries are counted when the migration runs. Also the index that the 目录's order
(newest first) is read from.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, ExtractYear

TALLY = "catalog_entrytally"
KEY = "agency_id, year, subject, item, validity"
WATCHED = [
    "state",
    "disclosure_mode",
    "agency_id",
    "published_on",
    "subject_id",
    "article20_item",
    "validity",
]


def public(row: str) -> str:
    return f"{row}.state = 'published' AND {row}.disclosure_mode <> 'withheld'"


def sqlite_key(row: str) -> list[str]:
    year = f"coalesce(CAST(strftime('%Y', {row}.published_on) AS integer), 0)"
    return [
        f"{row}.agency_id",
        year,
        f"coalesce({row}.subject_id, 0)",
        f"{row}.article20_item",
        f"{row}.validity",
    ]


def sqlite_add(row: str) -> str:
    return (
        f"INSERT INTO {TALLY} ({KEY}, entries) VALUES ({', '.join(sqlite_key(row))}, 1) "
        f"ON CONFLICT ({KEY}) DO UPDATE SET entries = entries + 1;"
    )


def sqlite_remove(row: str) -> str:
    match = " AND ".join(
        f"{column} = {value}"
        for column, value in zip(KEY.split(", "), sqlite_key(row), strict=True)
    )
    return f"UPDATE {TALLY} SET entries = entries - 1 WHERE {match};"


CHANGED = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in WATCHED)

SQLITE_FORWARD = [
    f"""CREATE TRIGGER catalog_tally_inserted AFTER INSERT ON catalog_entry
        WHEN {public("NEW")} BEGIN {sqlite_add("NEW")} END""",
    f"""CREATE TRIGGER catalog_tally_deleted AFTER DELETE ON catalog_entry
        WHEN {public("OLD")} BEGIN {sqlite_remove("OLD")} END""",
    f"""CREATE TRIGGER catalog_tally_left AFTER UPDATE ON catalog_entry
        WHEN ({public("OLD")}) AND ({CHANGED}) BEGIN {sqlite_remove("OLD")} END""",
    f"""CREATE TRIGGER catalog_tally_joined AFTER UPDATE ON catalog_entry
        WHEN ({public("NEW")}) AND ({CHANGED}) BEGIN {sqlite_add("NEW")} END""",
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS catalog_tally_{name}"
    for name in ("inserted", "deleted", "left", "joined")
]

POSTGRESQL_FORWARD = [
    f"""CREATE FUNCTION catalog_tally_add(entry catalog_entry, change integer) RETURNS void
        LANGUAGE sql AS $$
            INSERT INTO {TALLY} ({KEY}, entries)
            VALUES (entry.agency_id, coalesce(extract(year FROM entry.published_on)::integer, 0),
                    coalesce(entry.subject_id, 0), entry.article20_item, entry.validity, change)
            ON CONFLICT ({KEY}) DO UPDATE SET entries = {TALLY}.entries + change
        $$""",
    f"""CREATE FUNCTION catalog_tally_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND {public("OLD")} AND (TG_OP = 'DELETE'
                    OR {CHANGED.replace("IS NOT", "IS DISTINCT FROM")}) THEN
                PERFORM catalog_tally_add(OLD, -1);
            END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') AND {public("NEW")} AND (TG_OP = 'INSERT'
                    OR {CHANGED.replace("IS NOT", "IS DISTINCT FROM")}) THEN
                PERFORM catalog_tally_add(NEW, 1);
            END IF;
            RETURN NULL;
        END $$""",
    """CREATE TRIGGER catalog_tally_follow AFTER INSERT OR UPDATE OR DELETE ON catalog_entry
        FOR EACH ROW EXECUTE FUNCTION catalog_tally_follow()""",
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS catalog_tally_follow ON catalog_entry",
    "DROP FUNCTION IF EXISTS catalog_tally_follow()",
    "DROP FUNCTION IF EXISTS catalog_tally_add(catalog_entry, integer)",
]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
}


def run(schema_editor, forward: bool) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise NotImplementedError(f"the catalogue needs SQLite or PostgreSQL, not {vendor}")
    for statement in STATEMENTS[vendor][0 if forward else 1]:
        schema_editor.execute(statement, params=None)


def create(apps, schema_editor) -> None:
    run(schema_editor, forward=True)


def drop(apps, schema_editor) -> None:
    run(schema_editor, forward=False)


def count_existing(apps, schema_editor) -> None:
    Entry, EntryTally = apps.get_model("catalog", "Entry"), apps.get_model("catalog", "EntryTally")
    year, subject = Coalesce(ExtractYear("published_on"), 0), Coalesce("subject_id", 0)
    key = ["agency_id", "year", "subject", "item", "validity"]
    rows = (
        Entry.objects.filter(Q(state="published") & ~Q(disclosure_mode="withheld"))
        .values_list("agency_id", year, subject, "article20_item", "validity")
        .annotate(Count("id"))
        .order_by()
    )
    EntryTally.objects.bulk_create(
        EntryTally(**dict(zip(key, values, strict=False)), entries=values[-1]) for values in rows
    )


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("catalog", "0004_search_grams"),
    ]

    operations = [
        migrations.CreateModel(
            name="EntryTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField()),
                ("subject", models.PositiveIntegerField()),
                ("item", models.PositiveSmallIntegerField()),
                ("validity", models.CharField(max_length=10)),
                ("entries", models.IntegerField(default=0)),
                (
                    "agency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="agencies.agency",
                    ),
                ),
            ],
        ),
        migrations.AddConstraint(
            model_name="entrytally",
            constraint=models.UniqueConstraint(
                fields=("agency", "year", "subject", "item", "validity"), name="one_tally"
            ),
        ),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(
                fields=["state", "published_on", "id"], name="catalog_entry_by_date"
            ),
        ),
        migrations.RunPython(create, drop),
        migrations.RunPython(count_existing, migrations.RunPython.noop),
    ]
