"""A 索引号 typed into the search box: the entry that has it.

索引号 are not in the full-text index — their year and serial would make `2019` find every
entry of that year — so a query that looks like one is also looked up as one, the way
people copy it: with spaces around the slash, full-width characters, a lower-case letter
in the code. Imported numbers are kept as written (legacy_import.py), so the query is tried
as typed too. The entry must be public and pass the search's filters.
"""

import re
import unicodedata

from gongkai.web.catalog.listing import public_entries
from gongkai.web.catalog.search_backends.facets import facet_values, filter_values

# A run of letters and digits, a separator, and a digit later on: 015236016/2019-00011,
# 11360999015236290X/2024-00003, 015236016-2019-00011. Words never look like that.
LOOKS_LIKE_INDEX_NUMBER = re.compile(r"^[0-9A-Za-z]{6,}[/\-]\S*\d")
FACET_FIELDS = ("pk", "agency__path", "subject_id", "form_id", "article20_item",
                "published_on", "validity")  # fmt: skip


def typed_forms(query: str) -> list[str]:
    """The ways the query may be stored as a 索引号; none if it does not look like one."""
    squeezed = "".join(unicodedata.normalize("NFKC", query).split())
    if not LOOKS_LIKE_INDEX_NUMBER.match(squeezed):
        return []
    return list(dict.fromkeys([query.strip(), squeezed, squeezed.upper()]))


def index_number_hit(query: str, filters) -> int | None:
    """The id of the public entry whose 索引号 the query is, if it passes the filters."""
    forms = typed_forms(query)
    if not forms:
        return None
    row = public_entries().filter(index_no__in=forms).values(*FACET_FIELDS).first()
    if row is None or not passes(row, filters):
        return None
    return row["pk"]


def passes(row: dict, filters) -> bool:
    """Whether the entry passes the filters: as the index decides it, by its filter tokens."""
    held = facet_values(row | {"agency_path": row["agency__path"]})
    return set(filter_values(filters)) <= set(held)
