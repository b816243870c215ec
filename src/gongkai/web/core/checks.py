"""System checks run at start-up (`gongkai serve`, `manage check`)."""

from pathlib import Path

from django.core.checks import Error, Tags, Warning, register
from django.db import connections


@register(Tags.database)
def postgresql_ctype_is_utf8(app_configs, databases=None, **kwargs):
    """Outside a UTF-8 LC_CTYPE, PostgreSQL's case folding (ILIKE, lower()) stops at ASCII:
    the staff inbox's word search would miss full-width and accented letters, silently."""
    errors = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('lc_ctype')")
            ctype = cursor.fetchone()[0]
        if error := ctype_error(connection.settings_dict["NAME"], ctype):
            errors.append(error)
    return errors


def ctype_error(database: str, ctype: str) -> Error | None:
    if "utf8" in ctype.lower().replace("-", ""):
        return None
    return Error(
        f"PostgreSQL database '{database}' has LC_CTYPE={ctype!r}; text search "
        "needs a UTF-8 locale.",
        hint="Create the database with LC_CTYPE 'C.UTF-8' "
        "(createdb --locale=C.UTF-8 --template=template0).",
        id="gongkai.E001",
    )


@register()
def data_files_are_private(app_configs, **kwargs):
    """Files made before the platform created them private (0644 databases and uploads) are
    found at start-up: the data directory holds identity numbers."""
    from django.conf import settings

    from gongkai.web.ops.files import readable_by_others

    database = settings.DATABASES["default"]
    places = [settings.DATA_DIR, settings.DATA_DIR / "secret_key", Path(settings.MEDIA_ROOT)]
    if database["ENGINE"].endswith("sqlite3"):
        places.append(Path(database["NAME"]))
    return [
        Warning(
            f"{path} can be read by other users of this machine.",
            hint=f"chmod -R go-rwx {path}",
            id="gongkai.W001",
        )
        for path in readable_by_others(places)
    ]
