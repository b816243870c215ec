"""`gongkai migrate` says what it did: on a brand-new database, that it created the tables
and which migrations it applied (a real process on a fresh site: SQLite, or a new database
in the suite's PostgreSQL); on one already migrated, that nothing was left to apply."""

import re

from django.db.migrations.loader import MigrationLoader
from tests.web.ops_processes import site

from gongkai.web.ops.migrate import UP_TO_DATE, migrate, report


def migrations_of_this_code() -> dict[str, int]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    counted: dict[str, int] = {}
    for app, _name in loader.graph.nodes:
        counted[app] = counted.get(app, 0) + 1
    return counted


def test_a_new_database_is_told_that_its_tables_were_created_and_which_migrations_ran(tmp_path):
    expected = migrations_of_this_code()
    with site(tmp_path) as fresh:
        said = fresh.run("migrate").stdout
    assert "已是最新" not in said
    assert f"新数据库：已创建全部表，应用了 {sum(expected.values())} 项迁移" in said
    listed = dict(re.findall(r"^  (\w+): .* \((\d+)\)$", said, re.MULTILINE))
    assert {app: int(n) for app, n in listed.items()} == expected
    assert "  catalog: 0001_initial … " in said


def test_a_database_already_migrated_is_told_that_nothing_was_left_to_apply(db):
    applied = migrate()
    assert applied.migrations == [] and not applied.new_database
    assert report(applied) == [UP_TO_DATE]
