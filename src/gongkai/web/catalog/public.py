"""Public pages of the catalogue: the 目录, entry pages, the 指南, 第二十条 items, feeds."""

from functools import cache
from html import escape

from django.contrib.syndication.views import Feed
from django.core.cache import cache as django_cache
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from gongkai.plaintext import xml_safe
from gongkai.statute.clock import CURRENT
from gongkai.statute.vocabularies import ANNUAL_REPORT_FORM, article_20_items
from gongkai.web.agencies import picker
from gongkai.web.agencies.models import Agency
from gongkai.web.catalog import annual_reports as reports
from gongkai.web.catalog import search, tally
from gongkai.web.catalog.listing import (
    CatalogFilters,
    CountedPaginator,
    NewestFirst,
    public_entries,
    without_agency,
)
from gongkai.web.catalog.models.entries import (
    VALIDITY_WORDS,
    DisclosureMode,
    Entry,
    EntryState,
    SubjectCategory,
    Validity,
)
from gongkai.web.catalog.timeliness import TIME_LIMIT_WORKING_DAYS
from gongkai.web.core import params
from gongkai.web.core.csp import uploaded_file

PER_PAGE = 20
FILTER_CHOICES_KEY = "catalog:filter-choices:tree"  # agencies as picker.Node
FILTER_CHOICES_SECONDS = 30


def catalog(request):
    query = request.GET.get("q", "").strip()
    choices = filter_choices()
    agencies = choices["agency"]
    context = {"query": query, "params": request.GET, "agencies": agencies,
               "options": filter_options(request.GET, choices)}  # fmt: skip
    filters = CatalogFilters.from_params(request.GET)
    if query:
        context["found"] = full_text(request, query, filters)
        context["max_words"] = search.MAX_WORDS
    else:
        total = tally.count(filters)
        root = filters.agency and filters.agency.parent_id is None
        if root and total == tally.count(without_agency(filters)):
            filters = without_agency(filters)  # the whole tree: nothing to check per entry
        paginator = CountedPaginator(NewestFirst(filters, total), PER_PAGE, total)
        page = context["page"] = paginator.get_page(request.GET.get("page"))
        names = {agency.pk: agency.name for agency in agencies}
        context["rows"] = table_rows(page.object_list, names)
    return render(request, "catalog/catalog.html", context)


# The 目录 is served hundreds of times a second: its filters' options and its rows are built
# here, where they cost a fifth of what template loops over every agency, subject and row do.


def table_rows(entries: list, agency_names: dict[int, str]) -> SafeString:
    """The <tr>s of a page of the 目录 (index number, title, agency, date)."""
    url = reverse("catalog-entry", args=[0]).removesuffix("0/")
    html = []
    for entry in entries:
        badge = (f' <span class="badge">{escape(VALIDITY_WORDS[entry.validity])}</span>'
                 if entry.validity != Validity.VALID else "")  # fmt: skip
        html.append(
            f'<tr><td class="code nowrap">{escape(entry.index_no or "")}</td>'
            f'<th scope="row"><a href="{url}{entry.pk}/">{escape(entry.title)}</a>{badge}</th>'
            f"<td>{escape(agency_names[entry.agency_id])}</td>"
            f'<td class="nowrap">{entry.published_on or ""}</td></tr>'
        )
    return mark_safe("".join(html))  # every value escaped above


def filter_choices() -> dict[str, list[tuple]]:
    """The agencies (picker.Node), national 主题分类 and years the 目录 filters by. The
    agencies and categories change a few times a year and cost two of a request's six
    queries, so the cache keeps them for FILTER_CHOICES_SECONDS (a new agency shows in the
    filter that late); the years follow each publication at once (tally.py)."""
    choices = django_cache.get(FILTER_CHOICES_KEY)
    if choices is None:
        choices = {
            "agency": picker.nodes(Agency.objects.all()),
            "subject": list(SubjectCategory.objects.filter(agency=None).values_list("pk", "name")),
        }
        django_cache.set(FILTER_CHOICES_KEY, choices, FILTER_CHOICES_SECONDS)
    return choices | {"year": tally.years()}


def filter_options(params, choices: dict[str, list[tuple]]) -> dict[str, SafeString]:
    """The <option>s of each filter of the 目录 but the agency's (agencies/picker.py), the
    chosen one selected."""
    values = {
        "subject": choices["subject"],
        "item": item_choices(),
        "year": [(year, year) for year in choices["year"]],
        "validity": list(VALIDITY_WORDS.items()),
    }
    return {name: options(pairs, params.get(name, "")) for name, pairs in values.items()}


@cache
def item_choices() -> list[tuple[int, str]]:
    """条例第二十条's items, shortened for the filter (the law text does not change)."""
    return [(number, Truncator(label).chars(24)) for number, label in article_20_items()]


