"""The shared cache's table (settings.CACHES: the database cache unless REDIS_URL is set), so
that any `migrate` creates it. `gongkai migrate` also runs createcachetable, which adds it
later if the cache is switched from Redis to the database."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
