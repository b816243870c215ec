"""The small form behind each workflow action, declared as data: which fields it asks for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.statute.outcomes import DECISIONS, GRANTED_KINDS
from gongkai.web.applications.models import FEE_METHODS, ClockPause
from gongkai.web.core.widgets import DateInput

TODAY_IF_EMPTY = _("Date (leave empty for today)")
NOTE = _("Note")


def date_field(label=TODAY_IF_EMPTY) -> forms.DateField:
    return forms.DateField(label=label, required=False,
                           widget=DateInput())  # fmt: skip


def note_field(label=NOTE, required=False) -> forms.CharField:
    return forms.CharField(label=label, required=required,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


# What a decision letter may have to say; which ones a decision needs is the letter
# template's business (gongkai.letters), which names any that are missing.
DECISION_TEXTS = {
    "reason": _("Reasons"),
    "provided_content": _("Information provided"),
    "withheld_content": _("Parts not disclosed"),
    "provision_method": _("How the information is provided"),
    "access_method": _("Where the information can be obtained"),
    "legal_basis": _("Law or regulation relied on"),
    "responsible_agency": _("Agency responsible for the information"),
    "previous_reply": _("Earlier reply to the same request"),
    "publication": _("Publication"),
}
NOT_HELD = {"not_exist": _("The information does not exist"),
            "not_ours": _("Another agency is responsible")}  # fmt: skip


def decision_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for key, outcome in DECISIONS.items():
        groups.setdefault(outcome.group, []).append((key, f"{outcome.label}（{outcome.articles}）"))
    return list(groups.items())


def decision_fields() -> dict:
    """The answer and what its letter says: decided in one step, or drafted for sign-off."""
    return {
        "outcome": forms.ChoiceField(label=_("Decision"), choices=decision_choices()),
        "granted_kind": forms.ChoiceField(
            label=_("If disclosed"), required=False,
            choices=[("", "—"), *GRANTED_KINDS.items()]),
        "variant": forms.ChoiceField(label=_("If not held"), required=False,
                                     choices=[("", "—"), *NOT_HELD.items()]),
        **{name: note_field(label) for name, label in DECISION_TEXTS.items()},
        "on_the_spot": forms.BooleanField(label=_("Answered on the spot"), required=False),
    }  # fmt: skip


FIELDS = {
    "request_correction": lambda: {
        "note": note_field(_("What must be corrected (one item per line)"), True),
        "correction_due": date_field(_("Correct by (empty: 15 working days)")),
        "on": date_field(),
    },
    "receive_correction": lambda: {"on": date_field(_("Corrected application received on"))},
    "abandon_correction": lambda: {"note": note_field(), "on": date_field()},
    "start_consultation": lambda: {
        "kind": forms.ChoiceField(label=_("Consult"),
                                  choices=[c for c in ClockPause.KINDS if c[0] != "fee"]),
        "party": forms.CharField(label=_("Who is consulted"), max_length=100),
        "interest": forms.CharField(label=_("Their interest involved"), max_length=100,
                                    required=False),
        "on": date_field(_("Letter sent on")),
    },
    "end_consultation": lambda: {"note": note_field(_("Opinion received")),
                                 "on": date_field(_("Reply received on"))},
    "extend": lambda: {
        "days": forms.IntegerField(label=_("Extension (working days)"), min_value=1,
                                   max_value=20, initial=20),
        "note": note_field(_("Reason for the extension"), True),
    },
    "send_fee_notice": lambda: {
        "method": forms.ChoiceField(label=_("Fee method"), choices=FEE_METHODS),
        "quantity": forms.IntegerField(label=_("Applications this month, or pages"), min_value=1),
        "on": date_field(_("Notice sent on")),
    },
    "record_payment": lambda: {"on": date_field(_("Paid on"))},
    "abandon_payment": lambda: {"note": note_field(), "on": date_field()},
    "decide": lambda: decision_fields() | {"on": date_field(_("Answered on"))},
    "draft_decision": lambda: decision_fields() | {"on": date_field(_("Drafted on"))},
    "approve_draft": lambda: {"note": note_field(_("Comments")), "on": date_field()},
    "return_draft": lambda: {"note": note_field(_("What must be revised"), True),
                             "on": date_field()},
    "issue": lambda: {"on": date_field(_("Issued on"))},
    "close": lambda: {"on": date_field(_("Closed on"))},
    "withdraw": lambda: {"note": note_field(_("How the applicant withdrew"), True),
                         "on": date_field()},
}  # fmt: skip


def action_form(action: str, data=None, initial=None) -> forms.Form:
    form = forms.Form(data, prefix=action, initial=initial)
    form.fields.update(FIELDS[action]())
    return form


def action_params(form: forms.Form) -> dict:
    return {name: value for name, value in form.cleaned_data.items() if value not in ("", None)}
