"""The rows of the charts of published reports: plain functions of the open data's filters
(`Selection`: agency, region, level, year, generation), callable without a request —
bench/bench_intelligence.py times them on 10,000 reports.

Each chart is one grouped query over the figures (or the rule failures) of the selected
reports; Python only combines the few grouped rows. Of each agency and year the last report
imported counts (a second file of the same report replaces the first, as in the audit).
Indicators and rates are report/indicators.py's: figures are summed per year and generation,
each generation's sums mapped onto the common indicators, and a rate of several reports is
the rate of their sums (实质公开率 of a region = its 予以公开 + 部分公开 over its 办理结果总计).
A blank cell adds nothing; an indicator a generation does not report has no value, and its
reason is shown instead of a zero.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db.models import Count, FilteredRelation, Max, Q, QuerySet, Sum

from gongkai.report import indicators
from gongkai.report.indicators import INDICATOR_BY_ID, RATE_BY_ID, Measure
from gongkai.web.intelligence.audit import KIND_LABELS, Kind
from gongkai.web.intelligence.figures import as_number
from gongkai.web.intelligence.models import PublishedReport
from gongkai.web.intelligence.selection import Selection

# 三、本年度办理结果: the six outcomes whose sum is （七）总计
OUTCOME_IDS = ("granted", "partial", "withheld", "unable", "declined", "other_handling")
FAILURE_KINDS = (Kind.GENERATION, Kind.ARITHMETIC, Kind.BLANK)  # a report checked alone
HEAT_MAP_AGENCIES = 50  # the agencies with the most failures; more would not be readable
PERCENT = Decimal(100)


@dataclass(frozen=True)
class ChartRows:
    """What a chart shows, as a table: Chinese headings and plain rows."""

    columns: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)
    note: str = ""  # a formula, or what the rows leave out


def latest_reports(selection: Selection) -> QuerySet[PublishedReport]:
    """Of each agency and year in the selection, the report imported last."""
    last = (
        selection.reports()
        .order_by()
        .values("agency_id", "external_id", "year")
        .annotate(last=Max("pk"))
        .values("last")
    )
    return PublishedReport.objects.filter(pk__in=last)


def keys_of(ids: Iterable[str]) -> list[str]:
    """Every cell key the indicators `ids` read, in any generation."""
    wanted = {
        key
        for name in ids
        for source in INDICATOR_BY_ID[name].sources.values()
        for key in source.keys
    }
    return sorted(wanted)


def measure_ids(measure_id: str) -> tuple[str, ...]:
    """The indicators a measure needs: itself, or a rate's numerator and denominator."""
    rate = RATE_BY_ID.get(measure_id)
    return rate.numerator + rate.denominator if rate else (measure_id,)


def summed(measures: Iterable[Mapping[str, Measure]], ids: Iterable[str]) -> dict[str, Measure]:
    """Indicators of several groups added up; without a value where no group has one."""
    groups = list(measures)
    totals: dict[str, Measure] = {}
    for name in ids:
        known = [group[name].value for group in groups if group[name].value is not None]
        reasons = [group[name].reason for group in groups if group[name].reason]
        reason = reasons[0] if reasons else "所选报告中没有这一项"
        totals[name] = Measure(sum(known)) if known else Measure(None, reason)
    return totals


def with_rates(values: dict[str, Measure]) -> dict[str, Measure]:
    rates = {}
    for rate in indicators.RATES:
        if all(name in values for name in rate.numerator + rate.denominator):
            rates[rate.id] = indicators.rate_value(rate, values)
    return values | rates


def grouped_sums(selection: Selection, ids: tuple[str, ...]) -> dict[tuple, dict]:
    """{(year, generation): {key: sum, …, "#reports": n}}: one grouped query, the reports
    joined to the figures of `ids` only, so that a year without them still counts."""
    keys = keys_of(ids)
    sums = {f"sum{index}": Sum("wanted__value", filter=Q(wanted__key=key))
            for index, key in enumerate(keys)}  # fmt: skip
    rows = (
        latest_reports(selection)
        .annotate(wanted=FilteredRelation("figures", condition=Q(figures__key__in=keys)))
        .order_by()
        .values("year", "generation")
        .annotate(reports=Count("pk", distinct=True), **sums)
    )
    groups: dict[tuple, dict] = {}
    for row in rows:
        group = {"#reports": row["reports"]}
        for index, key in enumerate(keys):
            if row[f"sum{index}"] is not None:  # no report of the group printed it
                group[key] = as_number(row[f"sum{index}"])
        groups[row["year"], row["generation"]] = group
    return groups


def shown_value(measure_id: str, value) -> object:
    """A rate as a percentage with two decimals; a count as it is."""
    if value is None or measure_id not in RATE_BY_ID:
        return value
    return (Decimal(value) * PERCENT).quantize(Decimal("0.01"))


def measure_label(measure_id: str) -> str:
    found = INDICATOR_BY_ID.get(measure_id) or RATE_BY_ID[measure_id]
    return f"{found.label}（{found.unit}）"


def measure_note(measure_id: str) -> str:
    rate = RATE_BY_ID.get(measure_id)
    if rate is None:
        return ""
    return f"{rate.formula}；多份报告合计时，为各项之和的比率"


