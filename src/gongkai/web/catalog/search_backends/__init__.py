"""Where the catalogue's search index lives on each database: SQLite FTS5 or a PostgreSQL
GIN-indexed tsvector. Both take the same tokens (`tokens.py`) and answer the same questions."""

from gongkai.web.catalog.search_backends import postgresql, sqlite

BACKENDS = {"sqlite": sqlite, "postgresql": postgresql}


def backend_for(connection):
    return BACKENDS[connection.vendor]
