"""The part of the source a doubtful cell was read from: the lines around the one its
provenance names (a text line, an HTML table row, a PDF page's row or line), that one marked."""

from collections.abc import Mapping

from gongkai.web.intelligence.models import PublishedReport

CONTEXT_LINES = 12
WHERE_KEYS = ("line", "page", "table", "row", "top")


def provenance_of(report: PublishedReport, key: str) -> dict:
    where = (report.document.get("provenance") or {}).get(key)
    return dict(where) if isinstance(where, Mapping) else {}


def line_index(lines: list, where: Mapping) -> int | None:
    """The index of the line read for the cell: every location field it names agrees."""
    wanted = {name: where[name] for name in WHERE_KEYS if name in where}
    if not wanted:
        return None
    for index, (_text, place) in enumerate(lines):
        if place and all(place.get(name) == value for name, value in wanted.items()):
            return index
    return None


def source_excerpt(report: PublishedReport, key: str) -> dict:
    """{"lines": [(number, text, marked)], "where": provenance, "page": page or None}."""
    lines = report.source_lines
    where = provenance_of(report, key) if key else {}
    found = line_index(lines, where)
    if found is None:
        start, end = 0, min(len(lines), 2 * CONTEXT_LINES)
    else:
        start, end = max(0, found - CONTEXT_LINES), min(len(lines), found + CONTEXT_LINES + 1)
    shown = [(index + 1, lines[index][0], index == found) for index in range(start, end)]
    return {
        "lines": shown,
        "where": where,
        "found": found is not None,
        "page": (lines[found][1] or {}).get("page") if found is not None else None,
    }
