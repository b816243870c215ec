"""Tables the database itself keeps append-only: UPDATE and DELETE refused by triggers, so
that not even a bulk query, the admin or a shell session can rewrite a history.

A migration makes a table append-only with `AppendOnly(table).operation()` and exposes the
SQLite statements as its module's `SQLITE` list (tests/conftest.py lifts the DELETE triggers
while a transactional test empties the database; PostgreSQL empties with TRUNCATE, which row
triggers do not see).
"""

from dataclasses import dataclass

from django.db import migrations


@dataclass(frozen=True)
class AppendOnly:
    table: str

    @property
    def sqlite(self) -> list[str]:
        return [
            f"""CREATE TRIGGER {self.table}_no_{verb.lower()} BEFORE {verb} ON {self.table}
       BEGIN SELECT RAISE(ABORT, '{self.table} is append-only'); END"""
            for verb in ("UPDATE", "DELETE")
        ]

    @property
    def sqlite_reverse(self) -> list[str]:
        return [f"DROP TRIGGER {self.table}_no_{verb}" for verb in ("update", "delete")]

    @property
    def postgresql(self) -> list[str]:
        function = f"{self.table}_append_only"
        return [
            f"""CREATE FUNCTION {function}() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION '{self.table} is append-only'; END $$ LANGUAGE plpgsql""",
            f"""CREATE TRIGGER {function} BEFORE UPDATE OR DELETE
       ON {self.table} FOR EACH ROW EXECUTE FUNCTION {function}()""",
        ]

    @property
    def postgresql_reverse(self) -> list[str]:
        function = f"{self.table}_append_only"
        return [f"DROP TRIGGER {function} ON {self.table}", f"DROP FUNCTION {function}()"]

    def forwards(self, apps, schema_editor) -> None:
        sqlite = schema_editor.connection.vendor == "sqlite"
        for statement in self.sqlite if sqlite else self.postgresql:
            schema_editor.execute(statement)

    def backwards(self, apps, schema_editor) -> None:
        sqlite = schema_editor.connection.vendor == "sqlite"
        for statement in self.sqlite_reverse if sqlite else self.postgresql_reverse:
            schema_editor.execute(statement)

    def operation(self) -> migrations.RunPython:
        return migrations.RunPython(self.forwards, self.backwards)
