"""Everything the platform holds about one applicant, across the cases a staff member may
handle (个人信息保护法第四十五条: the person may see and copy it): each case's fields, its
history, its letters as issued and the list of its attachments, and the 复议/诉讼 about it."""

from django.db.models import Q
from django.utils import timezone

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.applications.models import Application
from gongkai.web.privacy.access import record_export

CASE_FIELDS = ("number", "query_code", "applicant_type", "name", "identity_type",
               "identity_number", "org_code", "representative", "contact_person", "phone",
               "email", "address", "postal_code", "channel", "received_on", "description",
               "form_requested", "delivery", "state", "outcome", "decided_on",
               "closed_on")  # fmt: skip


def cases_of(user, key: str):
    """The cases the user may handle whose applicant has this identity number, USCC, phone
    or e-mail address (exactly)."""
    key = key.strip()
    if not key:
        return Application.objects.none()
    mine = permissions.scope(Application.objects.select_related("agency"), user, Action.HANDLE)
    return mine.filter(Q(identity_number__iexact=key) | Q(org_code__iexact=key) | Q(phone=key)
                       | Q(email__iexact=key)).order_by("received_on", "id")  # fmt: skip


def plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def case_data(case: Application) -> dict:
    return {name: plain(getattr(case, name)) for name in CASE_FIELDS} | {
        "agency": case.agency.name,
        "history": [{"at": plain(e.at), "action": e.action_label, "note": e.note}
                    for e in case.events.all()],
        "letters": [{"number": letter.number, "title": letter.title,
                     "issued_on": plain(letter.issued_on), "content": letter.snapshot}
                    for letter in case.letters.all()],
        "attachments": [{"name": a.name, "size": a.size, "uploaded_at": plain(a.uploaded_at)}
                        for a in case.attachments.all()],
        "appeals": [{"number": appeal.number, "kind": appeal.get_kind_display(),
                     "appellant": appeal.appellant, "filed_on": plain(appeal.filed_on),
                     "result": str(appeal.outcome_label)} for appeal in case.appeals.all()],
    }  # fmt: skip


def export(user, key: str, what: str) -> dict:
    """The applicant's data as one JSON-ready document; each case records the export."""
    cases = list(cases_of(user, key))
    for case in cases:
        record_export(case, user, what)
    return {"exported_at": timezone.now().isoformat(), "exported_by": user.get_username(),
            "key": key, "cases": [case_data(case) for case in cases]}  # fmt: skip
