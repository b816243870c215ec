"""When the official calendar changes, every open case's deadline is counted again."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from gongkai.web.applications.deadlines import refresh_deadline
from gongkai.web.applications.models import Application, Event
from gongkai.web.applications.states import OPEN_STATES
from gongkai.web.workcalendar.calendar import current_calendar
from gongkai.web.workcalendar.models import OfficialSchedule


@receiver([post_save, post_delete], sender=OfficialSchedule)
def calendar_changed(sender, instance: OfficialSchedule, **kwargs) -> None:
    transaction.on_commit(lambda: recompute_open_deadlines(f"{instance.year}年节假日安排已更新"))


def recompute_open_deadlines(reason: str) -> int:
    """Recount every open case; record each changed deadline in its history."""
    calendar = current_calendar()
    changed = 0
    for case in Application.objects.filter(state__in=OPEN_STATES).iterator():
        with transaction.atomic():
            case = Application.objects.select_for_update().get(pk=case.pk)
            changes = refresh_deadline(case, calendar)
            if changes:
                case.save(update_fields=["due_on", "due_provisional"])
                Event.objects.create(application=case, action="recalculate",
                                     from_state=case.state, to_state=case.state,
                                     changes=changes, note=reason)  # fmt: skip
                changed += 1
    return changed
