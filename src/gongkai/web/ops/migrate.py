"""`gongkai migrate`: apply what this code's migrations add to the database, and say what
that was — a brand-new database is not "already up to date"."""

from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

UP_TO_DATE = "数据库已是最新，无须迁移 / database is up to date: nothing to apply."


@dataclass(frozen=True)
class Applied:
    """The migrations one run applied, in the order it applied them (app, name)."""

    migrations: list[tuple[str, str]]
    new_database: bool  # no migration had been applied before

    def by_app(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for app, name in self.migrations:
            grouped.setdefault(app, []).append(name)
        return grouped


def pending() -> tuple[list[tuple[str, str]], bool]:
    """The migrations not yet applied, in order, and whether none has been."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    applied_before = executor.loader.applied_migrations
    return [(m.app_label, m.name) for m, backwards in plan if not backwards], not applied_before


def migrate() -> Applied:
    """Apply every pending migration and create the shared cache's table."""
    migrations, new_database = pending()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)  # the shared cache's table (not Redis's)
    return Applied(migrations, new_database)


def report(applied: Applied) -> list[str]:
    """What `gongkai migrate` prints: the count and, per app, the migrations applied."""
    if not applied.migrations:
        return [UP_TO_DATE]
    count = len(applied.migrations)
    if applied.new_database:
        head = f"新数据库：已创建全部表，应用了 {count} 项迁移 / new database: {count} applied:"
    else:
        head = f"已应用 {count} 项迁移 / {count} migrations applied:"
    lines = [head]
    for app, names in applied.by_app().items():
        span = names[0] if len(names) == 1 else f"{names[0]} … {names[-1]}"
        lines.append(f"  {app}: {span} ({len(names)})")
    return lines
