"""The review queue: reports with something a person should look at, and the side-by-side
page — the source lines the parser read (the doubtful cell's line highlighted) next to the
official table, with each doubtful figure one keystroke (Enter) from confirmed or corrected."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.report.render.document import build_document
from gongkai.report.render.html import table_html
from gongkai.web.core import params
from gongkai.web.core.csp import without_inline_widths
from gongkai.web.intelligence.access import analyst_required, report_for_review
from gongkai.web.intelligence.figures import as_number
from gongkai.web.intelligence.forms import parse_value
from gongkai.web.intelligence.history import as_read
from gongkai.web.intelligence.models import Figure, PublishedReport
from gongkai.web.intelligence.review import ReviewItem, correct, review_items
from gongkai.web.intelligence.source_view import source_excerpt

GENERATION_LABELS = {"A": "2014", "B": "2019", "C": "2021"}


@analyst_required
def queue(request):
    reports = (
        PublishedReport.objects.filter(review_items__gt=0)
        .select_related("agency", "external")
        .order_by("id")
    )
    page = Paginator(reports, 50).get_page(params.number(request.GET.get("page"), 1, 10**6))
    return render(request, "intelligence/queue.html", {"page": page})


@analyst_required
def review(request, pk: int):
    report = report_for_review(request, pk)
    language = "en" if get_language() == "en" else "zh"
    items = review_items(report, language)
    chosen = request.GET.get("key") or (
        items[0].figures[0].key if items and items[0].figures else ""
    )
    context = {
        "report": report,
        "items": [item_context(item) for item in items],
        "chosen": chosen,
        "source": source_excerpt(report, chosen),
        "tables": official_tables(report),
        "corrections": corrections_of(report),
        "next_report": next_in_queue(report),
    }
    return render(request, "intelligence/review.html", context)


def item_context(item: ReviewItem) -> dict:
    return {
        "why": item.why,
        "rule": item.rule,
        "figures": [(f, shown(f.value)) for f in item.figures],
    }


def shown(value) -> str:
    number = as_number(value)
    return "" if number is None else str(number)


def official_tables(report: PublishedReport) -> list:
    document = build_document(as_read(report))
    return [
        mark_safe(without_inline_widths(table_html(grid)))
        for section in document.sections
        for grid in section.grids
    ]


def corrections_of(report: PublishedReport):
    from gongkai.web.intelligence.models import Correction

    return (
        Correction.objects.filter(figure__report=report)
        .select_related("figure", "by")
        .order_by("-at", "-id")[:50]
    )


def next_in_queue(report: PublishedReport) -> PublishedReport | None:
    later = PublishedReport.objects.filter(review_items__gt=0, pk__gt=report.pk)
    return later.order_by("id").first()


@require_POST
@analyst_required
def correct_figure(request, pk: int, key: str):
    report = report_for_review(request, pk)
    figure = get_object_or_404(Figure, report=report, key=key)
    try:
        value = parse_value(request.POST.get("value", ""))
    except forms.ValidationError as error:
        messages.error(request, f"{key}: {' '.join(error.messages)}")
        return redirect(f"{review_url(report)}?key={key}")
    correction = correct(figure, value, request.user)
    if correction.before == correction.after:
        messages.success(request, _("%(key)s confirmed as read.") % {"key": key})
    else:
        messages.success(
            request,
            _("%(key)s corrected: %(before)s → %(after)s.")
            % {
                "key": key,
                "before": shown(correction.before) or "—",
                "after": shown(correction.after) or "—",
            },
        )
    return redirect(review_url(report))


def review_url(report: PublishedReport) -> str:
    from django.urls import reverse

    return reverse("published-reports-review", args=[report.pk])
