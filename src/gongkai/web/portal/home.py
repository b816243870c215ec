"""What the public home shows besides the agencies: the 政府信息公开 columns, the latest
publications, the 第二十条 items with their counts, and the 年报 of the latest year.

The columns follow the structure that the national guidelines for government websites
(政府网站集约化, 规范化) give a 政府信息公开 column: 指南, 机构信息, 法规文件, 法定主动公开内容,
目录, 政策解读 (where the platform has it), 年报, 依申请公开.
"""

from dataclasses import dataclass

from django.db.models import Sum
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from gongkai.statute.vocabularies import article_20_items
from gongkai.web.agencies.models import Agency
from gongkai.web.catalog import tally
from gongkai.web.catalog.annual_reports import annual_reports
from gongkai.web.catalog.listing import CatalogFilters, NewestFirst
from gongkai.web.catalog.models.tally import EntryTally

LATEST = 8  # publications on the home page
AGENCIES_PER_LEVEL = 24  # names of a level listed before "all N"
REPORTS_SHOWN = 12  # annual reports of the year listed before "all of them"
LAWS_ITEM = 1  # 第二十条（一）: 行政法规、规章和规范性文件 — the 法规文件 column


@dataclass(frozen=True)
class Column:
    label: str
    url: str
    note: str = ""


def url_if_exists(name: str, *args) -> str | None:
    """The page's address, or None while the platform has no such page (政策解读 until the
    interpretations app is installed)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def columns(root: Agency | None) -> list[Column]:
    """The 政府信息公开 columns, each with the page it opens."""
    article_20 = reverse("catalog-article20", args=[root.code]) if root else reverse("catalog")
    found = [
        Column(_("Disclosure guide"), reverse("portal-guide")),
        Column(_("Agency information"), reverse("agency-directory")),
        Column(_("Laws and documents"), f"{reverse('catalog')}?item={LAWS_ITEM}"),
        Column(_("Information published under Article 20"), article_20),
        Column(_("Catalogue"), reverse("catalog")),
    ]
    if interpretations := url_if_exists("interpretations"):
        found.append(Column(_("Policy interpretations"), interpretations))
    found += [
        Column(_("Annual reports"), reverse("catalog-annual-reports")),
        Column(_("Disclosure on application"), reverse("portal-apply")),
    ]
    return found


def latest_publications(limit: int = LATEST) -> list:
    """The newest public entries, each with its agency's name (`agency_name`)."""
    filters = CatalogFilters()
    entries = NewestFirst(filters, tally.count(filters))[:limit]
    agencies = Agency.objects.filter(pk__in={entry.agency_id for entry in entries})
    names = dict(agencies.values_list("pk", "name"))
    for entry in entries:
        entry.agency_name = names[entry.agency_id]
    return entries


def article_20_counts() -> list[tuple[int, str, int]]:
    """(item, label, public entries under it) for the fifteen items of 第二十条, from the
    tally (a few hundred rows, not the entries)."""
    counted = dict(
        EntryTally.objects.filter(item__gt=0)
        .values("item")
        .annotate(total=Sum("entries"))
        .values_list("item", "total")
    )
    return [(number, label, counted.get(number, 0)) for number, label in article_20_items()]


@dataclass(frozen=True)
class YearReports:
    year: int
    published: list[tuple[Agency, object]]  # (agency, its catalogue entry), governments first
    agencies: int  # how many agencies there are

    @property
    def shown(self) -> list:
        return self.published[:REPORTS_SHOWN]


def reports_of_the_year() -> YearReports | None:
    """The 年报 of the latest year any agency has reported on."""
    table = annual_reports()
    if not table.years:
        return None
    year = table.years[0]
    published = [(row.agency, row.reports[year]) for row in table.rows if year in row.reports]
    published.sort(key=lambda pair: not pair[0].level.endswith("government"))  # stable: tree order
    return YearReports(year, published, len(table.rows))
