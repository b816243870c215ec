"""When the official calendar changes, every open case's deadline is counted again — by the
worker, as a task (tasks.recount_open_deadlines), not in the request that changed it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from gongkai.web.applications.tasks import recount_open_deadlines
from gongkai.web.workcalendar.models import OfficialSchedule


@receiver([post_save, post_delete], sender=OfficialSchedule)
def calendar_changed(sender, instance: OfficialSchedule, **kwargs) -> None:
    # Enqueued inside the change's transaction: with the database task backend the task is
    # committed with the new schedule or not at all.
    recount_open_deadlines.enqueue(f"{instance.year}年节假日安排已更新")
