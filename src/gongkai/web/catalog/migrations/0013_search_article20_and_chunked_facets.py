"""The search index gains two tokens, so that every filter of the 目录 applies to a search:

- `i7` (`#i7` on PostgreSQL): the entry's 条例第二十条 item, like the other filters' tokens
  (search_backends/facets.py); before, a search with words dropped the 第二十条 filter.
- `#chunked` (PostgreSQL): in every row of an entry whose text is split into rows, so that a
  query of several words, which may lie in different rows, finds it through the GIN index
  (search_backends/postgresql_query.py).

Only the entries that gain a token are indexed again: those with a 第二十条 item, and on
PostgreSQL those split into rows. Reverting leaves the tokens, which nothing then asks for.
"""

from django.db import migrations


def reindex(apps, schema_editor) -> None:
    from django.db.models import Q

    from gongkai.web.catalog.models.entries import Entry
    from gongkai.web.catalog.search import rebuild_index

    historical = apps.get_model("catalog", "Entry")
    chunked = []
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT entry_id FROM catalog_search WHERE chunked")
            chunked = [pk for (pk,) in cursor.fetchall()]
    if chunked or historical.objects.exclude(article20_item=0).exists():
        rebuild_index(Entry.objects.filter(~Q(article20_item=0) | Q(pk__in=chunked)))


class Migration(migrations.Migration):
    dependencies = [("catalog", "0012_sqlite_search_keyed_by_date")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
