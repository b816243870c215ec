"""The platform superusers' view of background work: what was scheduled, sent, and who runs it.
(The queued tasks themselves are in django_tasks_db's own admin.)"""

from django.contrib import admin

from gongkai.web.jobs.models import Notification, ScheduledRun, WorkerHeartbeat


class ReadOnlyForSuperusers(admin.ModelAdmin):
    """Records of what happened: superusers may look, nobody edits them here."""

    def superuser_only(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def never(self, request, obj=None) -> bool:
        return False

    has_module_permission = superuser_only
    has_view_permission = superuser_only
    has_add_permission = never
    has_change_permission = never
    has_delete_permission = never


@admin.register(Notification)
class NotificationAdmin(ReadOnlyForSuperusers):
    list_display = ["created_at", "recipient", "subject", "about", "sent_at"]
    search_fields = ["recipient", "subject", "key", "about"]
    date_hierarchy = "created_at"


@admin.register(ScheduledRun)
class ScheduledRunAdmin(ReadOnlyForSuperusers):
    list_display = ["job", "period", "enqueued_at", "task_id"]
    list_filter = ["job"]


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(ReadOnlyForSuperusers):
    list_display = ["worker_id", "host", "pid", "started_at", "seen_at"]
