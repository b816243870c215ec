"""Rules about the report as a whole: its format for its year, tables left blank, and the
problems found when its JSON was read."""

from collections.abc import Iterator
from functools import cache

from gongkai.report.findings import RuleStatus, Severity
from gongkai.report.formats import FIRST_REPORTING_YEAR, GENERATIONS, Table, generation_for_year
from gongkai.report.rulebook.engine import CheckOutcome, Context, Custom, Rule
from gongkai.report.validation import Problem

# Problems of the JSON document, by the rule that reports them. Wrong kinds and negative values
# in `cells` are left to the per-section kind rules (B3-4, B4-4, B2-2, C2-3, A-0).
STRUCTURE_PROBLEMS = frozenset(
    ("unknown_field", "unknown_key", "bad_field", "bad_extra", "bad_finding")
)
VALUE_PROBLEMS = frozenset(("unreadable", "wrong_kind", "negative"))


def format_fits_year(ctx: Context) -> Iterator[CheckOutcome]:
    report = ctx.report
    if report.year < FIRST_REPORTING_YEAR:  # a report under local rules before the 条例
        yield CheckOutcome(RuleStatus.NOT_APPLICABLE)
        return
    expected = generation_for_year(report.year)
    if expected.code == report.generation:
        yield CheckOutcome(RuleStatus.PASSED)
        return
    used = report.format
    yield CheckOutcome(
        RuleStatus.VIOLATED,
        (),
        f"{report.year}年度报告应使用{expected.code}代格式（{expected.document}），"
        f"但本报告使用{used.code}代格式（{used.document}）",
        f"a {report.year} report should use generation {expected.code} ({expected.document}), "
        f"but this one uses generation {used.code} ({used.document})",
    )


@cache
def _figure_keys(generation: str) -> tuple[tuple[Table, tuple[str, ...]], ...]:
    """Each table of the format with its cells, without heading rows (blank by design)."""
    return tuple(
        (table, tuple(spec.key for spec in table.cells(generation) if not spec.is_heading))
        for table in GENERATIONS[generation].tables
    )


def tables_not_blank(ctx: Context) -> Iterator[CheckOutcome]:
    for table, figure_keys in _figure_keys(ctx.report.generation):
        keys = [key for key in figure_keys if ctx.report.has(key)]
        if not keys:
            continue
        if any(ctx.report.value(key) is not None for key in keys):
            yield CheckOutcome(RuleStatus.PASSED, tuple(keys))
            continue
        yield CheckOutcome(
            RuleStatus.VIOLATED,
            tuple(keys),
            f"“{table.title}”表格的{len(keys)}个单元格全部空白，该表无法核对",
            f"all {len(keys)} cells of the table “{table.title}” are blank: nothing can be checked",
        )


def _problem_outcomes(ctx: Context, wanted: set[str] | frozenset[str]) -> Iterator[CheckOutcome]:
    problems = [p for p in ctx.report.problems if p.code in wanted and _reported_here(p)]
    for problem in problems:
        cell = problem.path.removeprefix("cells.") if problem.path.startswith("cells.") else ""
        yield CheckOutcome(
            RuleStatus.VIOLATED,
            (cell,) if cell else (),
            f"{problem.path}：{problem.message_zh}",
            f"{problem.path}: {problem.message_en}",
        )
    if not problems:
        yield CheckOutcome(RuleStatus.PASSED)


def _reported_here(problem: Problem) -> bool:
    """Kind and sign problems of cells belong to the kind rules; the rest to V-1/V-2."""
    in_cells = problem.path.startswith("cells.")
    return not (in_cells and problem.code in ("wrong_kind", "negative"))


RULES = (
    Rule(
        "X-1",
        Severity.WARNING,
        "报告格式与报告年度相符",
        "the report's format fits its year",
        "A up to 2018, B for 2019–2020, C from 2021 (§1–3; C's start year is [IMPLIED] by its "
        "issue date). Real reports do use the wrong one and their figures can still be read, "
        "so a warning",
        {g: (Custom(format_fits_year),) for g in GENERATIONS},
    ),
    Rule(
        "X-3",
        Severity.WARNING,
        "表格不应全部空白",
        "no table is entirely blank",
        "[REAL] a table printed without a single figure hides the year's work and blocks every "
        "rule on it; not arithmetic, so a warning",
        {g: (Custom(tables_not_blank),) for g in GENERATIONS},
    ),
    Rule(
        "V-1",
        Severity.WARNING,
        "报告 JSON 的字段和单元格键名符合格式",
        "the report JSON uses known fields and cell keys",
        "spec/report-json.md: cells are keyed by the canonical keys of cells.csv for the "
        "report's generation; unknown ones are kept but take part in no rule",
        {g: (Custom(lambda ctx: _problem_outcomes(ctx, STRUCTURE_PROBLEMS)),) for g in GENERATIONS},
    ),
    Rule(
        "V-2",
        Severity.ERROR,
        "报告 JSON 的数值可以读取",
        "every value in the report JSON is a readable number",
        "spec/report-json.md: a cell is a number or null; anything else was read as blank",
        {g: (Custom(lambda ctx: _problem_outcomes(ctx, VALUE_PROBLEMS)),) for g in GENERATIONS},
    ),
)
