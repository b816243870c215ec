"""`gongkai migrate` says what it did: on a brand-new database, that it created the tables
and which migrations it applied; on one already migrated, that nothing was left to apply.
Real processes on a fresh site (SQLite, or a new database in the suite's PostgreSQL)."""

import re

from django.db.migrations.loader import MigrationLoader
from tests.web.ops_processes import site

from gongkai.web.ops.migrate import UP_TO_DATE


def migrations_of_this_code() -> dict[str, int]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    counted: dict[str, int] = {}
    for app, _name in loader.graph.nodes:
        counted[app] = counted.get(app, 0) + 1
    return counted


def test_a_new_database_is_told_what_was_applied_and_a_second_run_that_nothing_was(tmp_path):
    expected = migrations_of_this_code()
    with site(tmp_path) as fresh:
        first = fresh.run("migrate").stdout
        assert "已是最新" not in first
        assert f"新数据库：已创建全部表，应用了 {sum(expected.values())} 项迁移" in first
        listed = dict(re.findall(r"^  (\w+): .* \((\d+)\)$", first, re.MULTILINE))
        assert {app: int(n) for app, n in listed.items()} == expected
        assert "  catalog: 0001_initial … " in first
        second = fresh.run("migrate").stdout
        assert second.strip() == UP_TO_DATE
        assert fresh.python("from gongkai.web.ops.health import migrations_problem; "
                            "print(migrations_problem())").strip() == "None"  # fmt: skip
