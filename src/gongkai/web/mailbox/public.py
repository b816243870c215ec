"""Public pages of the mailbox: ask a question, the receipt with its query code, tracking
(the question and answer behind the second factor), and the published questions — each
agency's list and the page of one — with personal data masked (redaction.py)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.web.agencies.models import Agency
from gongkai.web.applications.query_code import normalised as normalised_code
from gongkai.web.applications.ratelimit import allow_submission
from gongkai.web.applications.second_factor import Outcome
from gongkai.web.mailbox import second_factor, workflow
from gongkai.web.mailbox.deadlines import promised_days
from gongkai.web.mailbox.forms import AskForm
from gongkai.web.mailbox.models import Question
from gongkai.web.mailbox.redaction import public_version

PER_PAGE = 20
PUBLISHED = {"published_on__isnull": False, "consent_to_publish": True}


def published_questions():
    return (
        Question.objects.filter(**PUBLISHED)
        .select_related("agency")
        .order_by("-published_on", "-id")
    )


def with_public_text(questions) -> list:
    for question in questions:
        question.public = public_version(question)
    return questions


def index(request):
    """The latest published questions of every agency, and each agency's mailbox."""
    latest = with_public_text(list(published_questions()[:PER_PAGE]))
    agencies = Agency.objects.order_by("path")
    return render(request, "mailbox/index.html", {"latest": latest, "agencies": agencies})


def agency_mailbox(request, code: str):
    agency = get_object_or_404(Agency, code=code)
    page = Paginator(published_questions().filter(agency=agency), PER_PAGE).get_page(
        request.GET.get("page")
    )
    with_public_text(page.object_list)
    context = {"agency": agency, "page": page, "answer_days": promised_days(agency)}
    return render(request, "mailbox/agency.html", context)


def question_page(request, pk: int):
    question = get_object_or_404(Question.objects.filter(**PUBLISHED).select_related("agency"),
                                 pk=pk)  # fmt: skip
    context = {"question": question, "public": public_version(question)}
    return render(request, "mailbox/question.html", context)


@require_http_methods(["GET", "POST"])
def ask(request, code: str):
    agency = get_object_or_404(Agency, code=code)
    form = AskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not allow_submission(request):
            form.add_error(None, _("Too many submissions from this address; try again later."))
        else:
            try:
                question = workflow.ask(agency, form.question_fields(),
                                        token=form.cleaned_data["submission_token"])  # fmt: skip
            except workflow.MailboxError as error:
                form.add_error(None, str(error))
            else:
                return redirect("mailbox-receipt", query_code=question.query_code)
    context = {"agency": agency, "form": form, "answer_days": promised_days(agency)}
    return render(request, "mailbox/ask.html", context)


def receipt(request, query_code: str):
    question = get_object_or_404(Question.objects.select_related("agency"), query_code=query_code)
    return render(request, "mailbox/receipt.html", {"question": question})


def track(request):
    code = normalised_code(request.GET.get("code", ""))
    if code and Question.objects.filter(query_code=code).exists():
        return redirect("mailbox-status", query_code=code)
    return render(request, "mailbox/track.html", {"code": code, "not_found": bool(code)})


@require_http_methods(["GET", "POST"])
def status(request, query_code: str):
    """Where the question stands; with the second factor, the question and its answer."""
    code = normalised_code(query_code)
    if not code:
        raise Http404
    if code != query_code:
        return redirect("mailbox-status", query_code=code)
    question = get_object_or_404(Question.objects.select_related("agency", "application"),
                                 query_code=code)  # fmt: skip
    context = {"question": question}
    if request.method == "POST":
        outcome = second_factor.attempt(request, question, request.POST.get("digits", ""))
        context["second_factor"] = outcome.value
        context["opened"] = outcome is Outcome.OPENED
    response = render(request, "mailbox/status.html", context)
    if context.get("opened"):
        response["Cache-Control"] = "no-store"  # the page holds the asker's own words
    return response
