"""The comparison pages — public and read-only, like the published figures they read: two
reports side by side, an agency's report against its previous year's, one agency over all
its years, and the peers of a report (same region, level and year) ranked."""

from itertools import pairwise

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from gongkai.report.indicators import RATES
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.core import params
from gongkai.web.intelligence.compare import (
    RANKED,
    Side,
    cell_rows,
    formula_of,
    label_of,
    mappings,
    measure_rows,
    ranking,
    shown,
    trend_rows,
    unit_of,
)
from gongkai.web.intelligence.compare_data import (
    external_sides,
    holders,
    peer_sides,
    public_reports,
    published_sides,
    tree_agency_side,
    tree_agency_sides,
)
from gongkai.web.intelligence.models import ExternalAgency

GENERATION_NAMES = {"A": "2014 年格式（A）", "B": "2019 年格式（B）", "C": "2021 年格式（C）"}


def agencies(request):
    """Where the comparisons start: every agency with published reports, by region."""
    region = request.GET.get("region", "")[:60].strip()
    page = Paginator(holders(region), 100).get_page(
        params.number(request.GET.get("page"), 1, 10**6)
    )
    levels = dict(AgencyLevel.choices)
    rows = [(holder, levels.get(holder.level, "")) for holder in page]
    context = {"page": page, "rows": rows, "region": region}
    return render(request, "intelligence/compare_index.html", context)


def pair(request, before: int, after: int):
    reports = {report.pk: report for report in public_reports().filter(pk__in=[before, after])}
    if before not in reports or after not in reports:
        raise Http404
    was, now = published_sides([reports[before], reports[after]])
    return render_pair(request, was, now, {"peers_of": reports[after]})


def previous_year(request, code: str, year: str):
    """An agency of the tree: its report of `year` against the one of the year before."""
    unit = get_object_or_404(Agency, code=code)
    shown_year = params.year(year)
    if shown_year is None:
        raise Http404
    was, now = tree_agency_side(unit, shown_year - 1), tree_agency_side(unit, shown_year)
    if was is None or now is None:
        context = {"unit": unit, "year": shown_year, "missing": [
            y for y, one in ((shown_year - 1, was), (shown_year, now)) if one is None]}  # fmt: skip
        return render(request, "intelligence/compare_missing.html", context)
    return render_pair(request, was, now, {"unit": unit})


def render_pair(request, was: Side, now: Side, extra: dict):
    context = {
        "was": was,
        "now": now,
        "sides": [was, now],
        "rows": measure_rows(was, now),
        "cells": cell_rows(was, now),
        "mappings": mappings([was.generation, now.generation]),
        "generations": GENERATION_NAMES,
        "rates": RATES,
    }
    return render(request, "intelligence/compare_pair.html", context | extra)


def tree_agency(request, code: str):
    unit = get_object_or_404(Agency, code=code)
    return render_years(request, unit.name, tree_agency_sides(unit), {"unit": unit})


def external_agency(request, pk: int):
    agency = get_object_or_404(ExternalAgency, pk=pk)
    return render_years(request, agency.name, external_sides(agency), {"external": agency})


def render_years(request, name: str, sides: list[Side], extra: dict):
    context = {
        "name": name,
        "sides": sides,
        "pairs": list(pairwise(sides)),
        "rows": trend_rows(sides),
        "mappings": mappings([one.generation for one in sides]),
        "generations": GENERATION_NAMES,
        "rates": RATES,
    }
    return render(request, "intelligence/compare_agency.html", context | extra)


def peers(request, pk: int):
    report = get_object_or_404(public_reports(), pk=pk)
    chosen = request.GET.get("by", RANKED[1])
    if chosen not in RANKED:
        chosen = RANKED[1]
    sides, cut = peer_sides(report) if report.region and report.level else ([], False)
    context = {
        "report": report,
        "sides": sides,
        "cut": cut,
        "chosen": chosen,
        "chosen_label": label_of(chosen),
        "formula": formula_of(chosen),
        "choices": [
            (measure_id, label_of(measure_id), unit_of(measure_id)) for measure_id in RANKED
        ],
        "ranked": [(row, values_of(row.side)) for row in ranking(sides, chosen)],
        "rates": RATES,
    }
    return render(request, "intelligence/compare_peers.html", context)


def values_of(one: Side) -> list[str]:
    """The side's value of every ranked measure, as printed (its reason when it has none)."""
    return [shown(m, one.measures[m].value) if one.measures[m].value is not None
            else one.measures[m].reason for m in RANKED]  # fmt: skip
