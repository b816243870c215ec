from django.contrib import admin

from gongkai.web.agencies.admin import AgencyScopedAdmin
from gongkai.web.applications.models import Application, Event


class EventInline(admin.TabularInline):
    model = Event
    fields = ["at", "actor", "action", "from_state", "to_state", "changes", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(AgencyScopedAdmin):
    """Read-only: cases change only through the workflow, so that every change is recorded."""

    list_display = ["number", "agency", "name", "state", "received_on", "due_on", "outcome"]
    list_filter = ["state", "outcome", "applicant_type"]
    search_fields = ["number", "name", "description", "query_code"]
    inlines = [EventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
