from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.admin import AgencyScopedAdmin
from gongkai.web.kiosk.models import ReadingPoint


@admin.register(ReadingPoint)
class ReadingPointAdmin(AgencyScopedAdmin):
    list_display = ["name", "agency", "kiosk_code", "address", "opening_hours", "idle_seconds",
                    "active"]  # fmt: skip
    list_filter = ["active"]
    search_fields = ["name", "address", "code"]
    readonly_fields = ["kiosk_code"]

    def get_fields(self, request, obj=None):
        """Those who may only read see the code as a code (<code>), the others edit it."""
        fields = [name for name in super().get_fields(request, obj) if name != "kiosk_code"]
        if obj is not None and not self.has_change_permission(request, obj):
            return ["kiosk_code" if name == "code" else name for name in fields]
        return fields

    @admin.display(description=_("kiosk code"), ordering="code")
    def kiosk_code(self, point: ReadingPoint) -> str:
        return format_html("<code>{}</code>", point.code)  # a code, not words to translate
