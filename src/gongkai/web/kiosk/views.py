"""The kiosk of a 查阅点: a touch-screen frame at /kiosk/<code>/ with the 目录, search and the
指南 in large type. No login, no personal data, nothing to fill in but a search; it returns
to its start after the point's time of inactivity (kiosk.js, with a countdown).

A visit is counted when a visitor first leaves the start page, and lasts while the kiosk is
in use: a cookie holding only "1" that expires after the point's time of inactivity, and that
the return to the start deletes. A search is counted when its first page is shown."""

from functools import wraps
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from gongkai.web.catalog import search, tally
from gongkai.web.catalog.listing import CatalogFilters, CountedPaginator, NewestFirst
from gongkai.web.catalog.public import guide_context, readable_entries
from gongkai.web.core import display, params
from gongkai.web.kiosk import counting
from gongkai.web.kiosk.frequent import frequent_searches
from gongkai.web.kiosk.models import ReadingPoint

VISIT_COOKIE = "gongkai_kiosk_visit"
PER_PAGE = 8


def kiosk_page(counts_visit: bool = True):
    """Finds the 查阅点 in service; counts a visit on the first page after the start."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, code: str, *args, **kwargs):
            points = ReadingPoint.objects.select_related("agency")
            point = get_object_or_404(points, code=code, active=True)
            response = view(request, point, *args, **kwargs)
            if counts_visit:
                if request.COOKIES.get(VISIT_COOKIE) != "1":
                    counting.record(point, "visits")
                response.set_cookie(VISIT_COOKIE, "1", max_age=point.idle_seconds,
                                    path=home(point), samesite="Strict", httponly=True)  # fmt: skip
            return response

        return wrapper

    return decorator


def home(point: ReadingPoint) -> str:
    return reverse("kiosk", args=[point.code])


def frame(point: ReadingPoint, **context) -> dict:
    return {"point": point, "kiosk_home": home(point), **context}


@kiosk_page(counts_visit=False)
def start(request, point: ReadingPoint):
    apply_path = reverse("application-apply", args=[point.agency.code])
    context = frame(point, apply_url=request.build_absolute_uri(apply_path),
                    apply_qr=f"{reverse('qr-code')}?{urlencode({'path': apply_path})}")  # fmt: skip
    return render(request, "kiosk/start.html", context)


@kiosk_page()
def keyboard(request, point: ReadingPoint):
    context = frame(point, frequent=frequent_searches(point.agency))
    return render(request, "kiosk/keyboard.html", context)


@kiosk_page()
def catalog(request, point: ReadingPoint):
    query = request.GET.get("q", "").strip()
    number = params.number(request.GET.get("page"), 1) or 1
    context = frame(point, query=query, frequent=frequent_searches(point.agency))
    if query:
        context["found"] = search.search(query, agency=point.agency, page=number,
                                         per_page=PER_PAGE)  # fmt: skip
        if number == 1:
            counting.record(point, "searches")
    else:
        filters = CatalogFilters(agency=point.agency)
        total = tally.count(filters)
        paginator = CountedPaginator(NewestFirst(filters, total), PER_PAGE, total)
        context["page"] = paginator.get_page(number)
    return render(request, "kiosk/catalog.html", context)


@kiosk_page()
def entry(request, point: ReadingPoint, pk: int):
    found = get_object_or_404(readable_entries(), pk=pk)
    return render(request, "kiosk/entry.html", frame(point, entry=found))


@kiosk_page()
def guide(request, point: ReadingPoint):
    context = frame(point, kiosk=True, **guide_context(point.agency))
    return render(request, "kiosk/guide.html", context)


def reset(request, code: str):
    """The return to the start: the visit ends, and the screen's contrast is the usual again."""
    if not ReadingPoint.objects.filter(code=code, active=True).exists():
        raise Http404
    response = redirect("kiosk", code=code)
    response.delete_cookie(VISIT_COOKIE, path=reverse("kiosk", args=[code]))
    response.delete_cookie(display.MODES["high-contrast"])  # the next visitor's own choice
    return response
