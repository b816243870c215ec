"""Every staff view of an applicant's personal data goes into the case's history: the case
page, a letter, an attachment, an export. One event per person, case, kind of view and day:
enough to answer "who looked at this applicant's data, and when", without a line for every
reload of the page (exports are recorded each time: each is a copy made)."""

from datetime import datetime, time

from django.utils import timezone

from gongkai.web.applications.models import Event

VIEWED = "view_personal_data"
EXPORTED = "export_personal_data"


def record_view(case, user, what: str) -> None:
    """Record that `user` saw `what` of the case today, unless already recorded."""
    start = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    seen = Event.objects.filter(application=case, actor=user, action=VIEWED, note=what,
                                at__gte=start)  # fmt: skip
    if not seen.exists():
        Event.objects.create(application=case, actor=user, action=VIEWED, note=what)


def record_export(case, user, what: str) -> None:
    Event.objects.create(application=case, actor=user, action=EXPORTED, note=what)
