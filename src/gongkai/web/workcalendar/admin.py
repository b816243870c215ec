from django.contrib import admin

from gongkai.web.workcalendar.models import OfficialSchedule


@admin.register(OfficialSchedule)
class OfficialScheduleAdmin(admin.ModelAdmin):
    """Platform superusers enter each year's State Council schedule; everyone relies on it."""

    list_display = ["year", "source", "entered_at"]

    def superuser_only(self, request, obj=None) -> bool:
        return request.user.is_superuser

    has_module_permission = superuser_only
    has_view_permission = superuser_only
    has_add_permission = superuser_only
    has_change_permission = superuser_only
    has_delete_permission = superuser_only
