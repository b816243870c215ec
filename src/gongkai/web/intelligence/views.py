"""Staff pages of published reports: the list, a bulk import and its progress, the matches
that wait for a person."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import Action
from gongkai.web.core import params
from gongkai.web.intelligence.access import analyst_required, report_for_review
from gongkai.web.intelligence.agency_names import name_parts
from gongkai.web.intelligence.forms import ImportForm
from gongkai.web.intelligence.history import become_history
from gongkai.web.intelligence.matching import external_agency
from gongkai.web.intelligence.models import Figure, ImportRun, Match, PublishedReport
from gongkai.web.intelligence.review import recount
from gongkai.web.intelligence.runs import progress_of, start_run


@analyst_required
def index(request):
    reports = PublishedReport.objects.select_related("agency", "external").order_by("-id")
    page = Paginator(reports, 50).get_page(params.number(request.GET.get("page"), 1, 10**6))
    context = {
        "page": page,
        "pending": PublishedReport.objects.filter(match=Match.PENDING).count(),
        "to_review": PublishedReport.objects.filter(review_items__gt=0).count(),
        "runs": ImportRun.objects.order_by("-created_at")[:5],
    }
    return render(request, "intelligence/index.html", context)


@analyst_required
def import_reports(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        from gongkai.web.intelligence.tasks import import_run

        run = start_run(form.cleaned_data["files"], request.user)
        transaction.on_commit(lambda: import_run.enqueue(run.pk))
        return redirect("published-reports-run", pk=run.pk)
    return render(request, "intelligence/import.html", {"form": form})


@analyst_required
def run_progress(request, pk: int):
    run = get_object_or_404(ImportRun, pk=pk)
    if run.started_by_id != request.user.pk and not request.user.is_superuser:
        raise PermissionDenied
    counts = progress_of(run)
    total = sum(counts.values())
    failed = run.items.filter(state="failed").order_by("id")[:200]
    context = {
        "run": run,
        "counts": counts,
        "total": total,
        "failed": failed,
        "done": total - counts["pending"],
    }
    return render(request, "intelligence/run.html", context)


@analyst_required
def matches(request):
    waiting = PublishedReport.objects.filter(match=Match.PENDING).order_by("id")[:100]
    rows = [(report, candidates_of(report)) for report in waiting]
    return render(request, "intelligence/matches.html", {"rows": rows})


def candidates_of(report: PublishedReport) -> list[Agency]:
    ids = [candidate["agency"] for candidate in report.candidates]
    found = {agency.pk: agency for agency in Agency.objects.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


@require_POST
@analyst_required
def confirm_match(request, pk: int):
    """A person names the agency: one of the tree (then it becomes that agency's history)
    or an external agency of the printed name."""
    report = report_for_review(request, pk)
    choice = request.POST.get("agency", "")
    if choice == "external":
        parts = name_parts(report.agency_name)
        report.external = external_agency(
            report.agency_name or report.source_name, parts.region, parts.level
        )
        report.match, report.agency = Match.EXTERNAL, None
    else:
        agency = Agency.objects.filter(pk=params.number(choice, 1, 2**31)).first()
        if agency is None or not permissions.can(request.user, Action.SUPERVISE, agency):
            messages.error(request, _("Choose one of your agencies, or an external agency."))
            return redirect("published-reports-matches")
        report.match, report.agency, report.external = Match.TREE, agency, None
    assign(report, request.user)
    messages.success(request, _("%(file)s: the agency is recorded.") % {"file": report.source_name})
    return redirect("published-reports-matches")


def assign(report: PublishedReport, actor) -> None:
    with transaction.atomic():
        report.candidates = []
        report.place()
        report.save(update_fields=["match", "agency", "external", "candidates", "region", "level"])
        Figure.objects.filter(report=report).update(agency=report.agency, external=report.external)
    if report.match == Match.TREE:
        with report.source_file.open("rb") as source:
            become_history(report, source.read(), actor)
    recount(report)
