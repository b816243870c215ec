"""Where the catalogue's search index lives on each database: SQLite FTS5 or a PostgreSQL
GIN-indexed tsvector. Both take the same tokens (`tokens.py`) and answer the same questions.
A backend is imported when first asked for, so that `tokens` needs no Django set up."""

from importlib import import_module

BACKENDS = {
    "sqlite": "gongkai.web.catalog.search_backends.sqlite",
    "postgresql": "gongkai.web.catalog.search_backends.postgresql",
}


def backend_for(connection):
    return import_module(BACKENDS[connection.vendor])
