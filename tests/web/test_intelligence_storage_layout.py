"""On SQLite a published report's large columns are the last of its row (migration 0007): a
column stored after ~60 KB of JSON is reached through a chain of overflow pages, which made
every chart over 10,000 reports read ~650 MB. A migration that adds a column to the table
puts it after them; it must rebuild the table as 0007 does (its state order puts them last)."""

import pytest
from django.db import connection

from gongkai.web.intelligence.models import PublishedReport

LARGE = ["source_lines", "document"]


def columns(table: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA table_info({connection.ops.quote_name(table)})")
        return [row[1] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL keeps large values apart")
def test_the_large_json_columns_come_last_in_a_report_row(db):
    names = columns(PublishedReport._meta.db_table)
    assert names[-2:] == LARGE, names
    fields = [field.column for field in PublishedReport._meta.concrete_fields]
    assert sorted(names) == sorted(fields)  # nothing lost or left over by the rebuild
