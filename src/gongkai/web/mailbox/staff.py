"""Staff pages of the mailbox: the inbox of open questions with their due dates (overdue
marked), and a question's page with its history and steps — answer, publish or withdraw,
turn into a disclosure application."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.core.steps import take_step
from gongkai.web.mailbox import conversion, workflow
from gongkai.web.mailbox.forms import AnswerForm, ConvertForm
from gongkai.web.mailbox.models import Question, QuestionEvent, QuestionState

DUE_SOON_DAYS = 3  # calendar days
VIEW_LABELS = [
    ("open", gettext_lazy("Awaiting an answer")),
    ("due_soon", gettext_lazy("Due within 3 days")),
    ("overdue", gettext_lazy("Overdue")),
    ("answered", gettext_lazy("Answered")),
    ("converted", gettext_lazy("Turned into applications")),
    ("all", gettext_lazy("All")),
]


def views(today: date) -> dict[str, Q]:
    is_open = Q(state=QuestionState.OPEN)
    return {
        "open": is_open,
        "due_soon": is_open & Q(due_on__range=(today, today + timedelta(days=DUE_SOON_DAYS))),
        "overdue": is_open & Q(due_on__lt=today),
        "answered": Q(state=QuestionState.ANSWERED),
        "converted": Q(state=QuestionState.CONVERTED),
        "all": Q(),
    }


@login_required
def inbox(request):
    today = timezone.localdate()
    conditions = views(today)
    view = request.GET.get("view", "open")
    view = view if view in conditions else "open"
    questions = permissions.scope(Question.objects.select_related("agency"), request.user)
    questions = questions.filter(conditions[view])
    ordering = ["due_on", "id"] if view in {"open", "due_soon", "overdue"} else ["-id"]
    page = Paginator(questions.order_by(*ordering), 50).get_page(request.GET.get("page"))
    context = {"page": page, "view": view, "view_labels": VIEW_LABELS, "today": today}
    return render(request, "mailbox/inbox.html", context)


def question_for(user, pk: int) -> Question:
    scoped = permissions.scope(Question.objects.select_related("agency", "application"), user)
    return get_object_or_404(scoped, pk=pk)


def record_view(question: Question, user) -> None:
    """Who saw the asker's personal data: one event per person, question and day."""
    start = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    seen = question.events.filter(actor=user, action="view_personal_data", at__gte=start)
    if not seen.exists():
        QuestionEvent.objects.create(question=question, actor=user, action="view_personal_data")


@login_required
def question_page(request, pk: int):
    question = question_for(request.user, pk)
    record_view(question, request.user)
    may_handle = permissions.can(request.user, Action.HANDLE, question.agency)
    is_open = question.state == QuestionState.OPEN
    context = {
        "question": question,
        "events": question.events.select_related("actor"),
        "today": timezone.localdate(),
        "may_handle": may_handle,
        "answer_form": AnswerForm() if may_handle and is_open else None,
        "convert_form": ConvertForm() if may_handle and is_open else None,
    }
    return render(request, "mailbox/staff_question.html", context)


STEPS = {
    "answer": (AnswerForm, lambda q, user, data: workflow.answer(
        q, user, data["answer"], publish=data["publish"] and q.consent_to_publish)),
    "publish": (None, lambda q, user, data: workflow.set_published(q, user, True)),
    "unpublish": (None, lambda q, user, data: workflow.set_published(q, user, False)),
    "convert": (ConvertForm, lambda q, user, data: conversion.convert(
        q, user, data["form_requested"], data["delivery"], data["note"])),
}  # fmt: skip


class NoFields:
    """The form of a step that takes no input."""

    errors: dict = {}
    cleaned_data: dict = {}

    def is_valid(self) -> bool:
        return True


@login_required
@require_POST
def perform_action(request, pk: int, action: str):
    if action not in STEPS:
        raise Http404
    question = question_for(request.user, pk)
    form_class, step = STEPS[action]
    form = form_class(request.POST) if form_class else NoFields()
    take_step(request, form, lambda data: step(question, request.user, data),
              workflow.MailboxError)  # fmt: skip
    return redirect("mailbox-staff-question", pk=question.pk)
