"""The supervising office's page: figures per agency of its subtree, and 督办."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.permissions import agency_required
from gongkai.web.agencies.roles import Action
from gongkai.web.supervision import reminders
from gongkai.web.supervision.figures import FIGURE_LABELS, INBOX_VIEWS, subtree_figures
from gongkai.web.supervision.models import Reminder


class ReminderForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Message (optional)"), required=False,
                           max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


def supervised(user):
    agencies = permissions.agencies_for(user, Action.SUPERVISE)
    if not agencies.exists():
        raise PermissionDenied
    return agencies


@login_required
def overview(request):
    today = timezone.localdate()
    agencies = supervised(request.user)
    rows, totals = subtree_figures(agencies, today)
    last = {}
    for reminder in Reminder.objects.filter(agency__in=agencies).select_related("sent_by"):
        last.setdefault(reminder.agency_id, reminder)
    for row in rows:
        row.last_reminder = last.get(row.agency.pk)
    recent = Reminder.objects.filter(agency__in=agencies).select_related("agency", "sent_by")
    context = {"rows": rows, "totals": totals, "today": today, "labels": FIGURE_LABELS,
               "inbox_views": INBOX_VIEWS, "recent": recent[:20],
               "form": ReminderForm()}  # fmt: skip
    return render(request, "supervision/overview.html", context)


@login_required
@require_POST
@agency_required(Action.SUPERVISE)
def remind(request):
    form = ReminderForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The message is too long."))
        return redirect("supervision")
    only = Agency.objects.filter(pk=request.agency.pk)
    rows, _totals = subtree_figures(only, timezone.localdate())
    reminders.send(request.agency, request.user, form.cleaned_data["note"], rows[0].figures)
    messages.success(request, _("Reminder sent to %(agency)s.") % {"agency": request.agency.name})
    return redirect("supervision")
