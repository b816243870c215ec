"""Public pages: apply online, the receipt, and tracking by query code (no personal data);
the letters sent to the applicant, behind a second factor (second_factor.py)."""

from datetime import datetime, time

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.letters import MEDIA_TYPES
from gongkai.web.agencies.models import Agency
from gongkai.web.applications import deadlines, letters, second_factor, tokens, workflow
from gongkai.web.applications.forms import PublicApplicationForm
from gongkai.web.applications.letters import APPLICANT_LETTERS
from gongkai.web.applications.models import Application, Event, Letter
from gongkai.web.applications.query_code import normalised as normalised_code
from gongkai.web.applications.ratelimit import allow_submission
from gongkai.web.applications.results import applicant_letters, downloadable, result_of
from gongkai.web.applications.states import OPEN_STATES

DOWNLOADED = "applicant_downloaded"


@require_http_methods(["GET", "POST"])
def apply(request, code: str):
    agency = get_object_or_404(Agency, code=code)
    form = PublicApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if not allow_submission(request):
            form.add_error(None, _("Too many applications from this address; try again later."))
        else:
            try:
                case = workflow.submit(
                    agency,
                    form.application_fields(),
                    token=form.cleaned_data["submission_token"],
                    files=form.cleaned_data["attachments"],
                )
            except tokens.TokenRefused as error:
                form.add_error(None, str(error))
            else:
                return redirect("application-receipt", query_code=case.query_code)
    return render(request, "applications/apply.html", {"agency": agency, "form": form})


def public_view(request, query_code: str, template: str):
    case = get_object_or_404(Application.objects.select_related("agency"), query_code=query_code)
    context = {"case": case, "is_open": case.state in OPEN_STATES}
    if case.state in OPEN_STATES:
        context["explanation"] = deadlines.explanation(case)  # a waiting case: its own time
    return render(request, template, context)


def receipt(request, query_code: str):
    return public_view(request, query_code, "applications/receipt.html")


def track(request):
    code = normalised_code(request.GET.get("code", ""))
    if code:
        if Application.objects.filter(query_code=code).exists():
            return redirect("application-status", query_code=code)
        return render(request, "applications/track.html", {"code": code, "not_found": True})
    return render(request, "applications/track.html", {})


@require_http_methods(["GET", "POST"])
def status(request, query_code: str):
    """The case's progress; once the applicant gives the second factor, links to the letters."""
    code = normalised_code(query_code)
    if not code:
        raise Http404
    if code != query_code:  # typed into the address bar as people type it
        return redirect("application-status", query_code=code)
    case = get_object_or_404(Application.objects.select_related("agency"), query_code=code)
    context = {"case": case, "is_open": case.state in OPEN_STATES, "result": result_of(case),
               "letters": applicant_letters(case), "downloadable": downloadable(case)}  # fmt: skip
    if case.state in OPEN_STATES:
        context["explanation"] = deadlines.explanation(case)  # a waiting case: its own time
    if request.method == "POST" and context["downloadable"]:
        outcome = second_factor.attempt(request, case, request.POST.get("digits", ""))
        context["second_factor"] = outcome.value
        if outcome is second_factor.Outcome.OPENED:
            context["letters_key"] = second_factor.letters_key(case)
    response = render(request, "applications/status.html", context)
    if "letters_key" in context:
        response["Cache-Control"] = "no-store"  # the page holds the key to the letters
    return response


def record_download(case: Application, letter: Letter) -> None:
    """The first download of a letter each day goes into the history: for a letter the
    applicant chose to receive online, the day it reached them (送达)."""
    start = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    seen = case.events.filter(action=DOWNLOADED, note=letter.number, at__gte=start)
    if not seen.exists():
        Event.objects.create(application=case, action=DOWNLOADED, note=letter.number)


def letter(request, query_code: str, letter_id: int):
    """A letter sent to the applicant, as PDF, under the key the second factor gave."""
    case = get_object_or_404(Application, query_code=query_code)
    found = get_object_or_404(case.letters, pk=letter_id, kind__in=APPLICANT_LETTERS)
    if not (downloadable(case) and second_factor.opens(case, request.GET.get("key", ""))):
        raise PermissionDenied
    record_download(case, found)
    response = HttpResponse(letters.rendered(found, "pdf"), content_type=MEDIA_TYPES["pdf"])
    response["Content-Disposition"] = content_disposition_header(
        True, f"{found.number}{found.title}.pdf"
    )
    response["Cache-Control"] = "no-store"
    return response
