"""The rows of the charts of published reports: plain functions of the open data's filters
(`Selection`: agency, region, level, year, generation), callable without a request —
bench/bench_intelligence.py times them on 10,000 reports.

Each chart is one query over the selected reports, reading what is kept on each report as its
figures stand (derived.py): its common indicators of report/indicators.py and its failed
rules by kind — one row per report, never its figures. Of each agency and year the last
report imported counts (a second file of the same report replaces the first, as in the
audit). Indicators are summed per year and generation, and a rate of several reports is the
rate of their sums (实质公开率 of a region = its 予以公开 + 部分公开 over its 办理结果总计). A
report without an indicator (blank, or not in its format) adds nothing; where no report has
it, the reason is shown instead of a zero.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db.models import Count, DecimalField, IntegerField, Max, QuerySet, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce

from gongkai.report import indicators
from gongkai.report.indicators import INDICATOR_BY_ID, RATE_BY_ID, Measure
from gongkai.web.intelligence.audit import KIND_LABELS, Kind
from gongkai.web.intelligence.derived import ALL
from gongkai.web.intelligence.figures import as_number
from gongkai.web.intelligence.models import PublishedReport
from gongkai.web.intelligence.selection import Selection

# 三、本年度办理结果: the six outcomes whose sum is （七）总计
OUTCOME_IDS = ("granted", "partial", "withheld", "unable", "declined", "other_handling")
FAILURE_KINDS = (Kind.GENERATION, Kind.ARITHMETIC, Kind.BLANK)  # a report checked alone
HEAT_MAP_AGENCIES = 50  # the agencies with the most failures; more would not be readable
PERCENT = Decimal(100)
NOT_STATED = "所选报告都没有这一项（空白或未列）"


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
    return PublishedReport.objects.filter(pk__in=last).order_by()


def kept(name: str):
    """An indicator kept on the report (derived.py), as a number."""
    return Cast(KT(f"measures__{name}"), DecimalField(max_digits=18, decimal_places=4))


def measure_ids(measure_id: str) -> tuple[str, ...]:
    """The indicators a measure needs: itself, or a rate's numerator and denominator."""
    rate = RATE_BY_ID.get(measure_id)
    return rate.numerator + rate.denominator if rate else (measure_id,)


def as_measures(generation: str, values: Mapping[str, object]) -> dict[str, Measure]:
    """Indicator values of one generation as measures; a missing one with its reason."""
    found = {}
    for name, value in values.items():
        source = INDICATOR_BY_ID[name].sources.get(generation)
        reason = source.missing if source is not None and source.missing else NOT_STATED
        found[name] = Measure(as_number(value)) if value is not None else Measure(None, reason)
    return found


def summed(measures: Iterable[Mapping[str, Measure]], ids: Iterable[str]) -> dict[str, Measure]:
    """Indicators of several groups added up; without a value where no group has one."""
    groups = list(measures)
    totals: dict[str, Measure] = {}
    for name in ids:
        known = [group[name].value for group in groups if group[name].value is not None]
        reasons = [group[name].reason for group in groups if group[name].reason]
        totals[name] = (
            Measure(sum(known)) if known else Measure(None, reasons[0] if reasons else NOT_STATED)
        )
    return totals


def with_rates(values: dict[str, Measure]) -> dict[str, Measure]:
    rates = {}
    for rate in indicators.RATES:
        if all(name in values for name in rate.numerator + rate.denominator):
            rates[rate.id] = indicators.rate_value(rate, values)
    return values | rates


def grouped(selection: Selection, ids: tuple[str, ...], by: tuple[str, ...]) -> list[tuple]:
    """[(group, reports, {indicator: Measure})] per `by` (and generation): one query."""
    sums = {name: Sum(kept(name)) for name in ids}
    rows = (
        latest_reports(selection)
        .values(*by, "generation")
        .annotate(reports=Count("pk"), **sums)
        .order_by(*by)
    )
    return [
        (tuple(row[name] for name in by), row["reports"],
         as_measures(row["generation"], {name: row[name] for name in ids}))
        for row in rows
    ]  # fmt: skip


def shown_value(measure_id: str, value) -> object:
    """A rate as a percentage with two decimals; a count as it is."""
    if value is None or measure_id not in RATE_BY_ID:
        return value
    return (Decimal(value) * PERCENT).quantize(Decimal("0.01"))