def trend(selection: Selection, measure_id: str) -> ChartRows:
    """One indicator or rate per year: of an agency, a region, a level, or all reports."""
    ids = measure_ids(measure_id)
    by_year: dict[int, list] = defaultdict(list)
    for (year, generation), sums in grouped_sums(replace(selection, year=None), ids).items():
        by_year[year].append((indicators.measure(generation, sums), sums["#reports"]))
    columns = ("年度", "报告数", measure_label(measure_id), "说明")
    rows = []
    for year in sorted(by_year):
        groups = by_year[year]
        values = with_rates(summed((measures for measures, _ in groups), ids))
        found = values[measure_id]
        reports = sum(count for _, count in groups)
        rows.append((year, reports, shown_value(measure_id, found.value), found.reason))
    return ChartRows(columns, rows, measure_note(measure_id))


def outcome_distribution(selection: Selection) -> ChartRows:
    """The 办理结果 of the selected reports, summed: each outcome and its share."""
    ids = (*OUTCOME_IDS, "outcomes")
    groups = grouped_sums(selection, ids)
    measures = [indicators.measure(generation, sums) for (_, generation), sums in groups.items()]
    values = summed(measures, ids)
    total = sum(values[name].value or 0 for name in OUTCOME_IDS)
    rows = []
    for name in OUTCOME_IDS:
        found = values[name]
        share = None
        if found.value is not None and total:
            share = (Decimal(found.value) * PERCENT / total).quantize(Decimal("0.01"))
        rows.append((INDICATOR_BY_ID[name].label, found.value, share, found.reason))
    reports = sum(sums["#reports"] for sums in groups.values())
    note = f"{reports} 份报告的办理结果之和；占比为占六类办理结果之和的百分比"
    return ChartRows(("办理结果", "件数", "占比（%）", "说明"), rows, note)


def ranking(selection: Selection, measure_id: str) -> ChartRows:
    """Peers ranked on one indicator or rate in one year (the latest, if none is chosen):
    one grouped read of their figures, each report measured on its own."""
    if selection.year is None:
        selection = replace(selection, year=latest_year(selection))
    per_report = report_figures(selection, measure_ids(measure_id))
    scored = []
    for (agency, region, generation), figures in per_report:
        found = indicators.measure(generation, figures)[measure_id]
        scored.append((agency, region, shown_value(measure_id, found.value), found.reason))
    scored.sort(key=lambda row: (row[2] is None, -(row[2] or 0), row[0]))
    rows = [(place, *row) for place, row in enumerate(scored, start=1)]
    columns = ("名次", "单位", "地区", measure_label(measure_id), "说明")
    year_note = f"{selection.year}年度" if selection.year else ""
    return ChartRows(columns, rows, "；".join(filter(None, [year_note, measure_note(measure_id)])))


def latest_year(selection: Selection) -> int | None:
    return selection.reports().order_by().aggregate(last=Max("year"))["last"]


def report_figures(selection: Selection, ids: tuple[str, ...]) -> list[tuple[tuple, dict]]:
    """((agency, region, generation), {key: value}) of each report, those without any of the
    figures too: one query, the reports joined to the figures of `ids` only."""
    keys = keys_of(ids)
    rows = (
        latest_reports(selection)
        .annotate(wanted=FilteredRelation("figures", condition=Q(figures__key__in=keys)))
        .order_by()
        .values_list("pk", "agency__name", "external__name", "agency_name", "region",
                     "generation", "wanted__key", "wanted__value")
    )  # fmt: skip
    reports: dict[int, tuple] = {}
    figures: dict[int, dict] = defaultdict(dict)
    for pk, tree, external, printed, region, generation, key, value in rows:
        reports[pk] = (tree or external or printed, region, generation)
        if key is not None:
            figures[pk][key] = as_number(value)
    return [(reports[pk], figures[pk]) for pk in reports]


def failure_heat_map(selection: Selection, kind: str | None = None) -> ChartRows:
    """Rule failures of each agency's report per year (all kinds, or one), for the agencies
    with the most failures: one grouped query over the reports and their failures."""
    counted = Q(failures__kind=kind) if kind else Q()
    rows = (
        latest_reports(selection)
        .order_by()
        .annotate(failed=Count("failures", filter=counted))
        .values_list("agency__name", "external__name", "agency_name", "region", "year", "failed")
    )
    cells: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for tree, external, printed, region, year, failed in rows:
        cells[tree or external or printed, region][year] = failed
    ranked = sorted(cells, key=lambda agency: (-sum(cells[agency].values()), agency))
    shown = ranked[:HEAT_MAP_AGENCIES]
    columns = ("单位", "地区", "年度", "未通过的规则数")
    out = [(name, region, year, cells[name, region][year])
           for name, region in shown for year in sorted(cells[name, region])]  # fmt: skip
    what = KIND_LABELS[Kind(kind)] if kind else "全部"
    note = f"规则类别：{what}；按年报单独核查（与上年报告的衔接见审查）"
    if len(ranked) > len(shown):
        note += f"；只显示未通过规则最多的 {len(shown)} 个单位（共 {len(ranked)} 个）"
    return ChartRows(columns, out, note)
