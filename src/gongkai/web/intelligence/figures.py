"""A parsed report's figures as rows of the long table, with each cell's confidence.

The parser says how sure it is of each cell: `printed` (read as printed), `inferred` (the
parser decided where a figure belongs, or that a blank means nothing printed) or
`ambiguous` (more than one reading). It says so in the document's `confidence` mapping or in
the cell's `provenance` entry; a document from before that field has neither, and its cells
count as printed. Prose figures (stated only in the text) are figures too.
"""

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from gongkai.web.intelligence.models import Confidence, Figure, PublishedReport

PARSER_CONFIDENCE = frozenset({Confidence.PRINTED, Confidence.INFERRED, Confidence.AMBIGUOUS})


def cell_confidence(document: Mapping[str, Any], key: str) -> str:
    stated = document.get("confidence")
    if isinstance(stated, Mapping) and stated.get(key) in PARSER_CONFIDENCE:
        return str(stated[key])
    where = (document.get("provenance") or {}).get(key)
    if isinstance(where, Mapping) and where.get("confidence") in PARSER_CONFIDENCE:
        return str(where["confidence"])
    return Confidence.PRINTED


def figure_values(document: Mapping[str, Any]) -> Iterator[tuple[str, Any, bool]]:
    """(key, value, from_prose): every cell, then prose figures no cell states."""
    cells = document.get("cells") or {}
    for key, value in cells.items():
        yield key, value, False
    for key, value in (document.get("narrative") or {}).items():
        if key not in cells:
            yield key, value, True


class FigureRow(NamedTuple):
    """A figure as read, before it is a row of the table (a Figure object costs more to
    build than the rest of its import)."""

    key: str
    value: Decimal | None
    confidence: str
    from_prose: bool


def figure_rows(document: Mapping[str, Any]) -> list[FigureRow]:
    return [
        FigureRow(
            key[:80],
            None if value is None else Decimal(value),
            Confidence.PRINTED if prose else cell_confidence(document, key),
            prose,
        )
        for key, value, prose in figure_values(document)
    ]


def as_number(value: Decimal | None) -> int | Decimal | None:
    """A stored figure as the report format writes it: counts as integers."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value.normalize()


def insert_figures(report: PublishedReport, rows: list[FigureRow]) -> None:
    """All the report's figures in one statement, the agency and year copied in."""
    from django.db import connection

    if not rows:
        return
    names = ("report_id", "agency_id", "external_id", "year", "generation", "key", "value",
             "confidence", "from_prose")  # fmt: skip
    columns = ", ".join(connection.ops.quote_name(name) for name in names)
    head = (report.pk, report.agency_id, report.external_id, report.year, report.generation)
    adapt = connection.ops.adapt_decimalfield_value
    values = [(*head, row.key, None if row.value is None else adapt(row.value, 18, 4),
               row.confidence, row.from_prose) for row in rows]  # fmt: skip
    table = connection.ops.quote_name(Figure._meta.db_table)
    placeholders = "(" + ", ".join(["%s"] * len(names)) + ")"
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES {placeholders}", values)
