"""A year's 回应解读 figures, counted from the records in one aggregate query.

- 解读稿件数: interpretations of documents written, illustrated or filmed (文字、图文、视频),
  counted in the year they were published;
- 新闻发布会次数 and 在线访谈次数: events, each counted once in the year it was held, whether it
  explained a document or answered a concern; 主要负责同志参加: those the principal leader
  attended;
- 回应关切: concerns responded to, a concern answered several ways counting once (the old
  统计表: 不同方式回应同一热点或舆情计1次).

A record counts when it was made public, withdrawn since or not. The section 一 narrative
(annualreports/narrative.py) states these figures; GENERATION_A_CELLS names the rows of the
pre-2019 统计表's block 二、回应解读情况 that hold them.
"""

from dataclasses import asdict, dataclass
from datetime import date

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce

from gongkai.report.formats import GENERATIONS
from gongkai.web.agencies.models import Agency
from gongkai.web.interpretations.models import COUNTED_STATES, PIECES, Interpretation, Kind


@dataclass(frozen=True)
class YearCounts:
    interpretations: int = 0  # 解读稿件数
    press_conferences: int = 0  # 新闻发布会次数
    press_conferences_by_head: int = 0  # 其中主要负责同志参加
    online_interviews: int = 0  # 在线访谈次数
    online_interviews_by_head: int = 0
    responses: int = 0  # 回应关切: distinct concerns

    @property
    def any(self) -> bool:
        return any(asdict(self).values())


# The generation-A cells (formats/generation_a.py, block 二、回应解读情况) and the count each
# holds. Rows the records cannot count (微博微信回应事件数, 其他方式回应事件数) are not here.
GENERATION_A_CELLS = {
    "response.hotspots": "responses",
    "response.press_conferences": "press_conferences",
    "response.press_conferences_by_head": "press_conferences_by_head",
    "response.online_interviews": "online_interviews",
    "response.online_interviews_by_head": "online_interviews_by_head",
    "response.interpretations": "interpretations",
}
_unknown = set(GENERATION_A_CELLS) - set(GENERATIONS["A"].cells)
if _unknown:  # the format data changed under us: say so at import, not in a wrong report
    raise KeyError(f"not cells of generation A: {sorted(_unknown)}")

COUNTED_ON = Coalesce(F("held_on"), F("published_on"))  # events by their day, pieces by theirs


def year_counts(agencies, year: int) -> YearCounts:
    """The figures of `year` for an agency (or a queryset of agencies: their sum)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    selected = {"agency": agencies} if isinstance(agencies, Agency) else {"agency__in": agencies}
    records = (
        Interpretation.objects.filter(**selected, state__in=COUNTED_STATES)
        .alias(counted_on=COUNTED_ON)
        .filter(counted_on__range=(first, last))
    )
    head = Q(head_took_part=True)
    figures = records.aggregate(
        interpretations=Count("pk", filter=Q(kind__in=PIECES, entry__isnull=False)),
        press_conferences=Count("pk", filter=Q(kind=Kind.PRESS_CONFERENCE)),
        press_conferences_by_head=Count("pk", filter=Q(kind=Kind.PRESS_CONFERENCE) & head),
        online_interviews=Count("pk", filter=Q(kind=Kind.ONLINE_INTERVIEW)),
        online_interviews_by_head=Count("pk", filter=Q(kind=Kind.ONLINE_INTERVIEW) & head),
        responses=Count("concern", distinct=True, filter=Q(entry__isnull=True)),
    )
    return YearCounts(**figures)


def generation_a_cells(counts: YearCounts) -> dict[str, int]:
    """The counts under their cell keys of the pre-2019 统计表."""
    return {key: getattr(counts, name) for key, name in GENERATION_A_CELLS.items()}


def generation_a_rows(counts: YearCounts) -> list[tuple[str, str, int]]:
    """(row label as the 统计表 prints it, unit, figure), in the table's order."""
    cells = GENERATIONS["A"].cells
    figures = generation_a_cells(counts)
    return [(cells[key].row.label, cells[key].unit or "", figures[key])
            for key in cells if key in figures]  # fmt: skip
