"""Public pages: apply online, the receipt, and tracking by query code (no personal data)."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.statute.explain import explain
from gongkai.web.agencies.models import Agency
from gongkai.web.applications import tokens, workflow
from gongkai.web.applications.deadlines import deadline_of
from gongkai.web.applications.forms import PublicApplicationForm
from gongkai.web.applications.models import Application
from gongkai.web.applications.ratelimit import allow_submission
from gongkai.web.applications.states import OPEN_STATES


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
        context["explanation"] = explain(deadline_of(case))
    return render(request, template, context)


def receipt(request, query_code: str):
    return public_view(request, query_code, "applications/receipt.html")


def track(request):
    code = request.GET.get("code", "").strip().upper()
    if code:
        if Application.objects.filter(query_code=code).exists():
            return redirect("application-status", query_code=code)
        return render(request, "applications/track.html", {"code": code, "not_found": True})
    return render(request, "applications/track.html", {})


def status(request, query_code: str):
    return public_view(request, query_code, "applications/status.html")