def measure_label(measure_id: str) -> str:
    found = INDICATOR_BY_ID.get(measure_id) or RATE_BY_ID[measure_id]
    return f"{found.label}（{found.unit}）"


def measure_note(measure_id: str, pooled: bool = True) -> str:
    """A rate's formula; and, where reports are added up, that their sums are divided."""
    rate = RATE_BY_ID.get(measure_id)
    if rate is None:
        return ""
    return f"{rate.formula}；多份报告合计时，为各项之和的比率" if pooled else rate.formula


def trend(selection: Selection, measure_id: str) -> ChartRows:
    """One indicator or rate per year: of an agency, a region, a level, or all reports."""
    ids = measure_ids(measure_id)
    by_year: dict[int, list] = defaultdict(list)
    for (year,), reports, measures in grouped(replace(selection, year=None), ids, ("year",)):
        by_year[year].append((measures, reports))
    columns = ("年度", "报告数", measure_label(measure_id), "说明")
    rows = []
    for year, groups in sorted(by_year.items()):
        found = with_rates(summed((measures for measures, _ in groups), ids))[measure_id]
        reports = sum(count for _, count in groups)
        rows.append((year, reports, shown_value(measure_id, found.value), found.reason))
    return ChartRows(columns, rows, measure_note(measure_id))


def outcome_distribution(selection: Selection) -> ChartRows:
    """The 办理结果 of the selected reports, summed: each outcome and its share."""
    groups = grouped(selection, OUTCOME_IDS, ())
    values = summed((measures for _, _, measures in groups), OUTCOME_IDS)
    total = sum(values[name].value or 0 for name in OUTCOME_IDS)
    rows = []
    for name in OUTCOME_IDS:
        found = values[name]
        share = None
        if found.value is not None and total:
            share = (Decimal(found.value) * PERCENT / total).quantize(Decimal("0.01"))
        rows.append((INDICATOR_BY_ID[name].label, found.value, share, found.reason))
    reports = sum(count for _, count, _ in groups)
    note = f"{reports} 份报告的办理结果之和；占比为占六类办理结果之和的百分比"
    return ChartRows(("办理结果", "件数", "占比（%）", "说明"), rows, note)


def ranking(selection: Selection, measure_id: str) -> ChartRows:
    """Peers ranked on one indicator or rate in one year (the latest, if none is chosen),
    each report measured on its own."""
    if selection.year is None:
        selection = replace(selection, year=latest_year(selection))
    scored = []
    for agency, region, measures in report_measures(selection, measure_ids(measure_id)):
        found = with_rates(measures)[measure_id]
        scored.append((agency, region, shown_value(measure_id, found.value), found.reason))
    scored.sort(key=lambda row: (row[2] is None, -(row[2] or 0), row[0]))
    rows = [(place, *row) for place, row in enumerate(scored, start=1)]
    columns = ("名次", "单位", "地区", measure_label(measure_id), "说明")
    year_note = f"{selection.year}年度" if selection.year else ""
    note = "；".join(filter(None, [year_note, measure_note(measure_id, pooled=False)]))
    return ChartRows(columns, rows, note)


def latest_year(selection: Selection) -> int | None:
    return selection.reports().order_by().aggregate(last=Max("year"))["last"]


def report_measures(selection: Selection, ids: tuple[str, ...]) -> list[tuple]:
    """[(agency, region, {indicator: Measure})] of each report: one query."""
    rows = latest_reports(selection).values_list(
        "agency__name", "external__name", "agency_name", "region", "generation",
        *(kept(name) for name in ids),
    )  # fmt: skip
    return [
        (tree or external or printed, region,
         as_measures(generation, dict(zip(ids, values, strict=True))))
        for tree, external, printed, region, generation, *values in rows
    ]  # fmt: skip


def failure_heat_map(selection: Selection, kind: str | None = None) -> ChartRows:
    """Rule failures of each agency's report per year (all kinds, or one), for the agencies
    with the most failures: one read of the reports' kept counts."""
    failed = Coalesce(Cast(KT(f"failures__{kind or ALL}"), IntegerField()), 0)
    rows = latest_reports(selection).values_list(
        "agency__name", "external__name", "agency_name", "region", "year", failed
    )
    cells: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for tree, external, printed, region, year, count in rows:
        cells[tree or external or printed, region][year] = count
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
