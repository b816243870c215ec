"""The staff page where an agency's administrator sets its sign-off chain for answers."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.web.agencies import permissions
from gongkai.web.agencies.permissions import agency_required
from gongkai.web.agencies.roles import Action, Role
from gongkai.web.applications import signoff
from gongkai.web.applications.models import Application
from gongkai.web.applications.states import SIGN_OFF_STATES

# The roles that do an agency's casework: an administrator or the supervising office does
# not sign its answers (roles.py).
SIGNING_ROLES = [(role.value, role.label) for role in (Role.REVIEWER, Role.HEAD, Role.CLERK)]


class ChainForm(forms.Form):
    """Up to MAX_STEPS rows of (label, role), in order; empty rows are left out."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, signoff.MAX_STEPS + 1):
            self.fields[f"label_{number}"] = forms.CharField(
                label=gettext_lazy("Step %(number)s") % {"number": number}, max_length=40,
                required=False)  # fmt: skip
            self.fields[f"role_{number}"] = forms.ChoiceField(
                label=gettext_lazy("Role that takes step %(number)s") % {"number": number},
                choices=[("", "—"), *SIGNING_ROLES], required=False)  # fmt: skip

    def clean(self):
        data = super().clean()
        steps = []
        for number in range(1, signoff.MAX_STEPS + 1):
            label, role = data.get(f"label_{number}", "").strip(), data.get(f"role_{number}")
            if bool(label) != bool(role):
                raise forms.ValidationError(
                    _("Step %(number)s needs both a name and a role.") % {"number": number}
                )
            if label:
                steps.append((label, role))
        data["steps"] = steps
        return data


def initial_of(steps) -> dict:
    initial = {}
    for number, (label, role) in enumerate(steps, start=1):
        initial |= {f"label_{number}": label, f"role_{number}": role}
    return initial


@login_required
def chains(request):
    """The agencies whose chain the user sets: straight to it when there is one."""
    agencies = permissions.agencies_for(request.user, Action.MANAGE).order_by("path")
    if not agencies.exists():
        raise PermissionDenied
    if agencies.count() == 1:
        return redirect("application-sign-off", code=agencies.get().code)
    listed = [(agency, signoff.chain(agency)) for agency in agencies]
    return render(request, "applications/sign_off_chains.html", {"listed": listed})


@login_required
@agency_required(Action.MANAGE)
def chain_page(request):
    agency = request.agency
    steps = [(step.label, step.role) for step in signoff.chain(agency)]
    form = ChainForm(request.POST if request.method == "POST" else None, initial=initial_of(steps))
    if request.method == "POST":
        if "default" in request.POST:
            signoff.set_chain(agency, signoff.DEFAULT_CHAIN)
            messages.success(request, _("The sign-off chain is saved."))
            return redirect("application-sign-off", code=agency.code)
        if form.is_valid():
            signoff.set_chain(agency, form.cleaned_data["steps"])
            messages.success(request, _("The sign-off chain is saved."))
            return redirect("application-sign-off", code=agency.code)
    under_way = Application.objects.filter(agency=agency, state__in=SIGN_OFF_STATES).count()
    context = {"agency": agency, "form": form, "steps": steps, "under_way": under_way,
               "rows": rows_of(form), "default": signoff.DEFAULT_CHAIN}  # fmt: skip
    return render(request, "applications/sign_off_chain.html", context)


def rows_of(form: ChainForm) -> list[tuple]:
    return [(form[f"label_{n}"], form[f"role_{n}"]) for n in range(1, signoff.MAX_STEPS + 1)]
