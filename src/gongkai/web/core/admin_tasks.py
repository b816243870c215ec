"""The admin of django-tasks-db's queued tasks with its columns named in the reader's
language (the app's admin names them in English: "Id", "Task name", "run after")."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult


class TaskResultAdmin(DBTaskResultAdmin):
    list_display = ("task_id", "task", "status", "enqueued_at", "started_at", "finished_at",
                    "priority", "queue_name")  # fmt: skip

    @admin.display(description=_("ID"), ordering="id")
    def task_id(self, result: DBTaskResult) -> str:
        return format_html("<code>{}</code>", result.id)

    @admin.display(description=_("task path"), ordering="task_path")
    def task(self, result: DBTaskResult) -> str:
        return format_html("<code>{}</code>", result.task_name)

    @admin.display(description=_("traceback"))
    def formatted_traceback(self, result: DBTaskResult) -> str:
        return super().formatted_traceback(result)

    @admin.display(description=_("run after"))
    def display_run_after(self, result: DBTaskResult):
        return super().display_run_after(result)


def register(site: admin.AdminSite) -> None:
    """In place of the app's own admin (registered when the admins were discovered)."""
    if site.is_registered(DBTaskResult):
        site.unregister(DBTaskResult)
    site.register(DBTaskResult, TaskResultAdmin)
