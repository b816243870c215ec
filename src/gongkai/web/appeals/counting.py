"""How the docket is counted in section 四 of the annual report.

The rule: **a case counts in the year it was filed, classified by its result as of
31 December of that year (尚未审结 if it had no decision by then).** So a reconsideration
filed on 31 December and decided on 2 January is 尚未审结 in the report of its filing year
and is not counted again the next year; a lawsuit after reconsideration counts in its own
row, beside (not instead of) the reconsideration it followed.

`cell_condition` is the one definition of every cell: the report counts with it and the
drill-down lists the cases behind a figure with it, so the two cannot disagree. Within a
row the result columns partition the cases filed that year (尚未审结 is "not decided with
an outcome by 31 December"), so every 总计 equals the sum of its parts by construction.
"""

from datetime import date

from django.db.models import Count, Q, QuerySet

from gongkai.web.appeals.section_four import CELL_KEYS, OUTCOMES, PENDING, TOTAL, split_cell_key


def year_end(year: int) -> date:
    return date(year, 12, 31)


def filed_in(year: int) -> Q:
    return Q(filed_on__range=(date(year, 1, 1), year_end(year)))


def standing(column: str, as_of: date) -> Q:
    """Cases whose result on `as_of` is `column`: an outcome, 尚未审结 or (总计) any."""
    if column == TOTAL:
        return Q()
    decided = Q(decided_on__lte=as_of, outcome__in=list(OUTCOMES))
    if column == PENDING:
        return ~decided
    if column not in OUTCOMES:
        raise ValueError(f"not a section 四 column: {column}")
    return Q(decided_on__lte=as_of, outcome=column)


def cell_condition(key: str, year: int) -> Q:
    """The cases behind cell `key` (s4.<kind>.<column>) of the report for `year`."""
    kind, column = split_cell_key(key)
    return Q(kind=kind) & filed_in(year) & standing(column, year_end(year))


def section_four_cells(appeals: QuerySet, year: int) -> dict[str, int]:
    """All 15 cells of section 四 for `year`, counted by the database in one query."""
    aliases = {f"cell_{n}": key for n, key in enumerate(CELL_KEYS)}
    counts = appeals.filter(filed_in(year)).aggregate(
        **{alias: Count("pk", filter=cell_condition(key, year)) for alias, key in aliases.items()}
    )
    return {key: counts[alias] for alias, key in aliases.items()}
