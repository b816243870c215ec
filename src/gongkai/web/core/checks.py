"""System checks run at start-up (`gongkai serve`, `manage check`)."""

from django.core.checks import Error, Tags, register
from django.db import connections


@register(Tags.database)
def postgresql_ctype_is_utf8(app_configs, databases=None, **kwargs):
    """pg_trgm ignores Chinese characters unless the database's LC_CTYPE is a UTF-8 locale,
    so catalogue search would silently find nothing."""
    errors = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('lc_ctype')")
            ctype = cursor.fetchone()[0]
        if "utf8" not in ctype.lower().replace("-", ""):
            errors.append(
                Error(
                    f"PostgreSQL database '{connection.settings_dict['NAME']}' has "
                    f"LC_CTYPE={ctype!r}; Chinese full-text search needs a UTF-8 locale.",
                    hint="Create the database with LC_CTYPE 'C.UTF-8' (createdb --locale=C.UTF-8"
                    " --template=template0).",
                    id="gongkai.E001",
                )
            )
    return errors