def options(choices, chosen: str) -> SafeString:
    html = []
    for value, label in choices:
        selected = " selected" if str(value) == chosen else ""
        html.append(f'<option value="{escape(str(value))}"{selected}>{escape(str(label))}</option>')
    return mark_safe("".join(html))  # every value escaped above


def full_text(request, query: str, filters: CatalogFilters) -> search.SearchPage:
    """The words with every filter of the 目录: agency (and below), 主题分类, 第二十条 item,
    year and 有效性."""
    page = params.number(request.GET.get("page"), 1) or 1
    if filters.nothing:  # a filter named something that does not exist
        return search.SearchPage(query, 0, page, PER_PAGE)
    return search.search(query, agency=filters.agency, subject=filters.subject,
                         item=filters.item, year=filters.year, validity=filters.validity,
                         page=page, per_page=PER_PAGE)  # fmt: skip


def readable_entries():
    """Entries whose page the public may open: what the 目录 lists, and the earlier versions
    that a newer one superseded (kept readable, marked as replaced)."""
    return (
        Entry.objects.filter(state__in=[EntryState.PUBLISHED, EntryState.SUPERSEDED])
        .exclude(disclosure_mode=DisclosureMode.WITHHELD)
        .select_related("agency", "subject", "form", "superseded_by")
    )


def entry_page(request, pk: int):
    entry = get_object_or_404(readable_entries(), pk=pk)
    return render(request, "catalog/entry.html", {"entry": entry})


INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg", "image/gif"})


@uploaded_file
def attachment_file(request, pk: int, attachment_id: int):
    """A file of a proactively published entry (依申请公开 entries list metadata only)."""
    entry = get_object_or_404(
        readable_entries().filter(disclosure_mode=DisclosureMode.PROACTIVE), pk=pk
    )
    attachment = get_object_or_404(entry.attachments, pk=attachment_id)
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    # Only PDFs and images open in the browser; anything else (an uploaded HTML page, say)
    # is downloaded, so it never runs in the portal's origin.
    shown = attachment.content_type in INLINE_TYPES
    response["Content-Disposition"] = content_disposition_header(not shown, attachment.name)
    return response


def guide(request, code: str):
    """政府信息公开指南 (第十二条), generated from the agency's own data."""
    agency = get_object_or_404(Agency, code=code)
    return render(request, "catalog/guide.html", guide_context(agency))


def guide_context(agency: Agency) -> dict:
    """What the 指南 says of an agency (also shown by the kiosks of its 查阅点)."""
    return {
        "agency": agency,
        "items": article_20_items(),
        "answer_days": CURRENT.answer_days,
        "extension_days": CURRENT.max_extension_days,
        "publish_days": TIME_LIMIT_WORKING_DAYS,
        "annual_report_form": ANNUAL_REPORT_FORM,
        "supervisor": agency.parent,
        "reading_points": agency.reading_points.filter(active=True),  # 第二十五条
    }


def article_20(request, code: str):
    """法定主动公开内容: the agency's entries under each item of 第二十条."""
    agency = get_object_or_404(Agency, code=code)
    entries = public_entries().filter(agency=agency).exclude(article20_item=0)
    grouped = [(number, label, [e for e in entries if e.article20_item == number])
               for number, label in article_20_items()]  # fmt: skip
    return render(request, "catalog/article20.html", {"agency": agency, "groups": grouped})


def annual_reports(request, code: str | None = None):
    """The 年报 column: the agency's (or every agency's) annual reports by year."""
    agency = get_object_or_404(Agency, code=code) if code else None
    table = reports.annual_reports(agency)
    others = table.rows[1:] if agency else table.rows  # an agency's own come first, apart
    context = {
        "agency": agency, "form_name": ANNUAL_REPORT_FORM, "years": table.years,
        "own": sorted(table.rows[0].reports.items(), reverse=True) if agency else [],
        "rows": [(row.agency, row.cells(table.years)) for row in others],
    }  # fmt: skip
    return render(request, "catalog/annual_reports.html", context)


class AgencyFeed(Feed):
    """New entries of an agency (and the units below it), as Atom. Text goes through
    xml_safe: Django's feed writer refuses a control character, and a title stored with
    Word's \x0b must not take the agency's whole feed down."""

    feed_type = Atom1Feed

    def get_object(self, request, code: str):
        return get_object_or_404(Agency, code=code)

    def title(self, agency):
        return xml_safe(f"{agency.name} 政府信息公开")

    def link(self, agency):
        return reverse("catalog") + f"?agency={agency.code}"

    def items(self, agency):
        return (
            public_entries()
            .filter(agency__path__startswith=agency.path)
            .order_by("-published_on", "-id")[:50]
        )

    def item_title(self, entry):
        return xml_safe(entry.title)

    def item_description(self, entry):
        return xml_safe(search.lead(entry, 200))

    def item_link(self, entry):
        return reverse("catalog-entry", args=[entry.pk])

    def item_pubdate(self, entry):
        from datetime import datetime

        return datetime.combine(entry.published_on, datetime.min.time())
