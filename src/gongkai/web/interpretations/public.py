"""Public pages: the 政策解读 and 回应关切 column, each record beside its document, and files."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.models.entries import DisclosureMode, EntryState
from gongkai.web.interpretations.files import serve_file
from gongkai.web.interpretations.models import Interpretation, State

PER_PAGE = 20
COLUMNS = {"interpretations": False, "responses": True}  # ?show= → entry is null


# The entries whose page the public may open (catalog/public.py: readable_entries), as a
# condition on the interpretation's own row and its document's.
READABLE_DOCUMENT = Q(entry__state__in=[EntryState.PUBLISHED, EntryState.SUPERSEDED]) & ~Q(
    entry__disclosure_mode=DisclosureMode.WITHHELD
)


def public_records():
    """What the public may read: published records, of documents the public may read (an
    interpretation of a withdrawn document goes with it)."""
    return Interpretation.objects.filter(
        Q(entry__isnull=True) | READABLE_DOCUMENT, state=State.PUBLISHED
    ).select_related("agency", "entry")


def index(request):
    records = public_records().order_by("-published_on", "-id")
    show = request.GET.get("show", "")
    if show in COLUMNS:
        records = records.filter(entry__isnull=COLUMNS[show])
    agency = Agency.objects.filter(code=request.GET.get("agency", "")).first()
    if agency is not None:
        records = records.filter(agency__path__startswith=agency.path)
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    show = show if show in COLUMNS else ""
    context = {"page": page, "params": request.GET, "show": show, "agency": agency}
    return render(request, "interpretations/index.html", context)


def detail(request, pk: int):
    interpretation = get_object_or_404(public_records(), pk=pk)
    return render(request, "interpretations/detail.html", {"item": interpretation})


def public_file(request, pk: int, which: str):
    return serve_file(get_object_or_404(public_records(), pk=pk), which)
